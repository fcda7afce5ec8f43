#pragma once
// The only place that opens files of a zoo. Every open refuses symlinks and
// anything that is not a regular file (O_NOFOLLOW + fstat), so a hostile pull
// request cannot make the tool read /dev/zero or follow a link out of the zoo.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace ohm::fs {

enum class FileKind { kRegular, kMissing, kSymlink, kDirectory, kOther };

struct FileStatus {
  FileKind kind = FileKind::kMissing;
  std::uint64_t size = 0;
  std::int64_t mtime_sec = 0;
  std::int64_t mtime_nsec = 0;
  std::int64_t ctime_sec = 0;  // the inode's last change (git's index keeps it)
  std::int64_t ctime_nsec = 0;
  std::uint64_t inode = 0;
  bool executable = false;  // the owner may execute it
};

// lstat() of `path`, never following a final symlink.
FileStatus status_of(const std::string& path);

// lstat() of `name` relative to the open folder `dir_fd` (fs::Folder::fd()).
FileStatus status_at(int dir_fd, const std::string& name);

// "a symbolic link", "a directory", ... for diagnostics.
std::string describe(FileKind kind);

// Reads a regular file whole. Fails on symlinks, non-regular files, and files
// larger than `max_bytes`.
Result<std::string> read_regular_file(const std::string& path, std::uint64_t max_bytes);

// read_regular_file of `name` in the open folder `dir_fd`, named `path` in messages.
Result<std::string> read_regular_file_at(int dir_fd, const std::string& name, const std::string& path,
                                         std::uint64_t max_bytes);

// Called with consecutive chunks of a file; return false to stop early.
using ChunkSink = std::function<bool(std::string_view chunk)>;

// Streams a regular file in fixed-size chunks (memory does not grow with the
// file). Returns the number of bytes delivered.
Result<std::uint64_t> stream_regular_file(const std::string& path, const ChunkSink& sink);

// stream_regular_file of `name` in the open folder `dir_fd`, named `path` in messages.
Result<std::uint64_t> stream_regular_file_at(int dir_fd, const std::string& name, const std::string& path,
                                             const ChunkSink& sink);

// Reads up to `size` bytes at `offset` into `into`; returns how many (0 at the end).
using ReadAt = std::function<Result<std::size_t>(std::uint64_t offset, char* into, std::size_t size)>;

// Opens a regular file (as stream_regular_file does) and calls `use` with its
// size and positional reads of it, for a reader that passes over most of the
// file. Returns the size, or why the file could not be opened or read.
Result<std::uint64_t> read_regular_file_at_offsets(
    const std::string& path, const std::function<std::optional<Error>(std::uint64_t size, const ReadAt&)>& use);

}  // namespace ohm::fs
