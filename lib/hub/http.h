#pragma once
// HTTPS GET with libcurl, streamed into a sink: redirects followed (to https
// only), connect and stall timeouts, no retry here (remote_content retries).

#include <cstdint>
#include <functional>
#include <string>

#include "core/result.h"
#include "fs/file_reader.h"

namespace ohm::hub {

struct HttpOptions {
  long connect_timeout_s = 20;
  long stall_timeout_s = 30;  // abort when less than 1 byte/s arrives for this long
  int retries = 2;            // extra attempts after a transient failure (remote_content)
  bool allow_http = false;    // plain http:// (the caller checked it is loopback)
  // Called as bytes arrive: (received, expected or 0 when unknown).
  std::function<void(std::uint64_t, std::uint64_t)> progress;
};

// GETs `url` and feeds the body to `sink` (which may return false to abort);
// returns the body bytes delivered. Fails on a transport error or an HTTP
// status of 400 or more, with a one-line message naming the URL: 404 and 410
// are the problem hub.missing-file (the hub names a file it does not have),
// everything else cannot-run, `transient` when another attempt may succeed
// (connection, timeout, 5xx, 429, a body cut short).
Result<std::uint64_t> http_get(const std::string& url, const fs::ChunkSink& sink, const HttpOptions& options);

}  // namespace ohm::hub
