#include "validate/reachability.h"

#include <algorithm>

#include "core/checks.h"
#include "readme/model_table.h"

namespace ohm::validate {
namespace {

// The line of the README's first model row (1 when it has no rows).
int first_row_line(zoo::ReadmeSet& readmes, const std::string& rel) {
  const Result<zoo::ParsedReadme>& parsed = readmes.get(rel);
  if (!parsed) return 1;
  Diagnostics table_findings;  // generate reported them for reached READMEs; these are not read
  auto rows = readme::read_model_rows(parsed->tables, rel, table_findings);
  return rows.empty() ? 1 : rows.front().line;
}

}  // namespace

void check_reachability(zoo::ReadmeSet& readmes, zoo::DiscoverMode mode_used, const std::vector<std::string>& reached,
                        const std::optional<std::vector<std::string>>& only, Diagnostics& findings) {
  if (mode_used != zoo::DiscoverMode::kIndex) return;
  std::vector<std::string> with_tables;
  if (only) {
    for (const std::string& rel : *only) {
      if (zoo::is_readme_path(rel) && readmes.is_model_readme(rel)) with_tables.push_back(rel);
    }
  } else {
    Diagnostics listing_problems;  // discovery has reported an unreadable tree already
    with_tables = zoo::readmes_with_model_tables(readmes, listing_problems);
  }
  for (const std::string& rel : with_tables) {
    if (rel == zoo::kRootReadme) continue;
    if (std::binary_search(reached.begin(), reached.end(), rel)) continue;
    findings.add({Severity::kWarning,
                  rel,
                  first_row_line(readmes, rel),
                  0,
                  check::kReadmeUnreachable,
                  "this README has a model table, but no \"Model Class\" link of the root README leads "
                  "here: its models are missing from the hub",
                  {}});
  }
}

}  // namespace ohm::validate
