#include "validate/reachability.h"

#include <algorithm>

#include "readme/model_table.h"
#include "validate/check_ids.h"

namespace ohm::validate {
namespace {

bool is_readme(const std::string& rel) {
  return rel == "README.md" || (rel.size() > 10 && rel.compare(rel.size() - 10, 10, "/README.md") == 0);
}

// The line of the README's first model row (1 when it has no rows).
int first_row_line(const zoo::Source& source, const std::string& rel) {
  auto text = zoo::read_readme(source, rel);
  if (!text) return 1;
  Diagnostics ignored;
  auto rows = readme::read_model_rows(*text, rel, ignored);
  return rows.empty() ? 1 : rows.front().line;
}

}  // namespace

void check_reachability(const zoo::Source& source, zoo::DiscoverMode mode_used,
                        const std::vector<std::string>& reached,
                        const std::optional<std::set<std::string>>& only, Diagnostics& findings) {
  if (mode_used != zoo::DiscoverMode::kIndex) return;
  std::vector<std::string> with_tables;
  if (only) {
    for (const std::string& rel : *only) {
      if (!is_readme(rel) || source.stat(rel).kind != fs::FileKind::kRegular) continue;
      auto text = zoo::read_readme(source, rel);
      if (text && readme::has_model_table(*text)) with_tables.push_back(rel);
    }
  } else {
    Diagnostics listing_problems;  // discovery has reported an unreadable tree already
    with_tables = zoo::readmes_with_model_tables(source, listing_problems);
  }
  for (const std::string& rel : with_tables) {
    if (rel == zoo::kRootReadme) continue;
    if (std::binary_search(reached.begin(), reached.end(), rel)) continue;
    findings.add({Severity::kWarning, rel, first_row_line(source, rel), 0, check::kUnreachable,
                  "this README has a model table, but no \"Model Class\" link of the root README leads "
                  "here: its models are missing from the hub",
                  {}});
  }
}

}  // namespace ohm::validate
