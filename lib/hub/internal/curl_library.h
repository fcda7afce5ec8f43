#pragma once
// libcurl, loaded when the hub client first downloads (dlopen), not with the
// tool: its 18 libraries were 2.7 ms of every command's start-up (a twentieth
// of the hook's run), and only list, info and fetch reach the network.
// Private to lib/hub.

#include <curl/curl.h>

#include "core/result.h"

namespace ohm::hub {

// The functions lib/hub calls, from the libcurl this was built against.
struct CurlLibrary {
  decltype(&::curl_global_init) global_init;
  decltype(&::curl_global_cleanup) global_cleanup;
  decltype(&::curl_easy_init) easy_init;
  decltype(&::curl_easy_cleanup) easy_cleanup;
  decltype(&::curl_easy_setopt) easy_setopt;
  decltype(&::curl_easy_getinfo) easy_getinfo;
  decltype(&::curl_easy_perform) easy_perform;
  decltype(&::curl_easy_strerror) easy_strerror;
};

// The library, loaded once (and never unloaded); or why it cannot be (exit 2).
const Result<CurlLibrary>& curl_library();

}  // namespace ohm::hub
