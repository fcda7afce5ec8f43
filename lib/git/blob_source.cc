#include "git/internal/blob_source.h"

#include <algorithm>

#include "git/internal/sources.h"

namespace ohm::git {
namespace {

constexpr std::size_t kChunkBytes = 1 << 20;

fs::FileKind kind_of(std::uint32_t mode) {
  switch (mode) {
    case GIT_FILEMODE_BLOB:
    case GIT_FILEMODE_BLOB_EXECUTABLE:
      return fs::FileKind::kRegular;
    case GIT_FILEMODE_LINK:
      return fs::FileKind::kSymlink;
    case GIT_FILEMODE_TREE:
      return fs::FileKind::kDirectory;
    default:
      return fs::FileKind::kOther;
  }
}

std::string hex_of(const git_oid& id) {
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &id);
  return hex;
}

// A blob the object database lists but cannot give.
Error unreadable_blob(const git_oid& id, const std::string& rel) {
  return Error{git_failure("cannot read blob " + hex_of(id) + " of " + rel)};
}

}  // namespace

std::optional<BlobSource::Item> BlobSource::find_locked(const std::string& rel) const {
  std::lock_guard<std::recursive_mutex> hold(repo_->lock);
  return find(rel);
}

fs::FileStatus BlobSource::stat(const std::string& rel) const {
  fs::FileStatus st;
  std::optional<Item> item = find_locked(rel);
  if (!item) return st;
  st.kind = kind_of(item->mode);
  if (st.kind == fs::FileKind::kRegular) st.size = blob_size(*repo_, item->id).value_or(0);
  return st;
}

std::optional<std::string> BlobSource::object_id(const std::string& rel) const {
  std::optional<Item> item = find_locked(rel);
  if (!item || kind_of(item->mode) != fs::FileKind::kRegular) return std::nullopt;
  return hex_of(item->id);
}

// Only finding the entry takes the repository's lock; the blob is read from
// the object database, which is safe to share (Repo::lock).
Result<BlobSource::Checked> BlobSource::checked(const std::string& rel, std::uint64_t max_bytes) const {
  std::optional<Item> item = find_locked(rel);
  fs::FileKind kind = item ? kind_of(item->mode) : fs::FileKind::kMissing;
  if (kind != fs::FileKind::kRegular) {
    return Error{rel + " is " + fs::describe(kind) + " in the " + describe() + ", not a regular file"};
  }
  std::optional<std::uint64_t> size = blob_size(*repo_, item->id);
  if (!size) {
    return Error{"blob " + hex_of(item->id) + " of " + rel +
                 " is not in the object database (a partial clone without it?)"};
  }
  if (*size > kMaxBlobBytes) {
    return Error{rel + " is a blob of " + std::to_string(*size) +
                 " bytes, over the 512 MiB libgit2 can read; track it with Git LFS"};
  }
  if (*size > max_bytes) {
    return Error{rel + " is larger than " + std::to_string(max_bytes) + " bytes"};
  }
  return Checked{item->id, *size};
}

Result<OdbObjectPtr> BlobSource::load(const std::string& rel, std::uint64_t max_bytes) const {
  Result<Checked> blob = checked(rel, max_bytes);
  if (!blob) return blob.failure();
  std::optional<OdbObjectPtr> object = read_blob(*repo_, blob->id);
  if (!object) return unreadable_blob(blob->id, rel);
  return std::move(*object);
}

namespace {

std::string_view bytes_of(const OdbObjectPtr& blob) {
  return {static_cast<const char*>(git_odb_object_data(blob.get())), git_odb_object_size(blob.get())};
}

}  // namespace

// A large blob goes straight into its string where libgit2 can stream it
// (read_blob_bytes); a small one's copy costs nothing.
Result<std::string> BlobSource::read(const std::string& rel, std::uint64_t max_bytes) const {
  constexpr std::uint64_t kStreamedBytes = 1 << 20;
  Result<Checked> blob = checked(rel, max_bytes);
  if (!blob) return blob.failure();
  std::optional<std::string> bytes;
  if (blob->size >= kStreamedBytes) {
    bytes = read_blob_bytes(*repo_, blob->id);
  } else if (std::optional<OdbObjectPtr> object = read_blob(*repo_, blob->id)) {
    bytes = std::string(bytes_of(*object));
  }
  if (!bytes) return unreadable_blob(blob->id, rel);
  return std::move(*bytes);
}

Result<std::uint64_t> BlobSource::stream(const std::string& rel, const fs::ChunkSink& sink) const {
  Result<OdbObjectPtr> blob = load(rel, kMaxBlobBytes);
  if (!blob) return blob.failure();
  const std::string_view data = bytes_of(*blob);
  std::uint64_t delivered = 0;
  while (delivered < data.size()) {
    std::string_view chunk = data.substr(delivered, kChunkBytes);
    delivered += chunk.size();
    if (!sink(chunk)) break;
  }
  return delivered;
}

}  // namespace ohm::git
