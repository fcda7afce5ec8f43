#include "zoo/row_plan.h"

#include <set>

#include "core/checks.h"
#include "core/text.h"
#include "zoo/zoo_paths.h"

namespace ohm::zoo {
namespace {

void set_error(RowPlan& plan, const readme::Cell& cell, std::string code, std::string message) {
  if (!plan.error.empty()) return;
  plan.error = std::move(message);
  plan.error_code = std::move(code);
  plan.error_column = cell.column;
}

// Lines (1-based) of `text` that hold bytes that are not UTF-8.
std::set<int> lines_with_bad_utf8(std::string_view text) {
  std::set<int> bad;
  std::size_t start = 0;
  int line = 1;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (!is_valid_utf8(text.substr(start, end - start))) bad.insert(line);
    start = end + 1;
    ++line;
  }
  return bad;
}

// Markdown ends a link at a space: "[m](conv 6.onnx)" is text, not a link.
std::string space_hint(const std::string& text) {
  const auto open = text.find("](");
  if (open == std::string::npos) return {};
  const auto close = text.find(')', open);
  const std::string destination =
      text.substr(open + 2, close == std::string::npos ? std::string::npos : close - open - 2);
  if (destination.find(' ') == std::string::npos) return {};
  std::string escaped;
  for (char c : destination) escaped += c == ' ' ? std::string("%20") : std::string(1, c);
  return ": a link destination cannot hold a space; write " + escaped + " or <" + destination + ">";
}

}  // namespace

std::vector<RowPlan> plan_rows(const std::string& readme_rel, const ParsedReadme& readme, Diagnostics& diags) {
  const std::string folder = parent_folder(readme_rel);
  const std::set<int> bad_lines = lines_with_bad_utf8(readme.text);
  std::vector<RowPlan> plans;
  for (const readme::ModelRow& row : readme::read_model_rows(readme.tables, readme_rel, diags)) {
    RowPlan p;
    p.readme = readme_rel;
    p.line = row.line;
    p.model = row.model.text;
    p.onnx_version = row.onnx_version.text;

    if (row.download.first_link) {
      auto path = resolve_link(folder, *row.download.first_link);
      if (path) {
        p.model_path = *path;
      } else {
        set_error(p, row.download, check::kReadmeLinkInvalid, "Download link: " + path.error());
      }
      p.tags = tags_for(folder, *row.download.first_link);
    }
    if (bad_lines.count(row.line)) {
      set_error(p, row.model, check::kReadmeRowEncoding, "the row is not valid UTF-8");
    }
    if (row.model.text.empty()) {
      set_error(p, row.model, check::kReadmeRowIncomplete, "the Model cell is empty");
    }
    if (!row.download.first_link) {
      set_error(p, row.download, check::kReadmeRowIncomplete,
                row.download.text.empty()
                    ? "the Download cell is empty"
                    : "the Download cell \"" + row.download.text + "\" is not a link" + space_hint(row.download.text));
    }
    auto opset = parse_int64(row.opset.text);
    if (opset && *opset >= 0 && row.opset.text[0] != '-') {
      p.opset = *opset;
    } else {
      set_error(p, row.opset, check::kReadmeRowOpset,
                "the Opset version cell \"" + row.opset.text + "\" is not an integer");
    }
    if (row.with_data && row.with_data->first_link) {
      auto path = resolve_link(folder, *row.with_data->first_link);
      if (path) {
        p.with_data_path = *path;
      } else {
        set_error(p, *row.with_data, check::kReadmeLinkInvalid,
                  "Download (with sample test data) link: " + path.error());
      }
    }
    plans.push_back(std::move(p));
  }
  return plans;
}

}  // namespace ohm::zoo
