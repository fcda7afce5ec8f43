#include <chrono>
#include <thread>

#include "hub/content.h"

namespace ohm::hub {
namespace {

class RemoteContent : public ContentSource {
 public:
  RemoteContent(std::string base, HttpOptions options) : base_(std::move(base)), options_(std::move(options)) {}

  bool is_remote() const override { return true; }

  Result<void> place(const std::string& rel, const Expected& expected, const fs::Folder& folder,
                     const std::string& name) override {
    const std::string url = base_ + url_path_escape(rel);
    HttpOptions options = options_;
    options.expected_bytes = expected.bytes;
    for (int attempt = 0;; ++attempt) {
      Result<void> placed = write_verified_in(folder, name, expected, url,
                                              [&](const fs::ChunkSink& sink) { return http_get(url, sink, options); });
      if (placed || !placed.failure().transient || attempt >= options_.retries) return placed;
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
