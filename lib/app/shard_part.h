#pragma once
// The side file of a partial manifest (generate --shard K/N -o PART): which
// shard PART holds and the revision it was generated from, in
// PART.shard.json, so that merge can refuse parts that do not fit together.
// Never inside the manifest itself, which stays a plain hub manifest.

#include <cstddef>
#include <string>

#include "core/result.h"
#include "zoo/shard.h"

namespace ohm::app {

struct ShardPart {
  zoo::Shard shard;
  std::string revision;  // the commit's hex sha; "" outside git
  std::size_t entries = 0;
};

// PART + ".shard.json".
std::string shard_part_path(const std::string& part);

// The side file's text: {"shard": "K/N", "revision": "...", "entries": n}.
std::string shard_part_text(const ShardPart& part);

// Reads the side file's text; a problem (merge.part-invalid) naming `shown`
// when it is not one.
Result<ShardPart> parse_shard_part(const std::string& text, const std::string& shown);

}  // namespace ohm::app
