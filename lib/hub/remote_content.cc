#include <chrono>
#include <thread>

#include "hub/content.h"

namespace ohm::hub {
namespace {

class RemoteContent : public ContentSource {
 public:
  RemoteContent(std::string base, HttpOptions options)
      : base_(std::move(base)), options_(std::move(options)) {}

  bool is_remote() const override { return true; }

  Outcome<Done> place(const std::string& rel, const Expected& expected,
                      const std::string& dest) override {
    const std::string url = base_ + url_path_escape(rel);
    for (int attempt = 0;; ++attempt) {
      bool transient = false;
      Outcome<Done> placed = write_verified(dest, expected, url, [&](const fs::ChunkSink& sink) -> Outcome<std::uint64_t> {
        HttpResult got = http_get(url, sink, options_);
        if (got.ok) return got.bytes;
        transient = got.transient;
        // The hub names a file it does not have: its data is wrong, not the network.
        if (got.status == 404 || got.status == 410) return problem("hub.missing-file", got.error + " (the hub has no such file)");
        return cannot_run(got.error);
      });
      if (placed || !transient || attempt >= options_.retries) return placed;
      // A short, growing pause: enough for a flaky link, not for a dead server.
      std::this_thread::sleep_for(std::chrono::milliseconds(500 * (attempt + 1)));
    }
  }

 private:
  std::string base_;
  HttpOptions options_;
};

}  // namespace

std::unique_ptr<ContentSource> remote_content(std::string files_base, HttpOptions options) {
  return std::make_unique<RemoteContent>(std::move(files_base), std::move(options));
}

std::string url_path_escape(const std::string& rel) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : rel) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace ohm::hub
