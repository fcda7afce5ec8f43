#include "fs/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

#include "fs/file_reader.h"

namespace ohm::fs {
namespace {

namespace stdfs = std::filesystem;

std::vector<char> template_for(const std::string& target) {
  std::string pattern = temp_prefix(target) + "XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  return name;
}

// A temp name of `target` ("<name>.tmp.<pid>.XXXXXX") whose owner is gone:
// a run killed while writing. A live owner, or a pid reused by another
// process, keeps its file: only what surely has no writer is removed.
bool is_stale_temp_of(const std::string& entry, const std::string& base) {
  const std::string prefix = base + ".tmp.";
  if (entry.size() <= prefix.size() + 7 || entry.compare(0, prefix.size(), prefix) != 0) return false;
  const std::size_t dot = entry.find('.', prefix.size());
  if (dot == std::string::npos || dot == prefix.size() || entry.size() - dot - 1 != 6) return false;
  long pid = 0;
  for (std::size_t i = prefix.size(); i < dot; ++i) {
    if (entry[i] < '0' || entry[i] > '9' || pid > 1L << 30) return false;
    pid = pid * 10 + (entry[i] - '0');
  }
  if (pid <= 0 || pid == ::getpid()) return false;
  return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

// Removes what killed runs left beside `target`, so that the next run never
// trips over it and nothing grows for ever (a 15 MB download, a manifest).
void remove_stale_temps(const std::string& target) {
  const stdfs::path path(target);
  const std::string base = path.filename().string();
  const stdfs::path folder = path.has_parent_path() ? path.parent_path() : stdfs::path(".");
  std::error_code ec;
  for (stdfs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!is_stale_temp_of(name, base)) continue;
    std::error_code ignored;
    stdfs::remove_all(it->path(), ignored);  // never follows a symlink
  }
}

mode_t current_umask() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

}  // namespace

std::string temp_prefix(const std::string& target) { return target + ".tmp." + std::to_string(::getpid()) + "."; }

AtomicFile::AtomicFile(std::string target, std::string temp, int fd)
    : target_(std::move(target)), temp_(std::move(temp)), fd_(fd) {}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : target_(std::move(other.target_)), temp_(std::move(other.temp_)), fd_(other.fd_) {
  other.fd_ = -1;
  other.temp_.clear();
}

AtomicFile::~AtomicFile() { discard(); }

Result<AtomicFile> AtomicFile::create(const std::string& target) {
  // rename() would put a regular file in place of a device node, a fifo or a
  // link (`-o /dev/sda`); only a regular file, or nothing, is replaced.
  if (FileKind kind = status_of(target).kind; kind != FileKind::kRegular && kind != FileKind::kMissing) {
    return cannot_run("cannot write " + target + ": it is " + describe(kind) + ", and only a regular file is replaced");
  }
  remove_stale_temps(target);
  std::vector<char> name = template_for(target);
  int fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) return cannot_run("cannot write " + target + ": " + std::strerror(errno));
  return AtomicFile(target, name.data(), fd);
}

Error AtomicFile::failure(const std::string& what) const {
  return cannot_run("cannot write " + target_ + ": " + what + ": " + std::strerror(errno));
}

void AtomicFile::discard() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temp_.empty()) ::unlink(temp_.c_str());
  temp_.clear();
}

Result<void> AtomicFile::write(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return failure("write");
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return {};
}

Result<void> AtomicFile::commit() {
  // Shared like any source file or cache entry, not mkstemp's 0600.
  ::fchmod(fd_, 0666 & ~current_umask());
  if (::fsync(fd_) != 0) {
    Error e = failure("fsync");
    discard();
    return e;
  }
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) {
    Error e = failure("close");
    discard();
    return e;
  }
  if (::rename(temp_.c_str(), target_.c_str()) != 0) {
    Error e = cannot_run("cannot write " + target_ + ": " + std::strerror(errno));
    discard();
    return e;
  }
  temp_.clear();
  return {};
}

Result<void> write_file_atomically(const std::string& path, std::string_view content) {
  Result<AtomicFile> file = AtomicFile::create(path);
  if (!file) return file.failure();
  if (auto wrote = file->write(content); !wrote) return wrote;
  return file->commit();
}

AtomicFolder::AtomicFolder(std::string target, std::string temp) : target_(std::move(target)), temp_(std::move(temp)) {}

AtomicFolder::AtomicFolder(AtomicFolder&& other) noexcept
    : target_(std::move(other.target_)), temp_(std::move(other.temp_)) {
  other.temp_.clear();
}

AtomicFolder::~AtomicFolder() {
  if (temp_.empty()) return;
  std::error_code ec;
  stdfs::remove_all(temp_, ec);  // never follows symlinks made inside
}

Result<AtomicFolder> AtomicFolder::create(const std::string& target) {
  remove_stale_temps(target);
  std::vector<char> name = template_for(target);
  if (::mkdtemp(name.data()) == nullptr) {
    return cannot_run("cannot create a folder beside " + target + ": " + std::strerror(errno));
  }
  // Writers that guard every component against symlinks (libarchive's) need
  // a path without any (a cache under a linked home folder).
  std::error_code ec;
  stdfs::path real = stdfs::canonical(name.data(), ec);
  if (ec) {
    stdfs::remove(name.data(), ec);
    return cannot_run("cannot resolve " + std::string(name.data()) + ": " + ec.message());
  }
  return AtomicFolder(target, real.string());
}

Result<void> AtomicFolder::commit() {
  std::error_code ec;
  const bool replacing = stdfs::symlink_status(target_, ec).type() == stdfs::file_type::directory;
  if (!replacing) {
    if (::rename(temp_.c_str(), target_.c_str()) != 0) {
      return cannot_run("cannot move the folder to " + target_ + ": " + std::strerror(errno));
    }
    temp_.clear();
    return {};
  }
  const std::string old = temp_ + ".old";
  if (::rename(target_.c_str(), old.c_str()) != 0) {
    return cannot_run("cannot replace " + target_ + ": " + std::strerror(errno));
  }
  if (::rename(temp_.c_str(), target_.c_str()) != 0) {
    std::string why = std::strerror(errno);
    ::rename(old.c_str(), target_.c_str());
    return cannot_run("cannot move the folder to " + target_ + ": " + why);
  }
  temp_.clear();
  stdfs::remove_all(old, ec);
  return {};
}

}  // namespace ohm::fs
