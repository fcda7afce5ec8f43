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
#include "fs/folder.h"

namespace ohm::hub {

struct Expected {
  std::string sha256;                  // lowercase hex
  std::optional<std::uint64_t> bytes;  // checked too when known
};

// A byte stream in push form (see archive::StreamFn): feeds the sink and
// returns the bytes delivered, or the error that stopped it.
using Producer = std::function<Result<std::uint64_t>(const fs::ChunkSink&)>;

// Streams `produce` into `name` in the open `folder` (fs::AtomicFile::create_in:
// no link at the file or temp name is followed). A sha or size mismatch is
// the problem hub.sha-mismatch naming `shown`; I/O failures cannot-run.
Result<void> write_verified_in(const fs::Folder& folder, const std::string& name, const Expected& expected,
                               const std::string& shown, const Producer& produce);

// write_verified_in into `dest`, whose folder must exist.
Result<void> write_verified(const std::string& dest, const Expected& expected, const std::string& shown,
                            const Producer& produce);

// True when `name` in `folder` is a regular file (never a link) whose content
// has `expected` sha256 (and size, when known).
bool file_matches_in(const fs::Folder& folder, const std::string& name, const Expected& expected);

// file_matches_in for `path`.
bool file_matches(const std::string& path, const Expected& expected);

}  // namespace ohm::hub
