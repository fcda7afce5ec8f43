#pragma once
// Where a zoo's files are read from: a working tree, the git index, or a
// commit. Paths are zoo-relative POSIX paths ("validated/vision/x/README.md").

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "fs/file_reader.h"
#include "zoo/lfs_pointer.h"

namespace ohm::zoo {

class Source {
 public:
  virtual ~Source() = default;

  // "working tree", "index" or "commit <sha>", for messages.
  virtual std::string describe() const = 0;

  // What is at `rel`, without following symlinks (kMissing when nothing is).
  virtual fs::FileStatus stat(const std::string& rel) const = 0;

  // Reads a regular file whole; fails past `max_bytes` or on anything not a regular file.
  virtual Result<std::string> read(const std::string& rel, std::uint64_t max_bytes) const = 0;

  // Streams a regular file in chunks; returns the bytes delivered.
  virtual Result<std::uint64_t> stream(const std::string& rel, const fs::ChunkSink& sink) const = 0;

  // Every file the zoo holds that git tracks or would track (not ignored,
  // never inside .git), sorted. For tree discovery.
  virtual Result<std::vector<std::string>> list_files() const = 0;

  // When the source knows `rel` is an unmodified checkout of an LFS pointer
  // (the index's stat data matches), that pointer: its sha and size stand
  // without reading the file.
  virtual std::optional<LfsPointer> clean_lfs_pointer(const std::string& /*rel*/) const { return std::nullopt; }

  // The git directory, when the zoo is inside a repository (for the LFS store).
  virtual std::optional<std::string> git_dir() const { return std::nullopt; }

  // Streams the Git LFS store's object for `pointer` (SPEC 4), verifying its
  // size and sha256 as it streams. A problem `artifact.lfs.corrupt` when it
  // does not match; code `artifact.lfs.absent` when the store does not hold it
  // (no repository, or never fetched). The default reads
  // <git_dir>/lfs/objects/<oid[0:2]>/<oid[2:4]>/<oid>.
  virtual Result<std::uint64_t> stream_lfs_object(const LfsPointer& pointer, const fs::ChunkSink& sink) const;

  // Where the zoo sits inside its git repository: "" at the top or outside
  // git, "samples" for a subfolder zoo. Paths people run git with (and open
  // from the repository root) are this joined with the zoo-relative path.
  virtual std::string repo_prefix() const { return {}; }

  // The git object id (hex) of the regular file `rel` when the source reads
  // it from git's object database (the index, a commit): two sources giving
  // the same id hold the same bytes, which need not be read to compare them.
  // nullopt when the source cannot tell (a work tree).
  virtual std::optional<std::string> object_id(const std::string& /*rel*/) const { return std::nullopt; }
  // The file-system path of `rel` when the source is a working tree (where
  // generate writes the manifest); nullopt for the index and commits.
  virtual std::optional<std::string> disk_path(const std::string& /*rel*/) const { return std::nullopt; }
};

// Code of the error stream_lfs_object() returns when the store lacks the object.
constexpr const char* kLfsAbsent = "artifact.lfs.absent";
// That error, for `oid`.
Error lfs_absent(const std::string& oid);

// The repository-relative path of zoo-relative `rel` in `source`.
std::string repo_path(const Source& source, const std::string& rel);

// The command that fetches `rel`'s content: git lfs pull --include="<repo path>".
std::string lfs_pull_hint(const Source& source, const std::string& rel);

// A plain folder (or the working tree of a repository). Symlinks anywhere on a
// path are refused. `ignored` (optional) tells which zoo-relative paths git ignores.
struct WorkTreeOptions {
  std::string root;
  std::optional<std::string> git_dir;
  std::string repo_prefix;  // the root inside its repository
  std::function<bool(const std::string& rel, bool is_dir)> ignored;
  std::function<std::optional<LfsPointer>(const std::string& rel)> clean_pointer;
};
std::unique_ptr<Source> open_work_tree(WorkTreeOptions options);

}  // namespace ohm::zoo
