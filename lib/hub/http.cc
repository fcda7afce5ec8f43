#include "hub/http.h"

#include "core/checks.h"
#include "hub/internal/handles.h"

namespace ohm::hub {
namespace {

struct Transfer {
  const fs::ChunkSink* sink;
  const HttpOptions* options;
  std::uint64_t bytes = 0;
  bool sink_stopped = false;
};

size_t on_data(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
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

Result<std::uint64_t> http_get(const std::string& url, const fs::ChunkSink& sink, const HttpOptions& options) {
  CurlSession session;
  CurlHandle curl(curl_easy_init());
  if (!session.ok() || !curl) return cannot_run("cannot start libcurl");
  Transfer transfer{&sink, &options};
  char errbuf[CURL_ERROR_SIZE] = {0};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, options.allow_http ? "http,https" : "https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 10L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, options.connect_timeout_s);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, options.stall_timeout_s);
  curl_easy_setopt(c, CURLOPT_FAILONERROR, 1L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "onnx-hub-manifest");
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, &transfer);
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);

  CURLcode code = curl_easy_perform(c);
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (code == CURLE_OK) return transfer.bytes;
  if (transfer.sink_stopped) return cannot_run("download of " + url + " was stopped");
  if (code == CURLE_HTTP_RETURNED_ERROR) {
    const std::string message = url + ": HTTP " + std::to_string(status);
    if (status == 404 || status == 410) return problem(check::kHubMissingFile, message + " (the hub has no such file)");
    Error e = cannot_run(message);
    e.transient = status >= 500 || status == 429;
    return e;
  }
  std::string detail = errbuf[0] ? std::string(errbuf) : std::string(curl_easy_strerror(code));
  if (code == CURLE_OPERATION_TIMEDOUT) {
    detail = "no data for " + std::to_string(options.stall_timeout_s) + " s or no connection within " +
             std::to_string(options.connect_timeout_s) + " s (" + detail + ")";
  }
  Error e = cannot_run(url + ": " + detail);
  e.transient = is_transient(code);
  return e;
}

}  // namespace ohm::hub
