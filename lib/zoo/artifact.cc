#include "zoo/artifact.h"

#include <optional>

#include "core/checks.h"
#include "hash/sha256.h"

namespace ohm::zoo {
namespace {

Error unreadable(const Error& e) { return problem(check::kArtifactUnreadable, e.message); }

// Hashes everything streamed from `rel`, passing it on to `content`.
Result<ArtifactInfo> hash_stream(const Source& source, const std::string& rel, const ContentRequest* content) {
  hash::Sha256 sha;
  auto done = source.stream(rel, [&](std::string_view chunk) {
    sha.update(chunk);
    if (content) content->sink(chunk);
    return true;
  });
  if (!done) return unreadable(done.failure());
  ArtifactInfo info;
  info.bytes = sha.bytes();
  info.sha = sha.hex_digest();
  info.content_streamed = content != nullptr;
  return info;
}

}  // namespace

Result<ArtifactInfo> read_artifact(const Source& source, const std::string& rel, const ContentRequest* content,
                                   const fs::FileStatus* looked_at) {
  const fs::FileStatus st = looked_at ? *looked_at : source.stat(rel);
  if (st.kind == fs::FileKind::kMissing) return problem(check::kArtifactMissing, rel + " does not exist");
  if (st.kind != fs::FileKind::kRegular) {
    return problem(check::kArtifactNotRegular,
                   rel + " is " + fs::describe(st.kind) + ", not a regular file; it is not opened");
  }
  // A checkout git knows is unmodified: the index's pointer gives sha and
  // size (SPEC 4). A file of pointer size is read first, as that is cheaper
  // than the index's blob; when it is the pointer itself it says the same.
  auto clean_checkout = [&]() -> std::optional<ArtifactInfo> {
    auto clean = source.clean_lfs_pointer(rel);
    if (!clean || (content && content->wanted(clean->oid))) return std::nullopt;
    return ArtifactInfo{clean->oid, clean->size, true, false, {}};
  };
  if (st.size > kMaxPointerBytes) {
    if (auto clean = clean_checkout()) return *clean;
    return hash_stream(source, rel, content);
  }

  auto text = source.read(rel, kMaxPointerBytes);
  if (!text) return unreadable(text.failure());
  PointerParse p = parse_lfs_pointer(*text);
  if (p.status != PointerStatus::kPointer) {
    if (auto clean = clean_checkout()) return *clean;  // small smudged content
  }
  if (p.status == PointerStatus::kMalformed) {
    return problem(check::kArtifactPointerMalformed, rel + ": malformed Git LFS pointer: " + p.problem);
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
  if (content && content->wanted(info.sha)) {
    auto streamed = source.stream_lfs_object(p.pointer, content->sink);
    if (streamed) {
      info.content_streamed = true;
    } else {
      info.content_error = streamed.failure();
    }
  }
  return info;
}

}  // namespace ohm::zoo
