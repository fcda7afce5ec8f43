#include "fs/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>

#include "fs/file_reader.h"

namespace ohm::fs {
namespace {

namespace stdfs = std::filesystem;

// mkstemp's six characters, drawn here because mkstemp cannot take a folder handle.
std::string random_suffix() {
  static const char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  thread_local std::mt19937_64 rng{std::random_device{}() ^ static_cast<std::uint64_t>(::getpid())};
  std::string out(6, 'x');
  for (char& c : out) c = kChars[rng() % (sizeof kChars - 1)];
  return out;
}

std::string temp_name_for(const std::string& name) {
  return name + ".tmp." + std::to_string(::getpid()) + "." + random_suffix();
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

// Removes what killed runs left beside `name`, so that the next run never
// trips over it and nothing grows for ever (a 15 MB download, a manifest).
void remove_stale_temps(const Folder& folder, const std::string& name) {
  Result<std::vector<std::string>> names = folder.names();
  if (!names) return;
  for (const std::string& entry : *names) {
    if (is_stale_temp_of(entry, name)) (void)folder.remove(entry);  // never follows a symlink
  }
}

mode_t current_umask() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

// The folder of `target` and its file name, as a shell would reach them; on
// failure errno says why.
Result<Folder> parent_of(const std::string& target, std::string* name) {
  const stdfs::path path(target);
  *name = path.filename().string();
  if (!is_single_component(*name)) {
    errno = EINVAL;  // callers say strerror(errno), as mkstemp's callers did
    return cannot_run("cannot write " + target + ": not a file name");
  }
  return Folder::open(path.has_parent_path() ? path.parent_path().string() : ".");
}

// True when `name` in `folder` is a regular file holding exactly `content`
// (compared chunk by chunk, never read whole).
bool holds_exactly(const Folder& folder, const std::string& name, std::string_view content) {
  const FileStatus status = status_at(folder.fd(), name);
  if (status.kind != FileKind::kRegular || status.size != content.size()) return false;
  std::size_t at = 0;
  auto streamed = stream_regular_file_at(folder.fd(), name, folder.child(name), [&](std::string_view chunk) {
    if (chunk.size() > content.size() - at || content.compare(at, chunk.size(), chunk) != 0) return false;
    at += chunk.size();
    return true;
  });
  return streamed && at == content.size();
}

}  // namespace

std::string temp_prefix(const std::string& target) { return target + ".tmp." + std::to_string(::getpid()) + "."; }

AtomicFile::AtomicFile(Folder folder, std::string name, std::string temp, int fd)
    : folder_(std::move(folder)),
      name_(std::move(name)),
      target_(folder_.child(name_)),
      temp_(std::move(temp)),
      fd_(fd) {}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : folder_(std::move(other.folder_)),
      name_(std::move(other.name_)),
      target_(std::move(other.target_)),
      temp_(std::move(other.temp_)),
      fd_(other.fd_) {
  other.fd_ = -1;
  other.temp_.clear();
}

AtomicFile::~AtomicFile() { discard(); }

Result<AtomicFile> AtomicFile::create(const std::string& target) {
  std::string name;
  Result<Folder> folder = parent_of(target, &name);
  const int err = errno;  // why the folder did not open, as mkstemp would have said it
  if (!folder) return cannot_run("cannot write " + target + ": " + std::strerror(err));
  Result<AtomicFile> file = create_in(*folder, name);
  if (file) file->target_ = target;  // as the caller named it
  return file;
}

Result<AtomicFile> AtomicFile::create_in(const Folder& folder, const std::string& name) {
  const std::string target = folder.child(name);
  if (!is_single_component(name)) return cannot_run("cannot write " + target + ": not a file name");
  // rename() would put a regular file in place of a device node, a fifo or a
  // link (`-o /dev/sda`); only a regular file, or nothing, is replaced.
  if (FileKind kind = folder.status(name).kind; kind != FileKind::kRegular && kind != FileKind::kMissing) {
    return cannot_run("cannot write " + target + ": it is " + describe(kind) + ", and only a regular file is replaced");
  }
  remove_stale_temps(folder, name);
  Result<Folder> handle = folder.duplicate();
  if (!handle) return handle.failure();
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string temp = temp_name_for(name);
    // O_EXCL never follows a link at the temp name: it fails, and another name is drawn.
    int fd = ::openat(folder.fd(), temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0) return AtomicFile(std::move(*handle), name, std::move(temp), fd);
    if (errno != EEXIST) break;
  }
  return cannot_run("cannot write " + target + ": " + std::strerror(errno));
}

Error AtomicFile::failure(const std::string& what) const {
  return cannot_run("cannot write " + target_ + ": " + what + ": " + std::strerror(errno));
}

void AtomicFile::discard() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temp_.empty()) ::unlinkat(folder_.fd(), temp_.c_str(), 0);
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
  // By the folder's handle: a link put at the target meanwhile is replaced, never followed.
  if (::renameat(folder_.fd(), temp_.c_str(), folder_.fd(), name_.c_str()) != 0) {
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

Result<bool> write_file_if_changed(const std::string& path, std::string_view content) {
  std::string name;
  if (Result<Folder> folder = parent_of(path, &name); folder && holds_exactly(*folder, name, content)) {
    remove_stale_temps(*folder, name);  // as a write would have
    return false;
  }
  if (auto wrote = write_file_atomically(path, content); !wrote) return wrote.failure();
  return true;
}

Result<void> write_file_atomically_in(const Folder& folder, const std::string& name, std::string_view content) {
  Result<AtomicFile> file = AtomicFile::create_in(folder, name);
  if (!file) return file.failure();
  if (auto wrote = file->write(content); !wrote) return wrote;
  return file->commit();
}

AtomicFolder::AtomicFolder(Folder folder, std::string name, std::string temp, std::string real)
    : folder_(std::move(folder)),
      name_(std::move(name)),
      target_(folder_.child(name_)),
      temp_(std::move(temp)),
      real_(std::move(real)) {}

AtomicFolder::AtomicFolder(AtomicFolder&& other) noexcept
    : folder_(std::move(other.folder_)),
      name_(std::move(other.name_)),
      target_(std::move(other.target_)),
      temp_(std::move(other.temp_)),
      real_(std::move(other.real_)) {
  other.temp_.clear();
}

AtomicFolder::~AtomicFolder() { discard(); }

void AtomicFolder::discard() {
  if (temp_.empty()) return;
  (void)folder_.remove(temp_);  // never follows symlinks made inside
  temp_.clear();
}

Result<AtomicFolder> AtomicFolder::create(const std::string& target) {
  std::string name;
  Result<Folder> folder = parent_of(target, &name);
  const int err = errno;
  if (!folder) return cannot_run("cannot create a folder beside " + target + ": " + std::strerror(err));
  return create_in(*folder, name);
}

Result<AtomicFolder> AtomicFolder::create_in(const Folder& folder, const std::string& name) {
  const std::string target = folder.child(name);
  if (!is_single_component(name)) return cannot_run("cannot create " + target + ": not a folder name");
  remove_stale_temps(folder, name);
  Result<Folder> handle = folder.duplicate();
  if (!handle) return handle.failure();
  // Writers that guard every component against symlinks (libarchive's) need
  // a path without any (a cache under a linked home folder).
  Result<std::string> real = folder.real_path();
  if (!real) return real.failure();
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string temp = temp_name_for(name);
    if (::mkdirat(folder.fd(), temp.c_str(), 0700) == 0) {
      std::string real_temp = *real + (real->back() == '/' ? "" : "/") + temp;
      return AtomicFolder(std::move(*handle), name, std::move(temp), std::move(real_temp));
    }
    if (errno != EEXIST) break;
  }
  return cannot_run("cannot create a folder beside " + target + ": " + std::strerror(errno));
}

Result<void> AtomicFolder::commit(bool keep_existing) {
  const int dir = folder_.fd();
  // Another writer's folder, renamed in first: the same content (the same archive), so it stays.
  auto keep_theirs = [&]() -> Result<void> {
    discard();
    return {};
  };
  const bool present = folder_.status(name_).kind == FileKind::kDirectory;
  if (present && keep_existing) return keep_theirs();
  std::string old;
  if (present) {
    old = temp_ + ".old";
    if (::renameat(dir, name_.c_str(), dir, old.c_str()) != 0) {
      if (errno != ENOENT) return cannot_run("cannot replace " + target_ + ": " + std::strerror(errno));
      old.clear();  // moved away by another writer meanwhile
    }
  }
  if (::renameat(dir, temp_.c_str(), dir, name_.c_str()) != 0) {
    const int err = errno;
    if (err == ENOTEMPTY || err == EEXIST) {
      if (!old.empty()) (void)folder_.remove(old);
      return keep_theirs();
    }
    if (!old.empty()) ::renameat(dir, old.c_str(), dir, name_.c_str());
    return cannot_run("cannot move the folder to " + target_ + ": " + std::strerror(err));
  }
  temp_.clear();
  if (!old.empty()) (void)folder_.remove(old);
  return {};
}

}  // namespace ohm::fs
