#pragma once
// Owning handles for libcurl. Private to lib/hub.

#include <curl/curl.h>

#include <memory>

namespace ohm::hub {

// curl_global_init/cleanup, counted by libcurl: pair them per use, never in a static.
class CurlSession {
 public:
  CurlSession() : ok_(curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK) {}
  ~CurlSession() {
    if (ok_) curl_global_cleanup();
  }
  CurlSession(const CurlSession&) = delete;
  CurlSession& operator=(const CurlSession&) = delete;
  bool ok() const { return ok_; }

 private:
  bool ok_;
};

struct CurlEasyCleanup {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
using CurlHandle = std::unique_ptr<CURL, CurlEasyCleanup>;

}  // namespace ohm::hub
