#include "hub/cache.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include "core/checks.h"
#include "hash/sha256.h"
#include "manifest/json_io.h"
#include "zoo/zoo_paths.h"

namespace ohm::hub {
namespace {

std::string join(const std::string& a, const std::string& b) {
  if (a.empty()) return b;  // as os.path.join("", "hub")
  return a.back() == '/' ? a + b : a + "/" + b;
}

Result<std::string> cached_path(const std::string& root, const std::string& rel, const std::string& sha,
                                const std::string& what) {
  if (std::string why = zoo::unsafe_path_reason(rel); !why.empty()) {
    return problem(check::kHubEntryInvalid, what + " '" + rel + "' is not a safe relative path: " + why);
  }
  if (!hash::is_sha256_hex(sha)) {
    return problem(check::kHubEntryInvalid, what + " '" + rel + "' has no valid sha256 in the manifest");
  }
  std::string::size_type slash = rel.rfind('/');
  std::string folder = slash == std::string::npos ? "" : rel.substr(0, slash + 1);
  std::string file = slash == std::string::npos ? rel : rel.substr(slash + 1);
  return join(root, folder + sha + "_" + file);
}

}  // namespace

EnvLookup process_env() {
  return [](const char* name) -> std::optional<std::string> {
    const char* v = std::getenv(name);
    return v ? std::optional<std::string>(v) : std::nullopt;
  };
}

Result<CacheRoot> resolve_cache_root(const EnvLookup& env) {
  if (auto onnx_home = env("ONNX_HOME")) {
    return CacheRoot{join(*onnx_home, "hub"), "ONNX_HOME", "$ONNX_HOME is '" + *onnx_home + "'"};
  }
  // The hub's documentation says $XDG_CACHE_HOME/hub; its code (the one that
  // wrote the caches we share) uses $XDG_CACHE_HOME/onnx/hub.
  if (auto xdg = env("XDG_CACHE_HOME")) {
    return CacheRoot{join(*xdg, "onnx/hub"), "XDG_CACHE_HOME",
                     "$XDG_CACHE_HOME is '" + *xdg + "' and $ONNX_HOME is not set"};
  }
  const std::string neither = "neither $ONNX_HOME nor $XDG_CACHE_HOME is set";
  if (auto home = env("HOME"); home && !home->empty()) {
    return CacheRoot{join(*home, ".cache/onnx/hub"), "HOME", neither + "; the default under $HOME ('" + *home + "')"};
  }
  if (const struct passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_dir) {
    return CacheRoot{join(pw->pw_dir, ".cache/onnx/hub"), "passwd",
                     neither + ", nor $HOME; the default under the user's home folder"};
  }
  return Error{"no cache folder: set ONNX_HOME or HOME, or pass --cache"};
}

Result<std::string> cache_root(const EnvLookup& env) {
  Result<CacheRoot> root = resolve_cache_root(env);
  if (!root) return root.failure();
  return root->path;
}

Result<std::string> cached_model_path(const std::string& root, const manifest::Entry& entry) {
  return cached_path(root, entry.model_path, entry.model_sha, "model_path");
}

Result<std::string> cached_archive_path(const std::string& root, const manifest::Entry& entry) {
  if (!entry.model_with_data_path) {
    return problem(check::kHubEntryInvalid, entry.model + " (opset " + std::to_string(entry.opset_version) +
                                                ") has no model_with_data_path in the manifest");
  }
  return cached_path(root, *entry.model_with_data_path, entry.model_with_data_sha.value_or(""), "model_with_data_path");
}

Result<std::vector<CachedSideFile>> cached_side_files(const std::string& root, const manifest::Entry& entry) {
  std::vector<CachedSideFile> out;
  if (!entry.external_data) return out;
  auto invalid = [&](const std::string& why) {
    return problem(check::kHubEntryInvalid, entry.model_path + ": external_data " + why);
  };
  if (!entry.external_data->is_array()) return invalid("is not a list");
  const std::string folder = zoo::parent_folder(entry.model_path);
  const std::string prefix = folder.empty() ? "" : folder + "/";
  for (const manifest::Json& f : *entry.external_data) {
    if (!f.is_object() || !f.contains("path") || !f["path"].is_string() || !f.contains("sha") ||
        !f["sha"].is_string() || !f.contains("bytes") || !f["bytes"].is_number_integer() ||
        f["bytes"].get<std::int64_t>() < 0) {
      return invalid("holds an item that is not {\"path\", \"sha\", \"bytes\"}");
    }
    CachedSideFile side;
    side.hub_path = f["path"].get<std::string>();
    side.sha = f["sha"].get<std::string>();
    side.bytes = static_cast<std::uint64_t>(f["bytes"].get<std::int64_t>());
    if (const std::string why = zoo::unsafe_path_reason(side.hub_path); !why.empty()) {
      return invalid("path \"" + side.hub_path + "\": " + why);
    }
    if (side.hub_path.compare(0, prefix.size(), prefix) != 0) {
      return invalid("path \"" + side.hub_path + "\" is outside the model's folder");
    }
    if (!hash::is_sha256_hex(side.sha)) return invalid("sha of " + side.hub_path + " is not a sha256");
    side.file = join(root, side.hub_path);
    out.push_back(std::move(side));
  }
  return out;
}

std::string side_list_text(const std::vector<CachedSideFile>& sides) {
  manifest::Json list = manifest::Json::array();
  for (const CachedSideFile& side : sides) {
    manifest::Json one = manifest::Json::object();
    one["path"] = side.hub_path;
    one["sha"] = side.sha;
    one["bytes"] = side.bytes;
    list.push_back(std::move(one));
  }
  return manifest::dump_python_style(list) + "\n";
}

Result<std::vector<CachedSideFile>> parse_side_list(std::string_view text, const std::string& root,
                                                    const std::string& model_hub_path) {
  constexpr std::size_t kMaxDepth = 8;  // a list of flat objects; deeper is not ours
  if (manifest::json_nesting_depth(text) > kMaxDepth) {
    return problem(check::kHubEntryInvalid, model_hub_path + ": the side-file list is not a list of files");
  }
  manifest::Json parsed = manifest::Json::parse(text.begin(), text.end(), nullptr, false);
  if (parsed.is_discarded()) {
    return problem(check::kHubEntryInvalid, model_hub_path + ": the side-file list is not JSON");
  }
  manifest::Entry entry;
  entry.model_path = model_hub_path;
  entry.external_data = std::move(parsed);
  return cached_side_files(root, entry);
}

Result<std::string> unpacked_folder(const std::string& cached_archive) {
  constexpr std::string_view kSuffix = ".tar.gz";
  if (cached_archive.size() <= kSuffix.size() ||
      cached_archive.compare(cached_archive.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0) {
    return problem(check::kHubEntryInvalid, cached_archive + " does not end in .tar.gz");
  }
  return cached_archive.substr(0, cached_archive.size() - kSuffix.size());
}

}  // namespace ohm::hub
