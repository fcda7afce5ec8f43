#include "zoo/discovery.h"

#include <algorithm>
#include <set>

#include "readme/model_table.h"
#include "zoo/zoo_paths.h"

namespace ohm::zoo {
namespace {

constexpr std::uint64_t kMaxReadmeBytes = 16u << 20;

bool is_readme(const std::string& rel) {
  return rel == "README.md" || (rel.size() > 10 && rel.compare(rel.size() - 10, 10, "/README.md") == 0);
}

// The README an index link names: the link is a folder, or a README.md itself.
std::optional<std::string> readme_for_link(const Source& source, const readme::IndexLink& link,
                                           Diagnostics& diags, std::vector<std::string>* unreachable) {
  auto where = resolve_link("", link.destination);
  if (!where) {
    diags.add({Severity::kError, kRootReadme, link.line, link.column, "index.link.invalid",
               "Model Class link: " + where.error(), {}});
    return std::nullopt;
  }
  std::string rel = *where;
  if (source.stat(rel).kind != fs::FileKind::kDirectory && is_readme(rel)) {
    // A link straight to a README.md names that README.
  } else {
    rel = join_path(rel, "README.md");
  }
  fs::FileStatus st = source.stat(rel);
  if (st.kind != fs::FileKind::kRegular) {
    unreachable->push_back(parent_folder(rel));
    diags.add({Severity::kError, kRootReadme, link.line, link.column, "index.link.missing",
               "Model Class link \"" + link.destination + "\" leads to no README: " + rel + " is " +
                   fs::describe(st.kind) + "; previous entries under " + parent_folder(rel) + "/ are kept",
               {}});
    return std::nullopt;
  }
  return rel;
}

}  // namespace

Result<std::string> read_readme(const Source& source, const std::string& rel) {
  return source.read(rel, kMaxReadmeBytes);
}

std::vector<std::string> readmes_with_model_tables(const Source& source, Diagnostics& diags) {
  std::vector<std::string> out;
  auto files = source.list_files();
  if (!files) {
    diags.error(source.describe(), 0, "zoo.unreadable", files.error());
    return out;
  }
  for (const std::string& rel : *files) {
    if (!is_readme(rel)) continue;
    if (source.stat(rel).kind != fs::FileKind::kRegular) continue;
    auto text = read_readme(source, rel);
    if (text && readme::has_model_table(*text)) out.push_back(rel);
  }
  return out;
}

Discovery discover_readmes(const Source& source, DiscoverMode mode, Diagnostics& diags) {
  Discovery d;
  std::optional<std::vector<readme::IndexLink>> links;
  const fs::FileKind root_kind = source.stat(kRootReadme).kind;
  if (mode != DiscoverMode::kTree && root_kind != fs::FileKind::kMissing) {
    // A symlinked or special root README is refused (never opened), not
    // silently taken for a zoo without an index.
    auto root = read_readme(source, kRootReadme);
    if (root) {
      links = readme::read_index_links(*root);
    } else {
      diags.error(kRootReadme, 0, "readme.unreadable", root.error());
    }
  }
  if (mode == DiscoverMode::kIndex && !links) {
    diags.error(kRootReadme, 0, "index.missing", "the root README has no table with a \"Model Class\" column");
    d.mode_used = DiscoverMode::kIndex;
    d.failed = true;
    return d;
  }
  if (!links) {
    d.mode_used = DiscoverMode::kTree;
    d.readmes = readmes_with_model_tables(source, diags);
    return d;
  }
  d.mode_used = DiscoverMode::kIndex;
  std::set<std::string> unique;
  for (const readme::IndexLink& link : *links) {
    if (auto rel = readme_for_link(source, link, diags, &d.unreachable_folders)) unique.insert(*rel);
  }
  d.readmes.assign(unique.begin(), unique.end());
  return d;
}

}  // namespace ohm::zoo
