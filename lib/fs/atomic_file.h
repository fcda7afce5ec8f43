#pragma once
// Output that appears whole or not at all (ccache's AtomicFile): bytes go to a
// temp name beside the target and are renamed over it only on commit(). The
// one owner of temp names: "<target>.tmp.<pid>.XXXXXX", recognisable, and
// naming the process that made it.

#include <string>
#include <string_view>

#include "core/result.h"

namespace ohm::fs {

class AtomicFile {
 public:
  // Creates the temp file beside `target` (its folder must exist).
  static Result<AtomicFile> create(const std::string& target);

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
  AtomicFile(std::string target, std::string temp, int fd);
  Error failure(const std::string& what) const;
  void discard();

  std::string target_;
  std::string temp_;
  int fd_ = -1;
};

// Writes `content` to `path` through an AtomicFile.
Result<void> write_file_atomically(const std::string& path, std::string_view content);

// A folder made beside `target` that appears under the target's name only on
// commit(); until then (or on failure) it is removed with everything in it.
class AtomicFolder {
 public:
  static Result<AtomicFolder> create(const std::string& target);

  AtomicFolder(AtomicFolder&& other) noexcept;
  AtomicFolder& operator=(AtomicFolder&&) = delete;
  AtomicFolder(const AtomicFolder&) = delete;
  ~AtomicFolder();

  // The temp folder, without symlinks in its path (fill it here).
  const std::string& path() const { return temp_; }

  // Renames the folder to the target; an existing target folder is replaced
  // (moved aside first: rename cannot replace a non-empty folder).
  Result<void> commit();

 private:
  AtomicFolder(std::string target, std::string temp);

  std::string target_;
  std::string temp_;
};

// "<target>.tmp.<pid>." : the prefix of every temp name this process makes for `target`.
std::string temp_prefix(const std::string& target);

}  // namespace ohm::fs
