#include "zoo/readme_set.h"

#include <algorithm>
#include <optional>
#include <system_error>

#include "core/checks.h"
#include "core/parallel.h"
#include "readme/input_limits.h"
#include "readme/model_table.h"

namespace ohm::zoo {

Result<ParsedReadme> ReadmeSet::read(const std::string& rel) const {
  const readme::InputLimits limits;
  auto refuse = [&](const readme::LimitExceeded& over) -> Result<ParsedReadme> {
    return problem(check::kReadmeLimit, over.message + ": it is not read", rel, over.line);
  };
  if (auto over = readme::exceeds_size(source_.stat(rel).size, limits)) return refuse(*over);
  Result<std::string> text = source_.read(rel, limits.max_bytes);
  if (!text) return problem(check::kReadmeUnreadable, text.error(), rel);
  if (auto over = readme::exceeds_limits(*text, limits)) return refuse(*over);
  ParsedReadme p;
  p.text = std::move(*text);
  p.tables = readme::parse_tables(p.text);
  p.has_model_table = readme::has_model_table(p.tables);
  return p;
}

ReadmeSet::~ReadmeSet() {
  if (ahead_.valid()) ahead_.wait();  // its work reads the source, which may go with this set
}

void ReadmeSet::read_ahead(std::function<void(ReadmeSet&)> work) {
  settle();
  try {
    ahead_ = std::async(std::launch::async, [this, work = std::move(work)] {
      ReadmeSet other(source_);
      work(other);
      return std::move(other.read_);
    });
  } catch (const std::system_error&) {  // no thread to be had: the run reads them itself
  }
}

void ReadmeSet::settle() {
  if (!ahead_.valid()) return;
  try {
    Read ahead = ahead_.get();
    read_.parsed.merge(ahead.parsed);
    if (!read_.files) read_.files = std::move(ahead.files);
  } catch (const std::exception&) {
    // Memory ran out ahead: what is missing is read again when asked for.
  }
}

const Result<ParsedReadme>& ReadmeSet::get(const std::string& rel) {
  settle();
  auto it = read_.parsed.find(rel);
  if (it != read_.parsed.end()) return it->second;
  return read_.parsed.emplace(rel, read(rel)).first->second;
}

void ReadmeSet::read_all(const std::vector<std::string>& rels, unsigned jobs) {
  settle();
  std::vector<std::string> todo;
  for (const std::string& rel : rels) {
    if (!read_.parsed.count(rel)) todo.push_back(rel);
  }
  std::sort(todo.begin(), todo.end());
  todo.erase(std::unique(todo.begin(), todo.end()), todo.end());
  std::vector<std::optional<Result<ParsedReadme>>> slots(todo.size());
  std::vector<std::size_t> order(todo.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  for_each_parallel(order, jobs, [&](std::size_t i) {
    try {
      slots[i].emplace(read(todo[i]));
    } catch (const std::exception&) {
      // Memory ran out (nothing else throws here): get() reads it again in
      // the calling thread, where the failure goes where it always did.
    }
  });
  for (std::size_t i = 0; i < todo.size(); ++i) {
    if (slots[i]) {
      read_.parsed.emplace(todo[i], std::move(*slots[i]));
    } else {
      get(todo[i]);
    }
  }
}

const Result<std::vector<std::string>>& ReadmeSet::files() {
  settle();
  if (!read_.files) read_.files = source_.list_files();
  return *read_.files;
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
