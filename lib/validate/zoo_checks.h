#pragma once
// The manifest against the zoo: every entry compared with what generate would
// write now (SPEC 7), and the ports of entries whose model content is absent
// compared with the base revision's manifest.

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/diagnostic.h"
#include "manifest/entry.h"
#include "validate/manifest_doc.h"
#include "zoo/generate.h"

namespace ohm::validate {

// The manifest at the base revision (--changed-since BASE, else HEAD), by model_sha.
struct BaseManifest {
  std::string name;                                                // "HEAD", "origin/main"; "" when there is none
  std::unordered_map<std::string, const manifest::Entry*> by_sha;  // into entries that outlive it
};

struct CompareStats {
  std::size_t ports_unchecked = 0;  // entries with io_ports that nothing could check
};

// Pairs the manifest's entries with `regenerated` by model_path and reports
// entry.missing, entry.extra, entry.stale, artifact.sha-mismatch,
// artifact.size-mismatch, model.opset-mismatch, model.external-data,
// ports.mismatch and ports.unverified. Regenerated entries with no README row
// of their own (kept for a row with an error, or kept by --changed-since) are
// matched but not compared: their row's finding says the rest.
// `source` is where the files are (for the git lfs pull hints). With `shard`,
// the manifest's entries outside it are left alone (the regeneration built
// that shard's rows only).
CompareStats compare_with_zoo(const zoo::Source& source, const ManifestDoc& doc, const zoo::GenerateResult& regenerated,
                              const BaseManifest& base, Diagnostics& findings, const zoo::Shard* shard = nullptr);

}  // namespace ohm::validate
