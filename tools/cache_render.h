#pragma once
// How the `cache` verbs show what they found: a table or lines for people,
// Python-style JSON for programs. Sizes in core/units (binary units).

#include <iosfwd>
#include <string>

#include "app/cache.h"
#include "manifest/entry.h"

namespace ohm::cli {

// KIND, SIZE, SHA256 (its first 12 digits), CHECK (ok, MISMATCH, unreadable,
// unchecked), DATA (an archive's unpacked folder) and HUB PATH, one row per item.
void print_cache_table(std::ostream& out, const app::CacheListing& listing);

// "5 models, 4 archives (3 unpacked), 1.2 MiB in /root/.cache/onnx/hub"
std::string cache_summary(const app::CacheListing& listing);

// {"root", "exists", "items": [{kind, hub_path, file, sha256, bytes, sha_matches, data_folder, ...}]}
manifest::Json cache_listing_json(const app::CacheListing& listing);

// One prune choice: {kind, hub_path, file, bytes, reason}.
manifest::Json prune_choice_json(const std::string& root, const app::PruneChoice& choice);

}  // namespace ohm::cli
