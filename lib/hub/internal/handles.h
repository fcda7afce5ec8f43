#pragma once
// Owning handles for libcurl, loaded on first use (curl_library.h). Private
// to lib/hub.

#include <memory>

#include "hub/internal/curl_library.h"

namespace ohm::hub {

// curl_global_init/cleanup, counted by libcurl: pair them per use, never in a static.
class CurlSession {
 public:
  explicit CurlSession(const CurlLibrary& lib) : lib_(lib), ok_(lib.global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK) {}
  ~CurlSession() {
    if (ok_) lib_.global_cleanup();
  }
  CurlSession(const CurlSession&) = delete;
  CurlSession& operator=(const CurlSession&) = delete;
  bool ok() const { return ok_; }

 private:
  const CurlLibrary& lib_;
  bool ok_;
};

struct CurlEasyCleanup {
  const CurlLibrary* lib;
  void operator()(CURL* c) const { lib->easy_cleanup(c); }
};
using CurlHandle = std::unique_ptr<CURL, CurlEasyCleanup>;

}  // namespace ohm::hub
