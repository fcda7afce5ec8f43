#include "hub/cache_check.h"

#include <fcntl.h>
#include <unistd.h>

#include "archive/tarball.h"
#include "fs/file_reader.h"
#include "hash/sha256.h"
#include "hub/cache_writer.h"
#include "zoo/zoo_paths.h"

namespace ohm::hub {
namespace {

// An archive member's path as it lands in the folder: "./a/b" -> "a/b".
std::string member_path(std::string path) {
  while (path.rfind("./", 0) == 0) path.erase(0, 2);
  while (!path.empty() && path.back() == '/') path.pop_back();
  return path;
}

std::string sha_of_file(const std::string& path) {
  hash::Sha256 hasher;
  auto streamed = fs::stream_regular_file(path, [&](std::string_view chunk) {
    hasher.update(chunk);
    return true;
  });
  return streamed ? hasher.hex_digest() : std::string();
}

// Every regular file of `listing` is in `folder` with its size (and sha for models).
std::string data_difference(const archive::Listing& listing, const std::string& folder) {
  for (const archive::EntryInfo& e : listing.entries) {
    if (e.kind != archive::EntryKind::kFile) continue;
    const std::string rel = member_path(e.path);
    const fs::FileStatus st = fs::status_of(folder + "/" + rel);
    if (st.kind == fs::FileKind::kMissing) return rel + " is missing";
    if (st.kind != fs::FileKind::kRegular) return rel + " is " + fs::describe(st.kind) + ", not a regular file";
    if (st.size != e.size) {
      return rel + " has " + std::to_string(st.size) + " bytes, the archive " + std::to_string(e.size);
    }
    if (!e.sha256.empty() && sha_of_file(folder + "/" + rel) != e.sha256) return rel + " differs from the archive's";
  }
  return {};
}

// Removes the folders of `rel` left empty, innermost first, each through its
// parent's handle; the first that still holds something ends it (the root stays).
void remove_empty_folders_of(CacheWriter& cache, const std::string& rel) {
  for (std::string folder = zoo::parent_folder(rel); !folder.empty(); folder = zoo::parent_folder(folder)) {
    std::string name;
    Result<fs::Folder> parent = cache.folder_of(folder, false, &name);
    if (!parent || ::unlinkat(parent->fd(), name.c_str(), AT_REMOVEDIR) != 0) return;
  }
}

// Removes `rel` under `root` through folder handles (CacheWriter): a link
// planted in a folder of its path since the scan is refused, never followed.
Result<void> remove_rel(const std::string& root, const std::string& rel) {
  CacheWriter cache(root);
  std::string name;
  bool missing = false;
  Result<fs::Folder> folder = cache.folder_of(rel, false, &name, &missing);
  if (!folder) return missing ? Result<void>() : Result<void>(folder.failure());
  if (auto gone = folder->remove(name); !gone) return gone;  // a link itself, never what it points to
  remove_empty_folders_of(cache, rel);
  return {};
}

}  // namespace

ItemCheck check_item(const std::string& root, const CachedItem& item, bool with_data, const BytesRead& progress) {
  ItemCheck out;
  const bool side = item.kind == CachedKind::kSideFile && !item.missing;
  if (item.kind != CachedKind::kModel && item.kind != CachedKind::kArchive && !side) return out;
  const std::string path = root + "/" + item.rel;
  if (item.not_regular) {
    out.file = Health::kUnreadable;
    out.detail = item.rel + " is " + fs::describe(fs::status_of(path).kind) + ", not a regular file (never opened)";
    return out;
  }
  std::uint64_t done = 0;
  archive::StreamFn counted = [&](const fs::ChunkSink& sink) {
    return fs::stream_regular_file(path, [&](std::string_view chunk) {
      done += chunk.size();
      if (progress) progress(done);
      return sink(chunk);
    });
  };
  const bool compare_data = with_data && item.kind == CachedKind::kArchive && !item.data_folder.empty();
  if (!compare_data) {
    hash::Sha256 hasher;
    auto streamed = counted([&](std::string_view chunk) {
      hasher.update(chunk);
      return true;
    });
    if (!streamed) {
      out.file = Health::kUnreadable;
      out.detail = streamed.error();
      return out;
    }
    out.actual_sha = hasher.hex_digest();
    out.file = out.actual_sha == item.sha ? Health::kOk : Health::kMismatch;
    // A side file's list gives its size too.
    if (side && hasher.bytes() != item.expected_bytes) out.file = Health::kMismatch;
    return out;
  }
  // The archive's sha and its listing in one pass.
  auto listing = archive::read_tarball(counted, archive::ReadOptions{});
  if (!listing) {
    out.file = Health::kUnreadable;
    out.detail = listing.error();
    return out;
  }
  out.actual_sha = listing->sha256;
  out.file = out.actual_sha == item.sha ? Health::kOk : Health::kMismatch;
  if (out.file != Health::kOk) return out;  // nothing to compare the folder with
  if (!listing->safe()) {
    // Unpacked by a client that did not refuse it (fetch does).
    const std::size_t n = listing->unsafe.size();
    out.detail = listing->damage.empty() ? "the archive has " + std::to_string(n) +
                                               (n == 1 ? " unsafe entry (" : " unsafe entries (first: ") +
                                               listing->unsafe.front().path + ")"
                                         : "the archive is damaged: " + listing->damage;
  } else {
    out.detail = data_difference(*listing, root + "/" + item.data_folder);
  }
  out.data = out.detail.empty() ? Health::kOk : Health::kMismatch;
  return out;
}

Result<void> remove_data_folder(const std::string& root, const CachedItem& item) {
  if (item.data_folder.empty()) return {};
  return remove_rel(root, item.data_folder);
}

Result<void> remove_item(const std::string& root, const CachedItem& item) {
  if (item.missing) return {};
  if (auto gone = remove_rel(root, item.rel); !gone) return gone;
  return remove_data_folder(root, item);
}

Result<void> remove_side_list(const std::string& root, const CachedItem& item) {
  if (item.side_list.empty()) return {};
  return remove_rel(root, item.side_list);
}

}  // namespace ohm::hub
