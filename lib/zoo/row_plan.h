#pragma once
// A README row checked and resolved, before any model file is read.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "readme/model_table.h"
#include "zoo/readme_set.h"

namespace ohm::zoo {

struct RowPlan {
  std::string readme;
  int line = 0;
  std::string model;
  std::string onnx_version;
  std::int64_t opset = 0;
  std::optional<std::string> model_path;      // resolved, when the link could be
  std::optional<std::string> with_data_path;  // resolved "with sample test data" link
  std::vector<std::string> tags;
  std::string error;  // first problem with the row; empty when the row is good
  std::string error_code;
  int error_column = 0;
};

// Checks the cells of every row of the README at `readme_rel` and resolves
// its links (SPEC 3). Table-level findings go to `diags`; row problems stay in
// the plan, so the caller can say what it kept.
std::vector<RowPlan> plan_rows(const std::string& readme_rel, const ParsedReadme& readme, Diagnostics& diags);

}  // namespace ohm::zoo
