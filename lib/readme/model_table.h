#pragma once
// Model tables of a model README and the index table of a zoo's root README (SPEC 2, 3).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "readme/markdown_tables.h"

namespace ohm::readme {

// One body row of a model table, cells as written; the zoo layer resolves them.
struct ModelRow {
  int line = 0;
  Cell model;
  Cell download;
  std::optional<Cell> with_data;  // "Download (with sample test data)" when the column exists
  Cell onnx_version;
  Cell opset;
};

// The rows of every model table among `tables` (parse_tables of a README).
// Tables with Model and Download but no opset or ONNX version column get
// readme.table.missing-column; rows whose Model and Download cells are both
// empty are skipped.
std::vector<ModelRow> read_model_rows(const std::vector<Table>& tables, const std::string& shown_path,
                                      Diagnostics& diags);
// The same, parsing `markdown` first.
std::vector<ModelRow> read_model_rows(std::string_view markdown, const std::string& shown_path, Diagnostics& diags);

// True when at least one of `tables` is a model table.
bool has_model_table(const std::vector<Table>& tables);

// A link in a "Model Class" cell of the root README.
struct IndexLink {
  std::string destination;
  int line = 0;
  int column = 0;
};

// The first link of every "Model Class" cell; nullopt when no table has that column.
std::optional<std::vector<IndexLink>> read_index_links(const std::vector<Table>& tables);

}  // namespace ohm::readme
