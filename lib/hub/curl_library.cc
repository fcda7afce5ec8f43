#include "hub/internal/curl_library.h"

#include <dlfcn.h>

#include <string>

namespace ohm::hub {
namespace {

// Each function by name; false (with dlerror's reason) when one is missing.
template <typename Function>
bool resolve(void* library, const char* name, Function* out, std::string* why) {
  *out = reinterpret_cast<Function>(::dlsym(library, name));
  if (*out) return true;
  const char* error = ::dlerror();
  *why = error ? error : std::string(name) + " not found";
  return false;
}

Result<CurlLibrary> load() {
  // The soname of the libcurl found at build time (lib/hub/CMakeLists.txt).
  void* library = ::dlopen(OHM_LIBCURL_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char* error = ::dlerror();
    return cannot_run(std::string("cannot load libcurl (") + OHM_LIBCURL_SONAME + "), which downloads need: " +
                      (error ? error : "not found"));
  }
  CurlLibrary lib{};
  std::string why;
  if (!resolve(library, "curl_global_init", &lib.global_init, &why) ||
      !resolve(library, "curl_global_cleanup", &lib.global_cleanup, &why) ||
      !resolve(library, "curl_easy_init", &lib.easy_init, &why) ||
      !resolve(library, "curl_easy_cleanup", &lib.easy_cleanup, &why) ||
      !resolve(library, "curl_easy_setopt", &lib.easy_setopt, &why) ||
      !resolve(library, "curl_easy_getinfo", &lib.easy_getinfo, &why) ||
      !resolve(library, "curl_easy_perform", &lib.easy_perform, &why) ||
      !resolve(library, "curl_easy_strerror", &lib.easy_strerror, &why)) {
    return cannot_run(std::string("cannot use libcurl (") + OHM_LIBCURL_SONAME + "): " + why);
  }
  return lib;
}

}  // namespace

const Result<CurlLibrary>& curl_library() {
  static const Result<CurlLibrary> library = load();  // thread-safe, once
  return library;
}

}  // namespace ohm::hub
