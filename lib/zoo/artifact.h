#pragma once
// The sha256 and size of a model or archive in a zoo, from an LFS pointer or
// from its content, and its content when wanted (SPEC 4). The one reader of
// LFS pointers in a zoo: generate, validate and the hub's local source all
// read files through it.

#include <cstdint>
#include <functional>
#include <string>

#include "core/result.h"
#include "fs/file_reader.h"
#include "zoo/source.h"

namespace ohm::zoo {

struct ArtifactInfo {
  std::string sha;
  std::uint64_t bytes = 0;
  bool is_pointer = false;        // the zoo holds a Git LFS pointer for it
  bool content_streamed = false;  // `content` received the whole, verified content
  // Why a pointer's content was not streamed although wanted: empty when it
  // was, or nobody wanted it. An error with code kLfsAbsent when the LFS store
  // lacks it; artifact.lfs.corrupt when the store's object is damaged (sha
  // and size from the pointer still stand).
  std::optional<Error> content_error;
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
// for a pointer); content_streamed says whether that happened. Fails with a
// problem: artifact.missing, artifact.not-regular, artifact.pointer.malformed,
// or artifact.unreadable (I/O, a blob too large). `looked_at`, when given, is
// what source.stat(rel) gave moments ago in this run (not asked again: the
// read itself still refuses what is not a regular file then).
Result<ArtifactInfo> read_artifact(const Source& source, const std::string& rel, const ContentRequest* content,
                                   const fs::FileStatus* looked_at = nullptr);

}  // namespace ohm::zoo
