#pragma once
// Output that appears whole or not at all (ccache's AtomicFile): bytes go to a
// temp name beside the target and are renamed over it only on commit(). The
// one owner of temp names: "<target>.tmp.<pid>.XXXXXX", recognisable, and
// naming the process that made it.

#include <string>
#include <string_view>

#include "core/result.h"
#include "fs/folder.h"

namespace ohm::fs {

class AtomicFile {
 public:
  // Creates the temp file beside `target` (its folder must exist; the path to
  // it is followed as a shell would follow it).
  static Result<AtomicFile> create(const std::string& target);
  // Creates the temp file for `name` in the open `folder`: the temp name is
  // created O_EXCL|O_NOFOLLOW and renamed by the folder's handle, so no link
  // planted at either name is followed.
  static Result<AtomicFile> create_in(const Folder& folder, const std::string& name);

  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&&) = delete;
  AtomicFile(const AtomicFile&) = delete;
  // Removes the temp file unless commit() succeeded.
  ~AtomicFile();

  // Appends `bytes`.
  Result<void> write(std::string_view bytes);

  // Gives the file the usual permissions (mkstemp makes 0600), flushes it to
  // disk, closes it and renames it over the target. On failure the target is
  // untouched and the temp file removed.
  Result<void> commit();

  const std::string& target() const { return target_; }

 private:
  AtomicFile(Folder folder, std::string name, std::string temp, int fd);
  Error failure(const std::string& what) const;
  void discard();

  Folder folder_;
  std::string name_;
  std::string target_;  // folder_.child(name_), for messages
  std::string temp_;    // a name in folder_
  int fd_ = -1;
};

// Writes `content` to `path` through an AtomicFile.
Result<void> write_file_atomically(const std::string& path, std::string_view content);
// write_file_atomically, unless `path` is already a regular file holding
// exactly `content`: then it is left as it is (inode and mtime too, so tools
// watching it see no change) and nothing is written or synced. True when it wrote.
Result<bool> write_file_if_changed(const std::string& path, std::string_view content);
// Writes `content` to `name` in the open `folder` through an AtomicFile.
Result<void> write_file_atomically_in(const Folder& folder, const std::string& name, std::string_view content);

// A folder made beside `target` that appears under the target's name only on
// commit(); until then (or on failure) it is removed with everything in it.
class AtomicFolder {
 public:
  static Result<AtomicFolder> create(const std::string& target);
  // The temp folder for `name` in the open `folder`, made and renamed by its handle.
  static Result<AtomicFolder> create_in(const Folder& folder, const std::string& name);

  AtomicFolder(AtomicFolder&& other) noexcept;
  AtomicFolder& operator=(AtomicFolder&&) = delete;
  AtomicFolder(const AtomicFolder&) = delete;
  ~AtomicFolder();

  // The temp folder, without symlinks in its path (fill it here).
  const std::string& path() const { return real_; }

  // Renames the folder to the target; an existing target folder is replaced
  // (moved aside first: rename cannot replace a non-empty folder), or with
  // `keep_existing` kept and ours discarded. A target that another process
  // renames into place while we do (the same archive, unpacked at once) is
  // kept either way: the one that came first wins, and both succeed.
  Result<void> commit(bool keep_existing = false);

 private:
  AtomicFolder(Folder folder, std::string name, std::string temp, std::string real);
  void discard();

  Folder folder_;
  std::string name_;
  std::string target_;  // folder_.child(name_), for messages
  std::string temp_;    // a name in folder_ ("" once committed)
  std::string real_;    // the temp folder's path without symlinks
};

// "<target>.tmp.<pid>." : the prefix of every temp name this process makes for `target`.
std::string temp_prefix(const std::string& target);

}  // namespace ohm::fs
