#include "zoo/source.h"

#include "core/checks.h"
#include "hash/sha256.h"

namespace ohm::zoo {

Result<std::uint64_t> Source::stream_lfs_object(const LfsPointer& pointer, const fs::ChunkSink& sink) const {
  std::optional<std::string> dir = git_dir();
  if (!dir) {
    Error e = cannot_run("the content of " + pointer.oid + " is not here: the zoo is not in a git repository");
    e.code = kLfsAbsent;
    return e;
  }
  const std::string path = lfs_store_path(*dir, pointer.oid);
  if (fs::status_of(path).kind == fs::FileKind::kMissing) return lfs_absent(pointer.oid);
  hash::Sha256 sha;
  auto done = fs::stream_regular_file(path, [&](std::string_view chunk) {
    sha.update(chunk);
    return sink(chunk);
  });
  if (!done) return done.failure();
  const std::string got = sha.hex_digest();
  if (sha.bytes() != pointer.size || got != pointer.oid) {
    return problem(check::kArtifactLfsCorrupt, "LFS store object " + path +
                                                   " is corrupt: " + std::to_string(sha.bytes()) +
                                                   " bytes with sha256 " + got + ", the pointer says " +
                                                   std::to_string(pointer.size) + " bytes with sha256 " + pointer.oid);
  }
  return *done;
}

Error lfs_absent(const std::string& oid) {
  Error e = cannot_run("the content of " + oid + " is not in the LFS store");
  e.code = kLfsAbsent;
  return e;
}

std::string repo_path(const Source& source, const std::string& rel) {
  const std::string prefix = source.repo_prefix();
  if (prefix.empty()) return rel;
  return rel.empty() ? prefix : prefix + "/" + rel;
}

std::string lfs_pull_hint(const Source& source, const std::string& rel) {
  return "git lfs pull --include=\"" + repo_path(source, rel) + "\"";
}

}  // namespace ohm::zoo
