#include "fs/file_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace ohm::fs {
namespace {

// Small enough that the read-ahead's three chunks stay in a core's cache:
// the sink (SHA-256, mostly) reads what the reader thread just copied, and
// with 1 MiB chunks hashing a 1.6 GB model ran 15% slower than openssl dgst on
// an Intel Xeon VM (at 128 KiB it runs as fast; many models at once the same).
constexpr std::size_t kChunkBytes = 128 << 10;

// read(2) that retries when interrupted.
ssize_t read_some(int fd, char* into, std::size_t size) {
  for (;;) {
    const ssize_t n = ::read(fd, into, size);
    if (n >= 0 || errno != EINTR) return n;
  }
}

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
  out.ctime_sec = st.st_ctim.tv_sec;
  out.ctime_nsec = st.st_ctim.tv_nsec;
  out.inode = st.st_ino;
  out.executable = (st.st_mode & S_IXUSR) != 0;
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
  const auto expected = static_cast<std::size_t>(st.st_size);
  out.reserve(expected);
  char buf[65536];
  for (;;) {
    // All that fstat said is there: no read only to see the end (a zoo is
    // thousands of small files). A size of 0 may not be the truth (/proc).
    if (expected > 0 && out.size() == expected) break;
    ssize_t n = read_some(fd.get(), buf, sizeof buf);
    if (n < 0) return Error{"cannot read " + path + ": " + std::strerror(errno)};
    if (n == 0) break;
    if (out.size() + static_cast<std::size_t>(n) > max_bytes) {
      return Error{path + " is larger than " + std::to_string(max_bytes) + " bytes"};
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

namespace {

// Files at least this large are read one chunk ahead on a second thread.
constexpr std::uint64_t kReadAheadFrom = 16u << 20;

// Streams `fd` with the reads on a second thread, up to three chunks ahead of
// the sink: copying from the page cache overlaps hashing and parsing (the
// sink's time, not the sum of both). Memory stays three chunks.
class ReadAhead {
 public:
  explicit ReadAhead(int fd) : fd_(fd) {
    for (Slot& s : slots_) s.data.resize(kChunkBytes);
  }
  ~ReadAhead() { stop(); }

  // False when no thread could be started (the caller reads by itself).
  bool start() {
    try {
      reader_ = std::thread([this] { read_all(); });
      return true;
    } catch (const std::system_error&) {
      return false;
    }
  }

  Result<std::uint64_t> deliver(const std::string& path, const ChunkSink& sink) {
    std::uint64_t total = 0;
    for (std::size_t i = 0;; ++i) {
      Slot& s = slots_[i % slots_.size()];
      {
        std::unique_lock<std::mutex> hold(lock_);
        changed_.wait(hold, [&] { return s.filled; });
      }
      if (s.n < 0) return Error{"cannot read " + path + ": " + std::strerror(s.error)};
      if (s.n == 0) return total;
      total += static_cast<std::uint64_t>(s.n);
      const bool more = sink(std::string_view(s.data.data(), static_cast<std::size_t>(s.n)));
      {
        std::lock_guard<std::mutex> hold(lock_);
        s.filled = false;
      }
      changed_.notify_all();
      if (!more) return total;
    }
  }

 private:
  struct Slot {
    std::vector<char> data;
    ssize_t n = 0;
    int error = 0;
    bool filled = false;
  };

  void read_all() {
    for (std::size_t i = 0;; ++i) {
      Slot& s = slots_[i % slots_.size()];
      {
        std::unique_lock<std::mutex> hold(lock_);
        changed_.wait(hold, [&] { return !s.filled || stopping_; });
        if (stopping_) return;
      }
      const ssize_t n = read_some(fd_, s.data.data(), s.data.size());
      const int error = errno;
      {
        std::lock_guard<std::mutex> hold(lock_);
        s.n = n;
        s.error = error;
        s.filled = true;
      }
      changed_.notify_all();
      if (n <= 0) return;
    }
  }

  void stop() {
    {
      std::lock_guard<std::mutex> hold(lock_);
      stopping_ = true;
    }
    changed_.notify_all();
    if (reader_.joinable()) reader_.join();
  }

  int fd_;
  std::array<Slot, 3> slots_;
  std::mutex lock_;
  std::condition_variable changed_;
  bool stopping_ = false;
  std::thread reader_;
};

}  // namespace

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
  if (static_cast<std::uint64_t>(st.st_size) >= kReadAheadFrom) {
    ReadAhead ahead(fd.get());
    if (ahead.start()) return ahead.deliver(path, sink);
  }
  std::vector<char> buf(kChunkBytes);
  std::uint64_t total = 0;
  for (;;) {
    ssize_t n = read_some(fd.get(), buf.data(), buf.size());
    if (n < 0) return Error{"cannot read " + path + ": " + std::strerror(errno)};
    if (n == 0) break;
    total += static_cast<std::uint64_t>(n);
    if (!sink(std::string_view(buf.data(), static_cast<std::size_t>(n)))) break;
  }
  return total;
}

Result<std::uint64_t> read_regular_file_at_offsets(
    const std::string& path, const std::function<std::optional<Error>(std::uint64_t size, const ReadAt&)>& use) {
  struct stat st;
  auto fd_or = open_regular(AT_FDCWD, path, path, &st);
  if (!fd_or) return fd_or.failure();
  Fd fd(*fd_or);
  const ReadAt read_at = [&](std::uint64_t offset, char* into, std::size_t size) -> Result<std::size_t> {
    for (;;) {
      const ssize_t n = ::pread(fd.get(), into, size, static_cast<off_t>(offset));
      if (n >= 0) return static_cast<std::size_t>(n);
      if (errno != EINTR) return Error{"cannot read " + path + ": " + std::strerror(errno)};
    }
  };
  if (auto failed = use(static_cast<std::uint64_t>(st.st_size), read_at)) return *failed;
  return static_cast<std::uint64_t>(st.st_size);
}

}  // namespace ohm::fs
