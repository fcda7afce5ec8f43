#pragma once
// The `cache` verbs as calls (SPEC 9): where the hub cache is and why, what it
// holds, whether each file still has the sha256 its name carries, and
// cleaning it. Files onnx.hub wrote are handled like ours: same layout.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/result.h"
#include "hub/cache.h"
#include "hub/cache_check.h"
#include "hub/cache_scan.h"
#include "zoo/generate.h"

namespace ohm::app {

// Which cache: --cache DIR, or "" for the root fetch uses
// ($ONNX_HOME/hub, $XDG_CACHE_HOME/onnx/hub, ~/.cache/onnx/hub).
struct CacheRequest {
  std::string cache;
  hub::EnvLookup env;  // empty: the process environment
};

struct CacheDirAnswer {
  hub::CacheRoot root;  // variable "--cache" when given on the command line
  bool exists = false;
};

// cache dir. Fails (cannot run) when no root can be named (no HOME).
Result<CacheDirAnswer> cache_dir(const CacheRequest& request);

// One model, archive (with its data folder) or other item, and what a check found.
struct CacheRow {
  hub::CachedItem item;
  hub::ItemCheck check;
};

// Progress of re-hashing: items and bytes (zoo::Progress's fields: "models" are items here).
using CacheProgress = std::function<void(const zoo::Progress&)>;

struct CacheListRequest {
  CacheRequest where;
  bool hash = true;  // re-hash models and archives (false: names and sizes only)
  CacheProgress on_progress;
};

struct CacheListing {
  std::string root;
  bool exists = false;
  std::vector<CacheRow> rows;  // sorted by hub path
};

// cache list. Fails (cannot run) when the root is not a readable folder.
Result<CacheListing> cache_list(const CacheListRequest& request);

struct CacheVerifyRequest {
  CacheRequest where;
  bool fix = false;  // remove files whose sha differs from their name, and data folders that differ from their archive
  CacheProgress on_progress;
};

struct CacheVerifyOutcome {
  CacheListing listing;
  // cache.sha-mismatch, cache.data-mismatch, cache.side-missing,
  // cache.unreadable (errors); cache.not-regular, cache.stale-temp,
  // cache.orphan (warnings). Files are named by their full path.
  Diagnostics findings;
  std::vector<std::string> removed;  // --fix: full paths removed
  std::size_t files_checked = 0, folders_checked = 0;
  std::uint64_t bytes_checked = 0;
};

// cache verify: re-hashes every model, archive and side file (against its
// model's side-file list), and compares each data folder with its archive. Fails (cannot run) when the root cannot be
// read or
// --fix cannot remove a file.
Result<CacheVerifyOutcome> cache_verify(const CacheVerifyRequest& request);

struct CachePruneRequest {
  CacheRequest where;
  std::optional<double> older_than_days;     // only items placed (mtime) longer ago than this
  std::optional<std::string> keep_manifest;  // keep what this manifest names
  bool yes = false;                          // remove; otherwise only say what would go
  std::int64_t now = 0;                      // seconds since the epoch; 0: the clock
};

struct PruneChoice {
  hub::CachedItem item;  // an archive goes with its data folder
  std::string reason;    // "placed 40 days ago", "not in m.json", "unfinished write of process 4242, which has ended"
};

struct CachePruneOutcome {
  std::string root;
  std::vector<PruneChoice> chosen;
  bool removed = false;  // --yes: every chosen item is gone
  std::uint64_t bytes = 0;
  Diagnostics findings;  // cache.not-regular: symlinks and special files, left alone
};

// cache prune: chooses temp files of processes that have ended, orphan side
// files and side-file lists (unless a live process writes beside them), and,
// with --older-than and/or --keep-manifest, the models and archives older
// than that and not named by the manifest (both must hold when both are
// given); a chosen model takes its side-file list, and each side file no
// model left needs.
// Symlinks and unknown files are never chosen. Fails (cannot run) when the
// root or the manifest cannot be read, or a removal fails.
Result<CachePruneOutcome> cache_prune(const CachePruneRequest& request);

}  // namespace ohm::app
