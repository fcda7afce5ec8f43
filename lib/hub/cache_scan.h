#pragma once
// What a hub cache holds (SPEC 9), whoever wrote it, us or onnx.hub: files
// named <sha>_<file name> under their manifest path's folders (models, and
// .tar.gz archives), the folders archives were unpacked into (the archive's
// name without .tar.gz), and temp names of unfinished writes
// (fs::temp_prefix: "<target>.tmp.<pid>.XXXXXX"), and for a model with
// external data the side-file list fetch keeps beside it (cache.h,
// kSideListSuffix) and the side files it names. A scan never follows a
// symlink (lstat) and never opens one; it reads names, sizes and side-file
// lists only.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace ohm::hub {

enum class CachedKind {
  kModel,       // <sha>_<name> (any file name but .tar.gz)
  kArchive,     // <sha>_<name>.tar.gz
  kDataFolder,  // <sha>_<name>, a folder whose archive is gone (an archive's own folder is CachedItem::data_folder)
  kTemp,        // an unfinished write: "<name>.tmp.<pid>.XXXXXX" (a file or a folder)
  kSideFile,    // a file a side-file list names (external data), present or missing
  kSideList,    // a side-file list whose model is gone, or that cannot be read (a model's own is CachedItem::side_list)
  kOther,       // anything else (never touched)
};

// "model", "archive", "data", "temp", "side", "side-list", "other".
std::string_view kind_name(CachedKind kind);

struct CachedItem {
  CachedKind kind = CachedKind::kOther;
  std::string rel;           // under the cache root
  std::string hub_path;      // model, archive, data: the manifest's path (its file name without "<sha>_")
  std::string sha;           // the sha256 its name carries ("" for temp and other)
  bool not_regular = false;  // a symlink or special file where a file or folder belongs: never followed
  std::uint64_t bytes = 0;   // a file's size; a folder's regular files, summed
  std::int64_t mtime = 0;    // seconds since the epoch (lstat)
  // Archives: the folder they were unpacked into ("" when there is none).
  std::string data_folder;
  std::uint64_t data_bytes = 0;
  // Temp names: the process that made it, and whether it still runs.
  long pid = 0;
  bool owner_alive = false;
  // Models with external data: their side-file list ("" when none).
  std::string side_list;
  // Side files: hub_path is the list's path, sha and expected_bytes what the
  // list gives; `models` the cached models whose list names it (hub paths).
  std::uint64_t expected_bytes = 0;
  std::vector<std::string> models;
  bool missing = false;  // named by the list of a cached model, not in the cache
  // A side file no cached model's list names, or a side-file list whose model is gone.
  bool orphan = false;
  std::string damage;  // a side-file list that cannot be read: why
};

struct CacheScan {
  std::string root;
  bool exists = false;            // false: nothing was ever cached here
  std::vector<CachedItem> items;  // sorted by hub_path, then rel
};

// Scans the cache under `root` (which may itself be reached through
// symlinks). Fails only when `root` exists and is not a readable folder.
Result<CacheScan> scan_cache(const std::string& root);

// The parts of a cache file name: "<64 hex>_<name>" -> sha and name; false
// for anything else.
bool split_cached_name(std::string_view file_name, std::string* sha, std::string* name);

// The pid in a temp name ("x.onnx.tmp.4242.a1B2c3" and its ".old" form), or 0.
long temp_name_pid(std::string_view file_name);

}  // namespace ohm::hub
