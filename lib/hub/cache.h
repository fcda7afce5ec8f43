#pragma once
// The hub cache, laid out as the Python client lays it out so both share it (SPEC 9).

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "manifest/entry.h"

namespace ohm::hub {

// Reads an environment variable; nullopt when unset. (Injected, for tests.)
using EnvLookup = std::function<std::optional<std::string>(const char* name)>;

// The process environment.
EnvLookup process_env();

// The cache root and where it came from, for `cache dir`.
struct CacheRoot {
  std::string path;
  std::string variable;  // "ONNX_HOME", "XDG_CACHE_HOME", "HOME", or "passwd" (the user's home folder)
  std::string why;       // for people: "$ONNX_HOME is /data/onnx"
};

// cache_root() with the reason.
Result<CacheRoot> resolve_cache_root(const EnvLookup& env);

// $ONNX_HOME/hub, else $XDG_CACHE_HOME/onnx/hub, else ~/.cache/onnx/hub: the
// rule of onnx.hub's code (a variable counts when set, even empty). Fails
// when neither is set and there is no home folder.
Result<std::string> cache_root(const EnvLookup& env);

// <root>/<model_path folders>/<model_sha>_<file name>. Fails (hub.entry-invalid)
// when model_path is not a safe zoo path (zoo::unsafe_path_reason) or model_sha
// is not a sha256: both come from a manifest that may be hostile, and both end
// up in a file name.
Result<std::string> cached_model_path(const std::string& root, const manifest::Entry& entry);

// <root>/<model_with_data_path folders>/<model_with_data_sha>_<file name>;
// fails likewise, or when the entry has no with-data archive.
Result<std::string> cached_archive_path(const std::string& root, const manifest::Entry& entry);

// A side file the entry lists (metadata.external_data) for a model with
// external data: where it lives in the cache and what it must hold.
struct CachedSideFile {
  std::string hub_path;  // the manifest's path
  std::string file;      // <root>/<path>: beside the cached model, under the name the model expects
  std::string sha;
  std::uint64_t bytes = 0;
};

// The entry's side files. Fails (hub.entry-invalid) when external_data is not
// a list of {"path", "sha", "bytes"}, or a path is not a safe zoo path inside
// the model's folder: onnx.load resolves each location there, and a hostile
// manifest must not place files anywhere else.
Result<std::vector<CachedSideFile>> cached_side_files(const std::string& root, const manifest::Entry& entry);

// The list of side files fetch keeps beside a model with external data,
// "<cached model>.external-data.json" (the entry's external_data as JSON), so
// that cache list, verify and prune know a model's side files and their sha
// without a manifest.
inline constexpr std::string_view kSideListSuffix = ".external-data.json";

// The list's bytes for `sides` (cached_side_files' answer): path, sha, bytes.
std::string side_list_text(const std::vector<CachedSideFile>& sides);

// Reads a side-file list back for the model at hub path `model_hub_path`,
// checked as cached_side_files checks a manifest's (hub.entry-invalid).
Result<std::vector<CachedSideFile>> parse_side_list(std::string_view text, const std::string& root,
                                                    const std::string& model_hub_path);

// The folder an archive unpacks into: its cached path without ".tar.gz"
// (onnx 1.14-1.20 download_model_with_test_data). Fails for other names.
Result<std::string> unpacked_folder(const std::string& cached_archive);

}  // namespace ohm::hub
