#pragma once
// Re-hashing what a cache scan found (cache list, cache verify) and removing
// items (verify --fix, prune). Files are opened only as regular files
// (O_NOFOLLOW); removal goes through folder handles (hub::CacheWriter) and
// never follows a symlink, in the item's path or at it.

#include <cstdint>
#include <functional>
#include <string>

#include "core/result.h"
#include "hub/cache_scan.h"

namespace ohm::hub {

enum class Health {
  kUnchecked,  // not looked at (not a model or archive, or not asked for)
  kOk,
  kMismatch,    // the content's sha256 is not the name's; a data folder differs from its archive
  kUnreadable,  // could not be read (or is not a regular file: never opened)
};

struct ItemCheck {
  Health file = Health::kUnchecked;
  std::string actual_sha;            // when hashed
  Health data = Health::kUnchecked;  // an archive's data folder, when compared
  std::string detail;                // why: "test_data_set_0/input_0.pb is missing", an I/O error
};

// Called with the bytes read so far by one check, as it reads.
using BytesRead = std::function<void(std::uint64_t)>;

// Hashes a model's or archive's file and compares it with the sha its name
// carries (a side file: the sha and size its model's list gives). With `with_data`, an archive is also listed in the
// same pass (as a stream) and its data folder compared with it: every regular file the archive holds must be in the
// folder with its size, and each .onnx with its sha256 (test data files are compared by size); an archive with unsafe
// entries (which fetch refuses, but another client may have unpacked) makes
// its folder a mismatch. Other kinds are unchecked.
ItemCheck check_item(const std::string& root, const CachedItem& item, bool with_data, const BytesRead& progress);

// Removes the item under `root` (a folder with everything in it; a symlink
// itself, never what it points to) and, for an archive, its data folder.
Result<void> remove_item(const std::string& root, const CachedItem& item);

// Removes a model's side-file list (prune, with the model: its side files
// then go too, or become orphans).
Result<void> remove_side_list(const std::string& root, const CachedItem& item);

// Removes only an archive's data folder.
Result<void> remove_data_folder(const std::string& root, const CachedItem& item);

}  // namespace ohm::hub
