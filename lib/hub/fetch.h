#pragma once
// Placing a model (and its with-data archive, unpacked) in the hub cache
// exactly where the Python client looks for it (SPEC 9).

#include <functional>
#include <string>
#include <vector>

#include "archive/tarball.h"
#include "core/result.h"
#include "hub/content.h"
#include "manifest/entry.h"

namespace ohm::hub {

struct FetchOptions {
  std::string cache_root;  // see cache.h
  bool with_data = false;  // also the .tar.gz, unpacked beside it
  bool force = false;      // fetch and unpack again even when the cache holds a match
  archive::Limits limits;  // for unpacking
  // Asked once, before the first download from an untrusted hub; false stops
  // the fetch before any byte is downloaded. Empty: downloads are allowed.
  std::function<bool()> allow_download;
};

struct FetchedSideFile {
  std::string file;
  bool was_cached = false;
};

struct FetchReport {
  std::string model_file;
  bool model_was_cached = false;
  // The entry's external_data, each beside the model under the name the model
  // expects; placed before the model, so a model never stands in the cache
  // under its final name while a side file we fetched for it is incomplete.
  std::vector<FetchedSideFile> side_files;
  std::string archive_file;  // with_data only
  bool archive_was_cached = false;
  std::string data_folder;  // with_data only: where the archive is unpacked
  bool data_was_cached = false;
};

// Uses a cached file only when its sha256 matches the manifest; otherwise has
// `content` place it (verified as it streams). With with_data, unpacks the
// archive with archive::unpack_tarball_in; an unsafe archive is the problem
// archive.unsafe-entry, and then neither the folder nor the cached archive is
// left behind. Side files (external data) are placed first, each verified by
// sha as it streams, after the side-file list (cache.h) that tells the cache
// commands about them. Entries whose paths or shas cannot name a cache file
// are the problem hub.entry-invalid, found before anything is downloaded.
// Every folder and file under the cache root is reached through
// CacheWriter: a symlink anywhere below the root fails (cannot run, naming
// it) before anything is written there. A fetch of the same model running at
// once is tolerated (files land by rename; its unpacked folder is kept). On
// failure, the folders this call made are removed when empty, and a
// side-file list it wrote when none of its side files is in the cache.
Result<FetchReport> fetch_model(const manifest::Entry& entry, ContentSource& content, const FetchOptions& options);

}  // namespace ohm::hub
