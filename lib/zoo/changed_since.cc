#include "zoo/changed_since.h"

#include <algorithm>
#include <exception>
#include <functional>
#include <map>
#include <set>

#include "core/parallel.h"
#include "zoo/feature_tensors.h"
#include "zoo/row_plan.h"
#include "zoo/zoo_paths.h"

namespace ohm::zoo {
namespace {

// READMEs whose rows may have changed: changed READMEs, and the README of
// every folder above a changed file (where the zoo keeps a model's README).
std::vector<std::string> candidate_readmes(const ChangeSet& changes) {
  std::set<std::string> out;
  for (const std::string& rel : changes.paths) {
    if (is_readme_path(rel)) out.insert(rel);
    for (std::string dir = parent_folder(rel); !dir.empty(); dir = parent_folder(dir)) {
      out.insert(join_path(dir, "README.md"));
    }
  }
  out.erase(kRootReadme);
  return {out.begin(), out.end()};
}

// Every README the root README links, when discovery is by its index
// (nullopt in tree mode).
std::optional<std::vector<std::string>> all_index_linked(ReadmeSet& readmes, DiscoverMode mode) {
  if (mode_for(readmes, mode) != DiscoverMode::kIndex) return std::nullopt;
  // The root README did not change: the full run that wrote the target's
  // manifest reported its links, so they are not reported again.
  Diagnostics reported_before;
  return discover_readmes(readmes, DiscoverMode::kIndex, reported_before).readmes;
}

// Paths the rows of `readme` name (nothing when it is not there).
void add_row_paths(ReadmeSet& readmes, const std::string& readme, std::set<std::string>* out) {
  if (readmes.source().stat(readme).kind != fs::FileKind::kRegular) return;
  const Result<ParsedReadme>& parsed = readmes.get(readme);
  if (!parsed) return;
  Diagnostics table_findings;  // the base's own findings say nothing about the target
  for (const RowPlan& p : plan_rows(readme, *parsed, table_findings)) {
    if (p.model_path) out->insert(*p.model_path);
  }
}

// Whether `e` names a changed file: its model, its archive, or a side file
// its external_data lists (new weights, or a new LFS pointer, change the model).
bool names_a_change(const manifest::Entry& e, const std::set<std::string>& changed) {
  if (changed.count(e.model_path) || (e.model_with_data_path && changed.count(*e.model_with_data_path))) return true;
  if (!e.external_data || !e.external_data->is_array()) return false;
  for (const manifest::Json& f : *e.external_data) {
    auto path = f.is_object() ? f.find("path") : f.end();
    if (f.is_object() && path != f.end() && path->is_string() && changed.count(path->get<std::string>())) return true;
  }
  return false;
}

// Appends `kept` (indexes into `target`, with their writer's bytes,
// `text_of(i)`) to `out`, moved from `movable` when given (it is `target`),
// else copied; on up to `jobs` threads for a large manifest (ten thousand
// entries are a hundred thousand strings); the same entries in the same order
// whatever `jobs` is.
void add_kept(const std::vector<std::size_t>& kept, const std::vector<manifest::Entry>& target,
              std::vector<manifest::Entry>* movable, const std::function<std::string_view(std::size_t)>& text_of,
              unsigned jobs, std::vector<BuiltEntry>& out) {
  const std::size_t from = out.size();
  out.resize(from + kept.size());
  constexpr std::size_t kPerRun = 2000;
  const std::size_t runs = std::max<std::size_t>(1, std::min<std::size_t>(jobs, kept.size() / kPerRun));
  std::vector<char> failed(runs, 0);
  auto add = [&](std::size_t a, std::size_t b) {
    for (std::size_t i = a; i < b; ++i) {
      if (movable) {
        out[from + i].entry = std::move((*movable)[kept[i]]);
      } else {
        out[from + i].entry = target[kept[i]];
      }
      out[from + i].writer_text = text_of(kept[i]);
    }
  };
  for_each_run(kept.size(), runs, static_cast<unsigned>(runs), [&](std::size_t r, std::size_t a, std::size_t b) {
    try {  // nothing may leave a thread: memory running out is redone below, where it throws as before
      add(a, b);
    } catch (const std::exception&) {
      failed[r] = 1;
    }
  });
  // A move never throws, so only copies are redone.
  if (std::find(failed.begin(), failed.end(), 1) != failed.end()) add(0, kept.size());
}

}  // namespace

std::vector<std::string> manifest_changes(const std::vector<manifest::Entry>& manifest,
                                          const std::vector<manifest::Entry>& base) {
  if (&manifest == &base) return {};  // the base's own manifest (the hook's usual case)
  // Entries that share a model_path (two rows linking one file) are paired in
  // the order each manifest lists them: a manifest compared with an equal
  // one changes nothing.
  std::set<std::string> out;
  auto add = [&out](const manifest::Entry& e) {
    out.insert(e.model_path);
    if (e.model_with_data_path) out.insert(*e.model_with_data_path);
  };
  auto by_path = [](const manifest::Entry& a, const manifest::Entry& b) { return a.model_path < b.model_path; };
  if (std::is_sorted(manifest.begin(), manifest.end(), by_path) && std::is_sorted(base.begin(), base.end(), by_path)) {
    // Both in model_path order (as generate writes them): the same pairs, by
    // one pass through both.
    std::size_t i = 0, j = 0;
    while (i < manifest.size() || j < base.size()) {
      if (j == base.size() || (i < manifest.size() && by_path(manifest[i], base[j]))) {
        add(manifest[i++]);
      } else if (i == manifest.size() || by_path(base[j], manifest[i])) {
        add(base[j++]);
      } else {
        if (!manifest::same_entry(manifest[i], base[j])) {
          add(manifest[i]);
          add(base[j]);
        }
        ++i, ++j;
      }
    }
    return {out.begin(), out.end()};
  }
  std::map<std::string, std::vector<const manifest::Entry*>> before;
  for (const manifest::Entry& e : base) before[e.model_path].push_back(&e);
  std::map<std::string, std::size_t> seen;  // entries of each path met so far
  for (const manifest::Entry& e : manifest) {
    const std::size_t k = seen[e.model_path]++;
    auto it = before.find(e.model_path);
    const manifest::Entry* was = it != before.end() && k < it->second.size() ? it->second[k] : nullptr;
    if (!was || !manifest::same_entry(e, *was)) {
      add(e);
      if (was) add(*was);
    }
  }
  for (const auto& [path, entries] : before) {
    auto it = seen.find(path);
    for (std::size_t k = it == seen.end() ? 0 : it->second; k < entries.size(); ++k) add(*entries[k]);
  }
  return {out.begin(), out.end()};
}

ChangeSet with_paths(ChangeSet changes, const std::vector<std::string>& paths) {
  std::set<std::string> all(changes.paths.begin(), changes.paths.end());
  all.insert(paths.begin(), paths.end());
  changes.paths.assign(all.begin(), all.end());
  return changes;
}

std::string full_regeneration_reason(const ChangeSet& changes) {
  if (changes.gitattributes_changed) return "a .gitattributes changed";
  for (const std::string& rel : changes.paths) {
    if (rel == kRootReadme) return "the root README changed";
    if (rel == kZooFeatureTable) return "the feature-tensor table changed";
  }
  return {};
}

Discovery model_readmes_among(ReadmeSet& readmes, const std::vector<std::string>& candidates, DiscoverMode mode,
                              std::optional<std::vector<std::string>>* all_linked) {
  Discovery out;
  out.mode_used = mode_for(readmes, mode);
  if (out.mode_used == DiscoverMode::kIndex && !all_linked) {
    out.readmes = index_linked_among(readmes, candidates);
    return out;
  }
  if (out.mode_used == DiscoverMode::kIndex) {
    *all_linked = all_index_linked(readmes, DiscoverMode::kIndex);
    for (const std::string& r : **all_linked) {
      if (std::binary_search(candidates.begin(), candidates.end(), r)) out.readmes.push_back(r);
    }
    return out;
  }
  for (const std::string& r : candidates) {
    if (readmes.is_model_readme(r)) out.readmes.push_back(r);
  }
  return out;
}

namespace {

// generate_changed_since, the kept entries moved from `movable` when given
// (it is `target_manifest`), copied otherwise.
GenerateResult changed_since(ReadmeSet& target, ReadmeSet& base, const ChangeSet& changes,
                             const std::vector<manifest::Entry>& target_manifest,
                             std::vector<manifest::Entry>* movable, GenerateOptions options, Diagnostics& diags,
                             const std::vector<std::string_view>& writer_texts, bool all_readmes_wanted) {
  if (!full_regeneration_reason(changes).empty()) return generate(target, options, diags);

  const std::vector<std::string> readmes = candidate_readmes(changes);
  std::optional<std::vector<std::string>> all_linked;
  options.discovered =
      model_readmes_among(target, readmes, options.discover, all_readmes_wanted ? &all_linked : nullptr);
  Diagnostics partial_diags;
  GenerateResult result = generate(target, options, partial_diags);
  result.all_readmes = std::move(all_linked);

  // Entries those READMEs gave before or give now, or whose files changed, are
  // replaced. Only model READMEs gave entries: in index mode a README the root
  // README does not link (a summary table) gave none, even if it names models.
  std::set<std::string> base_rows;
  for (const std::string& r : model_readmes_among(base, readmes, options.discover).readmes) {
    add_row_paths(base, r, &base_rows);
  }
  std::set<std::string> rebuilt;
  for (const BuiltEntry& b : result.entries) rebuilt.insert(b.entry.model_path);
  const std::set<std::string> changed(changes.paths.begin(), changes.paths.end());

  std::vector<std::size_t> kept;
  kept.reserve(target_manifest.size());
  for (std::size_t i = 0; i < target_manifest.size(); ++i) {
    const manifest::Entry& e = target_manifest[i];
    const bool names_change = names_a_change(e, changed);
    if (names_change && !rebuilt.count(e.model_path) && !base_rows.count(e.model_path)) {
      // A changed file whose row no candidate README gives or gave: its README
      // lies elsewhere (a "../" link), so only a full run is exact.
      options.discovered.reset();
      return generate(target, options, diags);
    }
    if (names_change || rebuilt.count(e.model_path) || base_rows.count(e.model_path)) continue;
    kept.push_back(i);
  }
  diags.merge(partial_diags);
  const std::size_t built_here = result.entries.size();
  auto text_of = [&](std::size_t i) { return writer_texts.empty() ? std::string_view() : writer_texts[i]; };
  add_kept(kept, target_manifest, movable, text_of, options.jobs, result.entries);
  // The rebuilt entries come sorted, and so do the kept ones of a sorted
  // manifest: merged, that is what the stable sort of both gives (the
  // rebuilt before kept ones of the same path), in one linear pass.
  auto by_path = [](const BuiltEntry& a, const BuiltEntry& b) { return a.entry.model_path < b.entry.model_path; };
  const auto middle = result.entries.begin() + static_cast<std::ptrdiff_t>(built_here);
  if (std::is_sorted(result.entries.begin(), middle, by_path) &&
      std::is_sorted(middle, result.entries.end(), by_path)) {
    std::inplace_merge(result.entries.begin(), middle, result.entries.end(), by_path);
  } else {
    std::stable_sort(result.entries.begin(), result.entries.end(), by_path);
  }
  // No entry at all: whether the zoo still has a model README tells an
  // empty manifest from an empty zoo.
  if (!all_readmes_wanted && result.entries.empty()) result.all_readmes = all_index_linked(target, options.discover);
  return result;
}

}  // namespace

GenerateResult generate_changed_since(ReadmeSet& target, ReadmeSet& base, const ChangeSet& changes,
                                      const std::vector<manifest::Entry>& target_manifest, GenerateOptions options,
                                      Diagnostics& diags, const std::vector<std::string_view>& writer_texts,
                                      bool all_readmes_wanted) {
  return changed_since(target, base, changes, target_manifest, nullptr, std::move(options), diags, writer_texts,
                       all_readmes_wanted);
}

GenerateResult generate_changed_since(ReadmeSet& target, ReadmeSet& base, const ChangeSet& changes,
                                      std::vector<manifest::Entry>&& target_manifest, GenerateOptions options,
                                      Diagnostics& diags, const std::vector<std::string_view>& writer_texts,
                                      bool all_readmes_wanted) {
  return changed_since(target, base, changes, target_manifest, &target_manifest, std::move(options), diags,
                       writer_texts, all_readmes_wanted);
}

}  // namespace ohm::zoo
