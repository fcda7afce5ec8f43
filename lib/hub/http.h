#pragma once
// HTTPS GET with libcurl, streamed into a sink: redirects followed (to https
// only), connect and stall timeouts, no retry here (see download.h).

#include <cstdint>
#include <functional>
#include <string>

#include "fs/file_reader.h"

namespace ohm::hub {

struct HttpOptions {
  long connect_timeout_s = 20;
  long stall_timeout_s = 30;  // abort when less than 1 byte/s arrives for this long
  int retries = 2;            // extra attempts after a transient failure (download.h)
  bool allow_http = false;    // plain http:// (the caller checked it is loopback)
  // Called as bytes arrive: (received, expected or 0 when unknown).
  std::function<void(std::uint64_t, std::uint64_t)> progress;
};

struct HttpResult {
  bool ok = false;
  bool transient = false;  // worth another attempt: connection, timeout, 5xx, cut short
  long status = 0;         // HTTP status, 0 when none arrived
  std::uint64_t bytes = 0; // body bytes delivered to the sink
  std::string error;       // one line, names the URL
};

// GETs `url` and feeds the body to `sink` (which may return false to abort).
// Fails on a transport error or an HTTP status of 400 or more.
HttpResult http_get(const std::string& url, const fs::ChunkSink& sink, const HttpOptions& options);

}  // namespace ohm::hub
