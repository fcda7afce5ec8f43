#include "readme/model_table.h"

#include "core/checks.h"

namespace ohm::readme {
namespace {

struct ModelColumns {
  int model = -1, download = -1, with_data = -1, onnx = -1, opset = -1;
  bool complete() const { return model >= 0 && download >= 0 && onnx >= 0 && opset >= 0; }
  bool looks_like_model_table() const { return model >= 0 && download >= 0; }
};

ModelColumns columns_of(const Table& t) {
  ModelColumns c;
  c.model = find_column(t, {"Model"});
  c.download = find_column(t, {"Download"});
  c.with_data = find_column(t, {"Download (with sample test data)"});
  c.onnx = find_column(t, {"ONNX version"});
  c.opset = find_column(t, {"Opset version", "Opset Version"});
  return c;
}

const Cell& cell_at(const Row& row, int column) {
  static const Cell kEmpty;
  if (column < 0 || static_cast<std::size_t>(column) >= row.cells.size()) return kEmpty;
  return row.cells[static_cast<std::size_t>(column)];
}

bool is_blank(const Cell& c) { return c.text.empty() && !c.first_link; }

}  // namespace

std::vector<ModelRow> read_model_rows(std::string_view markdown, const std::string& shown_path, Diagnostics& diags) {
  return read_model_rows(parse_tables(markdown), shown_path, diags);
}

std::vector<ModelRow> read_model_rows(const std::vector<Table>& tables, const std::string& shown_path,
                                      Diagnostics& diags) {
  std::vector<ModelRow> out;
  for (const Table& t : tables) {
    ModelColumns c = columns_of(t);
    if (!c.complete()) {
      if (c.looks_like_model_table()) {
        diags.warning(shown_path, t.line, check::kReadmeMissingColumn,
                      std::string("table has Model and Download columns but no ") +
                          (c.opset < 0 ? "\"Opset version\"" : "\"ONNX version\"") + " column; its rows are not read");
      }
      continue;
    }
    for (const Row& r : t.rows) {
      ModelRow m;
      m.line = r.line;
      m.model = cell_at(r, c.model);
      m.download = cell_at(r, c.download);
      if (is_blank(m.model) && is_blank(m.download)) continue;
      if (c.with_data >= 0) m.with_data = cell_at(r, c.with_data);
      m.onnx_version = cell_at(r, c.onnx);
      m.opset = cell_at(r, c.opset);
      out.push_back(std::move(m));
    }
  }
  return out;
}

bool has_model_table(const std::vector<Table>& tables) {
  for (const Table& t : tables) {
    if (columns_of(t).complete()) return true;
  }
  return false;
}

std::optional<std::vector<IndexLink>> read_index_links(const std::vector<Table>& tables) {
  std::optional<std::vector<IndexLink>> out;
  for (const Table& t : tables) {
    int col = find_column(t, {"Model Class"});
    if (col < 0) continue;
    if (!out) out.emplace();
    for (const Row& r : t.rows) {
      const Cell& cell = cell_at(r, col);
      if (cell.first_link) out->push_back({*cell.first_link, r.line, cell.column});
    }
  }
  return out;
}

}  // namespace ohm::readme
