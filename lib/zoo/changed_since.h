#pragma once
// --changed-since BASE (SPEC 6): only the README rows whose README, .onnx,
// .tar.gz or listed side file (metadata.external_data) changed since BASE are
// built again; every other entry is kept from
// the manifest at the target. Works on any two Sources and the set of paths
// that differ between them (lib/git computes it from a repository).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "manifest/entry.h"
#include "zoo/generate.h"
#include "zoo/readme_set.h"

namespace ohm::zoo {

// Paths that differ between a base revision and the target zoo.
struct ChangeSet {
  // Zoo-relative, sorted, unique: modified, added, deleted, and both sides of a rename.
  std::vector<std::string> paths;
  // Some .gitattributes of the repository changed (inside or outside the zoo).
  bool gitattributes_changed = false;
};

// The paths a manifest changes by itself, against the base revision's
// manifest: the model_path (and model_with_data_path) of every entry whose JSON
// differs from the base's entry at the same model_path, or that only one of
// them has. A hand edit of the manifest is a change like an edit of a file, so
// its rows are built again and compared (SPEC 6).
std::vector<std::string> manifest_changes(const std::vector<manifest::Entry>& manifest,
                                          const std::vector<manifest::Entry>& base);

// `changes` with `paths` added (sorted, unique).
ChangeSet with_paths(ChangeSet changes, const std::vector<std::string>& paths);

// Why a change needs the whole zoo regenerated (root README, feature table,
// .gitattributes); "" when rebuilding the changed rows is enough.
std::string full_regeneration_reason(const ChangeSet& changes);

// The model READMEs among `candidates` (sorted zoo-relative paths) in
// `readmes`' source: in index mode those the root README links (then every
// linked README goes to `all_linked` when given), in tree mode those holding
// a model table.
Discovery model_readmes_among(ReadmeSet& readmes, const std::vector<std::string>& candidates, DiscoverMode mode,
                              std::optional<std::vector<std::string>>* all_linked = nullptr);

// Builds the target's entries: `options` as for generate (its `previous` gives
// reuse and rows with errors), `target_manifest` the manifest the target
// holds, `base` the zoo at BASE (for rows deleted since). When
// full_regeneration_reason() is not empty, this is generate itself.
// `writer_texts`, when not empty, holds for each of `target_manifest` its
// writer's bytes (empty when not known; views that outlive the result): an
// entry kept carries them as BuiltEntry::writer_text. In index mode the
// result's all_readmes is every README the root README links (validate's
// reachability) when `all_readmes_wanted`; else only when there is no entry
// (generate's empty zoo), saving a look at every link.
GenerateResult generate_changed_since(ReadmeSet& target, ReadmeSet& base, const ChangeSet& changes,
                                      const std::vector<manifest::Entry>& target_manifest, GenerateOptions options,
                                      Diagnostics& diags, const std::vector<std::string_view>& writer_texts = {},
                                      bool all_readmes_wanted = true);
// The same, the kept entries moved out of `target_manifest` once the changed
// rows are built (`options.previous` may borrow it: nothing reads it after).
GenerateResult generate_changed_since(ReadmeSet& target, ReadmeSet& base, const ChangeSet& changes,
                                      std::vector<manifest::Entry>&& target_manifest, GenerateOptions options,
                                      Diagnostics& diags, const std::vector<std::string_view>& writer_texts = {},
                                      bool all_readmes_wanted = true);

}  // namespace ohm::zoo
