#include "zoo/readme_set.h"

#include "core/checks.h"
#include "readme/input_limits.h"
#include "readme/model_table.h"

namespace ohm::zoo {

const Result<ParsedReadme>& ReadmeSet::get(const std::string& rel) {
  auto it = parsed_.find(rel);
  if (it != parsed_.end()) return it->second;
  const readme::InputLimits limits;
  auto refuse = [&](const readme::LimitExceeded& over) -> const Result<ParsedReadme>& {
    Error e = problem(check::kReadmeLimit, over.message + ": it is not read", rel, over.line);
    return parsed_.emplace(rel, std::move(e)).first->second;
  };
  if (auto over = readme::exceeds_size(source_.stat(rel).size, limits)) return refuse(*over);
  Result<std::string> text = source_.read(rel, limits.max_bytes);
  if (!text) return parsed_.emplace(rel, problem(check::kReadmeUnreadable, text.error(), rel)).first->second;
  if (auto over = readme::exceeds_limits(*text, limits)) return refuse(*over);
  ParsedReadme p;
  p.text = std::move(*text);
  p.tables = readme::parse_tables(p.text);
  p.has_model_table = readme::has_model_table(p.tables);
  return parsed_.emplace(rel, std::move(p)).first->second;
}

bool ReadmeSet::is_model_readme(const std::string& rel) {
  if (source_.stat(rel).kind != fs::FileKind::kRegular) return false;
  const Result<ParsedReadme>& r = get(rel);
  return r && r->has_model_table;
}

bool is_readme_path(const std::string& rel) {
  return rel == "README.md" || (rel.size() > 10 && rel.compare(rel.size() - 10, 10, "/README.md") == 0);
}

}  // namespace ohm::zoo
