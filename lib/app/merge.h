#pragma once
// `merge PART...`: join the partial manifests of generate --shard K/N into
// exactly the bytes one full generate run writes.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace ohm::app {

struct MergeRequest {
  std::vector<std::string> parts;  // partial manifests, each with its PART.shard.json
  std::string output;              // -o FILE; "" writes nothing (the caller prints the text)
};

struct MergeOutcome {
  std::string text;  // the merged manifest
  std::size_t entries = 0;
  std::size_t shards = 0;
  std::string revision;              // the parts' common revision ("" outside git)
  std::string target;                // the file written ("" when nothing was)
  std::optional<Error> write_error;  // the file could not be written
};

// Merges the parts. Fails (exit 2) when a part or its side file cannot be
// read; a problem (exit 1, merge.*) when a part is not one (part-invalid),
// two are the same shard (overlap), the parts split the zoo into different
// numbers of shards (shard-count), come from different revisions
// (mixed-revisions), or a shard has no part (missing-shard).
Result<MergeOutcome> merge(const MergeRequest& request);

}  // namespace ohm::app
