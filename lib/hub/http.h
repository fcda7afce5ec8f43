#pragma once
// HTTPS GET with libcurl, streamed into a sink: redirects followed (to https
// only), connect and stall timeouts, no retry here (remote_content retries).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/result.h"
#include "fs/file_reader.h"

namespace ohm::hub {

struct HttpOptions {
  long connect_timeout_s = 20;
  long stall_timeout_s = 30;  // abort when less than min_speed arrives on average for this long
  long min_speed = 1024;      // bytes per second, over stall_timeout_s (curl's low-speed limit)
  // The whole file must arrive within connect + stall time plus its size at
  // this rate, however the server trickles it (0: no deadline).
  long min_average_speed = 16384;
  // The size the manifest gives: a Content-Length that differs, or a body
  // that grows past it, fails at once instead of after the download.
  std::optional<std::uint64_t> expected_bytes;
  int retries = 2;          // extra attempts after a transient failure (remote_content)
  bool allow_http = false;  // plain http:// (the caller checked it is loopback)
  // Called as bytes arrive: (received, expected or 0 when unknown).
  std::function<void(std::uint64_t, std::uint64_t)> progress;
};

// GETs `url` and feeds the body to `sink` (which may return false to abort);
// returns the body bytes delivered. Fails on a transport error or an HTTP
// status of 400 or more, with a one-line message naming the URL: 404 and 410
// are the problem hub.missing-file (the hub names a file it does not have),
// everything else cannot-run, `transient` when another attempt may succeed
// (connection, timeout, 5xx, 429, a body cut short).
// Seconds a whole file may take: connect and stall time plus its size (or
// 64 MiB when unknown) at min_average_speed; 0 when there is no deadline.
long file_deadline_s(const HttpOptions& options);

Result<std::uint64_t> http_get(const std::string& url, const fs::ChunkSink& sink, const HttpOptions& options);

}  // namespace ohm::hub
