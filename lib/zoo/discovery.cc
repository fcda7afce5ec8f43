#include "zoo/discovery.h"

#include <algorithm>
#include <optional>
#include <set>

#include "core/checks.h"
#include "readme/model_table.h"
#include "zoo/zoo_paths.h"

namespace ohm::zoo {
namespace {

// The README an index link names: the link is a folder, or a README.md itself.
std::optional<std::string> readme_for_link(const Source& source, const readme::IndexLink& link, Diagnostics& diags,
                                           std::vector<std::string>* unreachable) {
  auto where = resolve_link("", link.destination);
  if (!where) {
    diags.add({Severity::kError,
               kRootReadme,
               link.line,
               link.column,
               check::kIndexLinkInvalid,
               "Model Class link: " + where.error(),
               {}});
    return std::nullopt;
  }
  std::string rel = *where;
  // A link to anything but a README (a folder, usually) is to its README.md:
  // only a README's path needs a stat to tell a folder named README.md.
  if (!is_readme_path(rel) || source.stat(rel).kind == fs::FileKind::kDirectory) rel = join_path(rel, "README.md");
  fs::FileStatus st = source.stat(rel);
  if (st.kind != fs::FileKind::kRegular) {
    unreachable->push_back(parent_folder(rel));
    diags.add({Severity::kError,
               kRootReadme,
               link.line,
               link.column,
               check::kIndexLinkMissing,
               "Model Class link \"" + link.destination + "\" leads to no README: " + rel + " is " +
                   fs::describe(st.kind) + "; previous entries under " + parent_folder(rel) + "/ are kept",
               {}});
    return std::nullopt;
  }
  return rel;
}

// The index links of the root README; nullopt when it has none, or there is
// no root README, or it cannot be read.
std::optional<std::vector<readme::IndexLink>> index_links(ReadmeSet& readmes) {
  if (readmes.source().stat(kRootReadme).kind == fs::FileKind::kMissing) return std::nullopt;
  const Result<ParsedReadme>& root = readmes.get(kRootReadme);
  if (!root) return std::nullopt;
  return readme::read_index_links(root->tables);
}

// A root README that is there but cannot be read is reported (once, in every
// mode), not silently taken for a zoo without an index. True when it was.
bool report_unreadable_root(ReadmeSet& readmes, Diagnostics& diags) {
  if (readmes.source().stat(kRootReadme).kind == fs::FileKind::kMissing) return false;
  const Result<ParsedReadme>& root = readmes.get(kRootReadme);
  if (root) return false;
  diags.add(to_diagnostic(root.failure(), Severity::kError, kRootReadme, 0));
  return true;
}

}  // namespace

std::vector<std::string> readmes_with_model_tables(ReadmeSet& readmes, Diagnostics& diags) {
  std::vector<std::string> out;
  const auto& files = readmes.files();
  if (!files) {
    diags.error(readmes.source().describe(), 0, check::kZooUnreadable, files.error());
    return out;
  }
  for (const std::string& rel : *files) {
    if (!is_readme_path(rel) || readmes.source().stat(rel).kind != fs::FileKind::kRegular) continue;
    // One that cannot be read (past a limit) may hold models: it is listed,
    // so generate reports it and keeps its entries. The root README is
    // reported by discovery itself.
    const Result<ParsedReadme>& parsed = readmes.get(rel);
    if (parsed ? parsed->has_model_table : rel != kRootReadme) out.push_back(rel);
  }
  return out;
}

void read_discovered_ahead(ReadmeSet& readmes, DiscoverMode mode, unsigned jobs, bool and_list_files) {
  readmes.read_ahead([mode, jobs, and_list_files](ReadmeSet& ahead) {
    Diagnostics reported_by_the_run;  // its own discovery finds the same and says so
    ahead.read_all(discover_readmes(ahead, mode, reported_by_the_run).readmes, jobs);
    if (and_list_files) ahead.files();
  });
}

DiscoverMode mode_for(ReadmeSet& readmes, DiscoverMode asked) {
  if (asked != DiscoverMode::kAuto) return asked;
  return index_links(readmes) ? DiscoverMode::kIndex : DiscoverMode::kTree;
}

Discovery discover_readmes(ReadmeSet& readmes, DiscoverMode mode, Diagnostics& diags) {
  Discovery d;
  std::optional<std::vector<readme::IndexLink>> links;
  const bool root_unreadable = report_unreadable_root(readmes, diags);
  if (mode != DiscoverMode::kTree) links = index_links(readmes);
  if (mode == DiscoverMode::kIndex && !links) {
    // A root README that could not be read has been reported: it has no index only when it was read.
    if (!root_unreadable)
      diags.error(kRootReadme, 0, check::kIndexMissing, "the root README has no table with a \"Model Class\" column");
    d.mode_used = DiscoverMode::kIndex;
    d.failed = true;
    return d;
  }
  if (!links) {
    d.mode_used = DiscoverMode::kTree;
    d.readmes = readmes_with_model_tables(readmes, diags);
    return d;
  }
  d.mode_used = DiscoverMode::kIndex;
  std::set<std::string> unique;
  for (const readme::IndexLink& link : *links) {
    if (auto rel = readme_for_link(readmes.source(), link, diags, &d.unreachable_folders)) unique.insert(*rel);
  }
  d.readmes.assign(unique.begin(), unique.end());
  return d;
}

std::vector<std::string> index_linked_among(ReadmeSet& readmes, const std::vector<std::string>& candidates) {
  std::vector<std::string> out;
  auto links = index_links(readmes);
  if (!links) return out;
  auto named = [&candidates](const std::string& rel) {
    return std::binary_search(candidates.begin(), candidates.end(), rel);
  };
  Diagnostics not_reported;
  std::vector<std::string> unreachable;
  std::set<std::string> unique;
  for (const readme::IndexLink& link : *links) {
    // A link leads to the README it names, or to its folder's README.md.
    auto where = resolve_link("", link.destination);
    if (!where || !(named(*where) || named(join_path(*where, "README.md")))) continue;
    if (auto rel = readme_for_link(readmes.source(), link, not_reported, &unreachable); rel && named(*rel)) {
      unique.insert(*rel);
    }
  }
  out.assign(unique.begin(), unique.end());
  return out;
}

}  // namespace ohm::zoo
