#include "hub/http.h"

#include <algorithm>

#include "core/checks.h"
#include "hub/internal/handles.h"
#include "zoo/lfs_pointer.h"

namespace ohm::hub {
namespace {

struct Transfer {
  const fs::ChunkSink* sink;
  const HttpOptions* options;
  const CurlLibrary* lib = nullptr;
  CURL* curl = nullptr;
  std::uint64_t bytes = 0;
  bool sink_stopped = false;
  std::string size_problem;  // why the body's size cannot be the manifest's
};

// The Content-Length is known once the body starts: a size the manifest
// does not give is not worth downloading.
bool size_fits(Transfer& t, std::uint64_t more) {
  const auto& expected = t.options->expected_bytes;
  if (!expected) return true;
  if (t.bytes == 0) {
    curl_off_t announced = -1;
    t.lib->easy_getinfo(t.curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &announced);
    // A pointer served in place of the content is told apart by write_verified.
    const bool may_be_pointer = announced >= 0 && static_cast<std::uint64_t>(announced) <= zoo::kMaxPointerBytes;
    if (announced >= 0 && !may_be_pointer && static_cast<std::uint64_t>(announced) != *expected) {
      t.size_problem = "the server announces " + std::to_string(announced) +
                       " bytes (Content-Length), the manifest gives " + std::to_string(*expected);
      return false;
    }
  }
  if (t.bytes + more > *expected && t.bytes + more > zoo::kMaxPointerBytes) {
    t.size_problem = "the server sends more than the " + std::to_string(*expected) + " bytes the manifest gives";
    return false;
  }
  return true;
}

size_t on_data(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  if (!size_fits(*t, n)) return 0;  // makes curl stop with CURLE_WRITE_ERROR
  if (!(*t->sink)(std::string_view(data, n))) {
    t->sink_stopped = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  t->bytes += n;
  return n;
}

int on_progress(void* user, curl_off_t total, curl_off_t now, curl_off_t, curl_off_t) {
  auto* t = static_cast<Transfer*>(user);
  if (t->options->progress) {
    t->options->progress(static_cast<std::uint64_t>(now), static_cast<std::uint64_t>(total));
  }
  return 0;
}

bool is_transient(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return true;
    default:
      return false;
  }
}

}  // namespace

long file_deadline_s(const HttpOptions& options) {
  if (options.min_average_speed <= 0) return 0;
  // Unknown size: as for a file of 64 MiB, more than any manifest or pointer.
  const std::uint64_t bytes = options.expected_bytes.value_or(64u << 20);
  const std::uint64_t transfer_s = bytes / static_cast<std::uint64_t>(options.min_average_speed) + 1;
  const std::uint64_t limit = 30u * 24 * 3600;  // a month: curl's long must not overflow
  return static_cast<long>(std::min<std::uint64_t>(
      limit, transfer_s + static_cast<std::uint64_t>(options.connect_timeout_s + options.stall_timeout_s)));
}

Result<std::uint64_t> http_get(const std::string& url, const fs::ChunkSink& sink, const HttpOptions& options) {
  const Result<CurlLibrary>& loaded = curl_library();
  if (!loaded) return loaded.failure();
  const CurlLibrary& lib = *loaded;
  CurlSession session(lib);
  CurlHandle curl(lib.easy_init(), CurlEasyCleanup{&lib});
  if (!session.ok() || !curl) return cannot_run("cannot start libcurl");
  Transfer transfer{&sink, &options, &lib, curl.get(), 0, false, {}};
  char errbuf[CURL_ERROR_SIZE] = {0};
  CURL* c = curl.get();
  lib.easy_setopt(c, CURLOPT_URL, url.c_str());
  lib.easy_setopt(c, CURLOPT_PROTOCOLS_STR, options.allow_http ? "http,https" : "https");
  lib.easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  lib.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  lib.easy_setopt(c, CURLOPT_MAXREDIRS, 10L);
  lib.easy_setopt(c, CURLOPT_CONNECTTIMEOUT, options.connect_timeout_s);
  lib.easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, options.min_speed);
  lib.easy_setopt(c, CURLOPT_LOW_SPEED_TIME, options.stall_timeout_s);
  const long deadline_s = file_deadline_s(options);
  if (deadline_s > 0) lib.easy_setopt(c, CURLOPT_TIMEOUT, deadline_s);
  lib.easy_setopt(c, CURLOPT_FAILONERROR, 1L);
  lib.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  lib.easy_setopt(c, CURLOPT_USERAGENT, "onnx-hub-manifest");
  lib.easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  lib.easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
  lib.easy_setopt(c, CURLOPT_WRITEDATA, &transfer);
  lib.easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
  lib.easy_setopt(c, CURLOPT_XFERINFODATA, &transfer);
  lib.easy_setopt(c, CURLOPT_NOPROGRESS, 0L);

  CURLcode code = lib.easy_perform(c);
  long status = 0;
  lib.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (code == CURLE_OK) return transfer.bytes;
  if (!transfer.size_problem.empty()) return problem(check::kHubShaMismatch, url + ": " + transfer.size_problem);
  if (transfer.sink_stopped) return cannot_run("download of " + url + " was stopped");
  if (code == CURLE_HTTP_RETURNED_ERROR) {
    const std::string message = url + ": HTTP " + std::to_string(status);
    if (status == 404 || status == 410) return problem(check::kHubMissingFile, message + " (the hub has no such file)");
    Error e = cannot_run(message);
    e.transient = status >= 500 || status == 429;
    return e;
  }
  std::string detail = errbuf[0] ? std::string(errbuf) : std::string(lib.easy_strerror(code));
  if (code == CURLE_OPERATION_TIMEDOUT) {
    detail = "less than " + std::to_string(options.min_speed) + " bytes/s for " +
             std::to_string(options.stall_timeout_s) + " s, no connection within " +
             std::to_string(options.connect_timeout_s) + " s" +
             (deadline_s > 0 ? ", or not all within " + std::to_string(deadline_s) + " s" : std::string()) + " (" +
             detail + ")";
  }
  Error e = cannot_run(url + ": " + detail);
  e.transient = is_transient(code);
  return e;
}

}  // namespace ohm::hub
