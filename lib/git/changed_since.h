#pragma once
// generate --changed-since BASE (SPEC 6): only the README rows whose README,
// .onnx or .tar.gz changed since BASE are built again; every other entry is
// kept from the manifest at the target.

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "git/open_zoo.h"
#include "manifest/entry.h"
#include "zoo/generate.h"

namespace ohm::git {

// Why a change needs the whole zoo regenerated (root README, feature table,
// .gitattributes); "" when rebuilding the changed rows is enough.
std::string full_regeneration_reason(const ChangeSet& changes);

// Builds the target's entries: `options` as for zoo::generate (its `previous`
// gives reuse and rows with errors), `target_manifest` the manifest the target
// holds, `base` the zoo at BASE (for rows deleted since). When
// full_regeneration_reason() is not empty, this is zoo::generate itself.
zoo::GenerateResult generate_changed_since(const zoo::Source& target, const zoo::Source& base,
                                           const ChangeSet& changes,
                                           const std::vector<manifest::Entry>& target_manifest,
                                           zoo::GenerateOptions options, Diagnostics& diags);

}  // namespace ohm::git
