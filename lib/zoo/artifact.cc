#include "zoo/artifact.h"

#include "hash/sha256.h"

namespace ohm::zoo {
namespace {

std::optional<ArtifactInfo> fail(ArtifactError* error, ArtifactProblem p, std::string message) {
  error->problem = p;
  error->message = std::move(message);
  return std::nullopt;
}

// Hashes everything streamed from `rel`, passing it on to `content`.
std::optional<ArtifactInfo> hash_stream(const Source& source, const std::string& rel,
                                        const ContentRequest* content, ArtifactError* error) {
  hash::Sha256 sha;
  auto done = source.stream(rel, [&](std::string_view chunk) {
    sha.update(chunk);
    if (content) content->sink(chunk);
    return true;
  });
  if (!done) return fail(error, ArtifactProblem::kUnreadable, done.error());
  ArtifactInfo info;
  info.bytes = sha.bytes();
  info.sha = sha.hex_digest();
  info.content_streamed = content != nullptr;
  return info;
}

}  // namespace

Result<void> stream_lfs_object(const std::string& git_dir, const LfsPointer& pointer,
                               const fs::ChunkSink& sink, bool* absent) {
  std::string path = lfs_store_path(git_dir, pointer.oid);
  *absent = fs::status_of(path).kind == fs::FileKind::kMissing;
  if (*absent) return Error{"content of " + pointer.oid + " is not in the LFS store"};
  hash::Sha256 sha;
  auto done = fs::stream_regular_file(path, [&](std::string_view chunk) {
    sha.update(chunk);
    return sink(chunk);
  });
  if (!done) return Error{done.error()};
  std::string got = sha.hex_digest();
  if (sha.bytes() != pointer.size || got != pointer.oid) {
    return Error{"LFS store object " + path + " is corrupt: " + std::to_string(sha.bytes()) +
                 " bytes with sha256 " + got + ", the pointer says " + std::to_string(pointer.size) +
                 " bytes with sha256 " + pointer.oid};
  }
  return {};
}

std::optional<ArtifactInfo> read_artifact(const Source& source, const std::string& rel,
                                          const ContentRequest* content, ArtifactError* error) {
  fs::FileStatus st = source.stat(rel);
  if (st.kind == fs::FileKind::kMissing) return fail(error, ArtifactProblem::kMissing, rel + " does not exist");
  if (st.kind != fs::FileKind::kRegular) {
    return fail(error, ArtifactProblem::kNotRegular,
                rel + " is " + fs::describe(st.kind) + ", not a regular file; it is not opened");
  }
  // A checkout git knows is unmodified: the index's pointer gives sha and size.
  if (auto clean = source.clean_lfs_pointer(rel); clean && !(content && content->wanted(clean->oid))) {
    return ArtifactInfo{clean->oid, clean->size, true, false, {}};
  }
  if (st.size > kMaxPointerBytes) return hash_stream(source, rel, content, error);

  auto text = source.read(rel, kMaxPointerBytes);
  if (!text) return fail(error, ArtifactProblem::kUnreadable, text.error());
  PointerParse p = parse_lfs_pointer(*text);
  if (p.status == PointerStatus::kMalformed) {
    return fail(error, ArtifactProblem::kBadPointer, rel + ": malformed Git LFS pointer: " + p.problem);
  }
  ArtifactInfo info;
  if (p.status == PointerStatus::kNotPointer) {
    info.sha = hash::sha256_hex(*text);
    info.bytes = text->size();
    if (content) {
      content->sink(*text);
      info.content_streamed = true;
    }
    return info;
  }
  info.sha = p.pointer.oid;
  info.bytes = p.pointer.size;
  info.is_pointer = true;
  auto git_dir = source.git_dir();
  if (content && git_dir && content->wanted(info.sha)) {
    bool absent = false;
    auto streamed = stream_lfs_object(*git_dir, p.pointer, content->sink, &absent);
    if (streamed) {
      info.content_streamed = true;
    } else if (!absent) {
      info.content_error = streamed.error();
    }
  }
  return info;
}

}  // namespace ohm::zoo
