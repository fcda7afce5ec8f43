#pragma once
// A zoo held in memory: paths -> bytes, with symlinks, special files, clean
// LFS checkouts and an LFS store. The test seam of everything that reads a zoo
// (unit tests, the whole-zoo fuzz target), as ninja's VirtualFileSystem is.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "zoo/source.h"

namespace ohm::zoo {

class MemorySource : public Source {
 public:
  MemorySource() = default;

  // A regular file at `rel`; folders on its way exist implicitly.
  MemorySource& file(const std::string& rel, std::string bytes);
  // A symbolic link, a special file (a device, a fifo) or an empty folder.
  MemorySource& symlink(const std::string& rel);
  MemorySource& special(const std::string& rel);
  MemorySource& folder(const std::string& rel);
  // Marks `rel` (which holds a pointer's smudged content, or the pointer) as
  // an unmodified checkout of `pointer` (Source::clean_lfs_pointer).
  MemorySource& clean_pointer(const std::string& rel, LfsPointer pointer);
  // Puts `content` in the LFS store (under its sha256). Any store at all
  // makes the zoo look like it is inside a repository.
  MemorySource& lfs_object(std::string content);
  // Where the zoo sits in its repository.
  MemorySource& prefix(std::string repo_prefix);
  // "index", "commit <sha>", ...: what describe() says (default "memory").
  MemorySource& described_as(std::string what);

  std::string describe() const override { return described_; }
  fs::FileStatus stat(const std::string& rel) const override;
  Result<std::string> read(const std::string& rel, std::uint64_t max_bytes) const override;
  Result<std::uint64_t> stream(const std::string& rel, const fs::ChunkSink& sink) const override;
  Result<std::vector<std::string>> list_files() const override;
  std::optional<LfsPointer> clean_lfs_pointer(const std::string& rel) const override;
  std::optional<std::string> git_dir() const override;
  Result<std::uint64_t> stream_lfs_object(const LfsPointer& pointer, const fs::ChunkSink& sink) const override;
  std::string repo_prefix() const override { return prefix_; }

  // Streams deliver chunks of at most this many bytes (default 4096), so
  // consumers see content split across chunks.
  std::size_t chunk_bytes = 4096;

 private:
  struct Node {
    fs::FileKind kind = fs::FileKind::kRegular;
    std::string bytes;
  };
  const Node* find(const std::string& rel) const;

  std::map<std::string, Node> nodes_;
  std::map<std::string, LfsPointer> clean_;
  std::map<std::string, std::string> store_;  // oid -> content
  std::string prefix_;
  std::string described_ = "memory";
};

}  // namespace ohm::zoo
