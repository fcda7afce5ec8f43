#include "hub/cache.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include "core/checks.h"
#include "hash/sha256.h"
#include "zoo/zoo_paths.h"

namespace ohm::hub {
namespace {

std::string join(const std::string& a, const std::string& b) {
  if (a.empty()) return b;  // as os.path.join("", "hub")
  return a.back() == '/' ? a + b : a + "/" + b;
}

std::optional<std::string> home_folder(const EnvLookup& env) {
  if (auto home = env("HOME"); home && !home->empty()) return home;
  if (const struct passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_dir) return std::string(pw->pw_dir);
  return std::nullopt;
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

Result<std::string> cache_root(const EnvLookup& env) {
  if (auto onnx_home = env("ONNX_HOME")) return join(*onnx_home, "hub");
  // The hub's documentation says $XDG_CACHE_HOME/hub; its code (the one that
  // wrote the caches we share) uses $XDG_CACHE_HOME/onnx/hub.
  if (auto xdg = env("XDG_CACHE_HOME")) return join(*xdg, "onnx/hub");
  auto home = home_folder(env);
  if (!home) return Error{"no cache folder: set ONNX_HOME or HOME, or pass --cache"};
  return join(*home, ".cache/onnx/hub");
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

Result<std::string> unpacked_folder(const std::string& cached_archive) {
  constexpr std::string_view kSuffix = ".tar.gz";
  if (cached_archive.size() <= kSuffix.size() ||
      cached_archive.compare(cached_archive.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0) {
    return problem(check::kHubEntryInvalid, cached_archive + " does not end in .tar.gz");
  }
  return cached_archive.substr(0, cached_archive.size() - kSuffix.size());
}

}  // namespace ohm::hub
