#pragma once
// Writes a file whose bytes must have a known sha256: streamed into a temp
// name beside the destination (fs::AtomicFile), hashed on the way, renamed
// only on a match. A mismatch or a failed stream leaves no file behind.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/result.h"
#include "fs/file_reader.h"

namespace ohm::hub {

struct Expected {
  std::string sha256;                  // lowercase hex
  std::optional<std::uint64_t> bytes;  // checked too when known
};

// A byte stream in push form (see archive::StreamFn): feeds the sink and
// returns the bytes delivered, or the error that stopped it.
using Producer = std::function<Result<std::uint64_t>(const fs::ChunkSink&)>;

// Streams `produce` into `dest` (its folder must exist). A sha or size
// mismatch is the problem hub.sha-mismatch naming `shown`; I/O failures cannot-run.
Result<void> write_verified(const std::string& dest, const Expected& expected, const std::string& shown,
                            const Producer& produce);

// True when `path` is a regular file whose content has `expected` sha256.
bool file_matches(const std::string& path, const Expected& expected);

}  // namespace ohm::hub
