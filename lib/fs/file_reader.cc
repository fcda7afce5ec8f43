#include "fs/file_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace ohm::fs {
namespace {

constexpr std::size_t kChunkBytes = 1 << 20;

// Closes a file descriptor when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

FileKind kind_of(mode_t mode) {
  if (S_ISREG(mode)) return FileKind::kRegular;
  if (S_ISLNK(mode)) return FileKind::kSymlink;
  if (S_ISDIR(mode)) return FileKind::kDirectory;
  return FileKind::kOther;
}

// Opens `name` (relative to `dir_fd`) only if it is a regular file reached
// without a final symlink; `path` names it in messages.
Result<int> open_regular(int dir_fd, const std::string& name, const std::string& path, struct stat* st) {
  FileStatus pre = status_at(dir_fd, name);
  if (pre.kind != FileKind::kRegular) {
    return Error{path + " is " + describe(pre.kind) + ", not a regular file"};
  }
  // O_NONBLOCK keeps a fifo swapped in after the lstat from blocking the open.
  int fd = ::openat(dir_fd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return Error{"cannot open " + path + ": " + std::strerror(errno)};
  if (::fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
    ::close(fd);
    return Error{path + " is not a regular file"};
  }
  return fd;
}

}  // namespace

FileStatus status_of(const std::string& path) { return status_at(AT_FDCWD, path); }

FileStatus status_at(int dir_fd, const std::string& name) {
  struct stat st;
  FileStatus out;
  if (::fstatat(dir_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return out;
  out.kind = kind_of(st.st_mode);
  out.size = static_cast<std::uint64_t>(st.st_size);
  out.mtime_sec = st.st_mtim.tv_sec;
  out.mtime_nsec = st.st_mtim.tv_nsec;
  out.inode = st.st_ino;
  return out;
}

std::string describe(FileKind kind) {
  switch (kind) {
    case FileKind::kRegular:
      return "a regular file";
    case FileKind::kMissing:
      return "missing";
    case FileKind::kSymlink:
      return "a symbolic link";
    case FileKind::kDirectory:
      return "a directory";
    case FileKind::kOther:
      return "a special file";
  }
  return "unknown";
}

Result<std::string> read_regular_file(const std::string& path, std::uint64_t max_bytes) {
  return read_regular_file_at(AT_FDCWD, path, path, max_bytes);
}

Result<std::string> read_regular_file_at(int dir_fd, const std::string& name, const std::string& path,
                                         std::uint64_t max_bytes) {
  struct stat st;
  auto fd_or = open_regular(dir_fd, name, path, &st);
  if (!fd_or) return fd_or.failure();
  Fd fd(*fd_or);
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
    return Error{path + " is larger than " + std::to_string(max_bytes) + " bytes"};
  }
  std::string out;
  out.reserve(static_cast<std::size_t>(st.st_size));
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Error{"cannot read " + path + ": " + std::strerror(errno)};
    }
    if (n == 0) break;
    if (out.size() + static_cast<std::size_t>(n) > max_bytes) {
      return Error{path + " is larger than " + std::to_string(max_bytes) + " bytes"};
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

Result<std::uint64_t> stream_regular_file(const std::string& path, const ChunkSink& sink) {
  return stream_regular_file_at(AT_FDCWD, path, path, sink);
}

Result<std::uint64_t> stream_regular_file_at(int dir_fd, const std::string& name, const std::string& path,
                                             const ChunkSink& sink) {
  struct stat st;
  auto fd_or = open_regular(dir_fd, name, path, &st);
  if (!fd_or) return fd_or.failure();
  Fd fd(*fd_or);
  ::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
  std::vector<char> buf(kChunkBytes);
  std::uint64_t total = 0;
  for (;;) {
    ssize_t n = ::read(fd.get(), buf.data(), buf.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Error{"cannot read " + path + ": " + std::strerror(errno)};
    }
    if (n == 0) break;
    total += static_cast<std::uint64_t>(n);
    if (!sink(std::string_view(buf.data(), static_cast<std::size_t>(n)))) break;
  }
  return total;
}

}  // namespace ohm::fs
