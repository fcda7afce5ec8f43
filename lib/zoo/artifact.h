#pragma once
// The sha256 and size of a model or archive in a zoo, from an LFS pointer or
// from its content, and its content when wanted (SPEC 4).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/result.h"
#include "fs/file_reader.h"
#include "zoo/source.h"

namespace ohm::zoo {

struct ArtifactInfo {
  std::string sha;
  std::uint64_t bytes = 0;
  bool is_pointer = false;       // the zoo holds a Git LFS pointer for it
  bool content_streamed = false;  // `content` received the whole, verified content
  std::string content_error;      // the LFS store object was corrupt (sha and size still stand)
};

enum class ArtifactProblem {
  kNone,
  kMissing,      // nothing at that path
  kNotRegular,   // symlink, folder, device, ...
  kBadPointer,   // starts like an LFS pointer but is not one
  kUnreadable,   // I/O error, blob too large, ...
};

struct ArtifactError {
  ArtifactProblem problem = ArtifactProblem::kNone;
  std::string message;
};

// Who wants an artifact's content: `wanted` is asked with the sha when the sha
// is known without reading the content (LFS pointers, clean checkouts); real
// content in the zoo is always streamed to `sink` in the pass that hashes it.
struct ContentRequest {
  fs::ChunkSink sink;
  std::function<bool(const std::string& sha)> wanted;
};

// Reads what `rel` is: sha256 and size from an LFS pointer or from the content,
// streaming the real bytes to `content` (from the source, or from the LFS store
// for a pointer); content_streamed says whether that happened. On failure
// returns nullopt and fills `error`.
std::optional<ArtifactInfo> read_artifact(const Source& source, const std::string& rel,
                                          const ContentRequest* content, ArtifactError* error);

// Streams the LFS store object for `pointer` to `sink`, verifying size and sha256.
// Fails when the object is absent ("not in the LFS store") or corrupt.
Result<void> stream_lfs_object(const std::string& git_dir, const LfsPointer& pointer,
                               const fs::ChunkSink& sink, bool* absent);

}  // namespace ohm::zoo
