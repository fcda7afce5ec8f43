#include "hub/verified_write.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "hash/sha256.h"

namespace ohm::hub {
namespace {

// The temp file: unlinked on destruction unless committed.
class TempFile {
 public:
  explicit TempFile(const std::string& dest) {
    std::string pattern = dest + ".part.XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    fd_ = ::mkstemp(name.data());
    if (fd_ >= 0) path_ = name.data();
  }
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  bool ok() const { return fd_ >= 0; }
  bool write_all(std::string_view bytes) {
    while (!bytes.empty()) {
      ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }
  // Closes, gives the file the usual permissions and renames it to `dest`.
  bool commit(const std::string& dest) {
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd_, 0666 & ~mask);  // mkstemp's 0600 would hide the cache from other users
    bool closed = ::close(fd_) == 0;
    fd_ = -1;
    if (!closed || ::rename(path_.c_str(), dest.c_str()) != 0) return false;
    path_.clear();
    return true;
  }

 private:
  int fd_ = -1;
  std::string path_;
};

}  // namespace

Outcome<Done> write_verified(const std::string& dest, const Expected& expected,
                             const std::string& shown, const Producer& produce) {
  TempFile temp(dest);
  if (!temp.ok()) return cannot_run("cannot write beside " + dest + ": " + std::strerror(errno));
  hash::Sha256 hasher;
  std::string write_error;
  auto sink = [&](std::string_view chunk) {
    hasher.update(chunk);
    if (expected.bytes && hasher.bytes() > *expected.bytes) return false;  // no point going on
    if (!temp.write_all(chunk)) {
      write_error = std::strerror(errno);
      return false;
    }
    return true;
  };
  Outcome<std::uint64_t> produced = produce(sink);
  if (!write_error.empty()) return cannot_run("cannot write " + dest + ": " + write_error);
  if (expected.bytes && hasher.bytes() > *expected.bytes) {
    return problem("hub.sha-mismatch", shown + " is larger than the " + std::to_string(*expected.bytes) +
                   " bytes the manifest gives");
  }
  if (!produced) return produced.failure();
  std::string digest = hasher.hex_digest();
  if (digest != expected.sha256) {
    std::string size_note;
    if (expected.bytes && hasher.bytes() != *expected.bytes) {
      size_note = " (" + std::to_string(hasher.bytes()) + " bytes, the manifest gives " +
                  std::to_string(*expected.bytes) + ")";
    }
    return problem("hub.sha-mismatch", "sha256 of " + shown + " is " + digest + size_note + ", the manifest gives " +
                   expected.sha256 + "; nothing was written");
  }
  if (!temp.commit(dest)) return cannot_run("cannot write " + dest + ": " + std::strerror(errno));
  return Done{};
}

bool file_matches(const std::string& path, const Expected& expected) {
  if (fs::status_of(path).kind != fs::FileKind::kRegular) return false;
  hash::Sha256 hasher;
  auto streamed = fs::stream_regular_file(path, [&](std::string_view chunk) {
    hasher.update(chunk);
    return true;
  });
  if (!streamed) return false;
  if (expected.bytes && hasher.bytes() != *expected.bytes) return false;
  return hasher.hex_digest() == expected.sha256;
}

}  // namespace ohm::hub
