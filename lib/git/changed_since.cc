#include "git/changed_since.h"

#include <algorithm>
#include <set>

#include "readme/model_table.h"
#include "zoo/discovery.h"
#include "zoo/row_plan.h"

namespace ohm::git {
namespace {

constexpr const char* kFeatureTable = ".onnx-hub-manifest/feature_tensors.json";

std::string folder_of(const std::string& rel) {
  auto slash = rel.rfind('/');
  return slash == std::string::npos ? "" : rel.substr(0, slash);
}

std::string readme_in(const std::string& folder) { return folder.empty() ? "README.md" : folder + "/README.md"; }

bool is_readme(const std::string& rel) { return rel == "README.md" || folder_of(rel) + "/README.md" == rel; }

// READMEs whose rows may have changed: changed READMEs, and the README of
// every folder above a changed file (where the zoo keeps a model's README).
std::set<std::string> candidate_readmes(const ChangeSet& changes) {
  std::set<std::string> out;
  for (const std::string& rel : changes.paths) {
    if (is_readme(rel)) out.insert(rel);
    for (std::string dir = folder_of(rel); !dir.empty(); dir = folder_of(dir)) out.insert(readme_in(dir));
  }
  out.erase("README.md");
  return out;
}

// Paths the rows of `readme` name in `source` (nothing when it is not there).
void add_row_paths(const zoo::Source& source, const std::string& readme, std::set<std::string>* out) {
  if (source.stat(readme).kind != fs::FileKind::kRegular) return;
  auto text = zoo::read_readme(source, readme);
  if (!text) return;
  Diagnostics ignored;
  for (const zoo::RowPlan& p : zoo::plan_rows(readme, *text, ignored)) {
    if (p.model_path) out->insert(*p.model_path);
  }
}

// Which of `candidates` are model READMEs, without reading the others: in
// index mode those the root README links (it did not change), in tree mode
// those holding a model table.
zoo::Discovery model_readmes_among(const zoo::Source& source, const std::set<std::string>& candidates,
                                   zoo::DiscoverMode mode) {
  zoo::Discovery out;
  std::optional<std::string> root;
  if (mode != zoo::DiscoverMode::kTree && source.stat(zoo::kRootReadme).kind == fs::FileKind::kRegular) {
    if (auto text = zoo::read_readme(source, zoo::kRootReadme)) root = std::move(*text);
  }
  if (mode == zoo::DiscoverMode::kIndex || (root && readme::read_index_links(*root))) {
    Diagnostics index_diags;  // reported by the full run that wrote the target's manifest
    zoo::Discovery all = zoo::discover_readmes(source, mode, index_diags);
    out.mode_used = all.mode_used;
    for (const std::string& r : all.readmes) {
      if (candidates.count(r)) out.readmes.push_back(r);
    }
    return out;
  }
  out.mode_used = zoo::DiscoverMode::kTree;
  for (const std::string& r : candidates) {
    if (source.stat(r).kind != fs::FileKind::kRegular) continue;
    auto text = zoo::read_readme(source, r);
    if (text && readme::has_model_table(*text)) out.readmes.push_back(r);
  }
  return out;
}

}  // namespace

std::string full_regeneration_reason(const ChangeSet& changes) {
  if (changes.gitattributes_changed) return "a .gitattributes changed";
  for (const std::string& rel : changes.paths) {
    if (rel == "README.md") return "the root README changed";
    if (rel == kFeatureTable) return "the feature-tensor table changed";
  }
  return {};
}

zoo::GenerateResult generate_changed_since(const zoo::Source& target, const zoo::Source& base,
                                           const ChangeSet& changes,
                                           const std::vector<manifest::Entry>& target_manifest,
                                           zoo::GenerateOptions options, Diagnostics& diags) {
  if (!full_regeneration_reason(changes).empty()) return zoo::generate(target, options, diags);

  std::set<std::string> readmes = candidate_readmes(changes);
  options.discovered = model_readmes_among(target, readmes, options.discover);
  Diagnostics partial_diags;
  zoo::GenerateResult result = zoo::generate(target, options, partial_diags);

  // Entries those READMEs gave before or give now, or whose files changed, are
  // replaced. Only model READMEs gave entries: in index mode a README the root
  // README does not link (a summary table) gave none, even if it names models.
  std::set<std::string> base_rows;
  for (const std::string& r : model_readmes_among(base, readmes, options.discover).readmes) {
    add_row_paths(base, r, &base_rows);
  }
  std::set<std::string> rebuilt;
  for (const zoo::BuiltEntry& b : result.entries) rebuilt.insert(b.entry.model_path);
  std::set<std::string> changed(changes.paths.begin(), changes.paths.end());

  std::vector<const manifest::Entry*> kept;
  for (const manifest::Entry& e : target_manifest) {
    bool names_change = changed.count(e.model_path) > 0 ||
                        (e.model_with_data_path && changed.count(*e.model_with_data_path) > 0);
    if (names_change && !rebuilt.count(e.model_path) && !base_rows.count(e.model_path)) {
      // A changed file whose row no candidate README gives or gave: its README
      // lies elsewhere (a "../" link), so only a full run is exact.
      options.discovered.reset();
      return zoo::generate(target, options, diags);
    }
    if (names_change || rebuilt.count(e.model_path) || base_rows.count(e.model_path)) continue;
    kept.push_back(&e);
  }
  diags.merge(partial_diags);
  for (const manifest::Entry* e : kept) result.entries.push_back(zoo::BuiltEntry{*e, {}});
  std::stable_sort(result.entries.begin(), result.entries.end(),
                   [](const zoo::BuiltEntry& a, const zoo::BuiltEntry& b) {
                     return a.entry.model_path < b.entry.model_path;
                   });
  return result;
}

}  // namespace ohm::git
