#pragma once
// Folders opened as handles, and paths opened beneath them one component at
// a time without following a symlink (openat with O_NOFOLLOW|O_DIRECTORY for
// each folder). The one way anything is written under the hub cache: a link
// planted at a folder of a model's path, at its file or at a temp name is
// refused there, and nothing outside the cache is written through it.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "fs/file_reader.h"

namespace ohm::fs {

class MadeFolders;

class Folder {
 public:
  // Opens the folder `path`, which may itself be reached through symlinks (a
  // linked ~/.cache is the user's choice; below it nothing is followed). With
  // `made`, missing folders of `path` are created first and recorded there.
  static Result<Folder> open(const std::string& path, MadeFolders* made = nullptr);

  Folder(Folder&& other) noexcept;
  Folder& operator=(Folder&& other) noexcept;
  Folder(const Folder&) = delete;
  ~Folder();

  // The folder `rel` ("a/b"; "" is this folder again) beneath this one, each
  // component opened with O_NOFOLLOW|O_DIRECTORY: a symlink, file or special
  // file on the way fails ("cannot write <shown>: <component> is a symbolic
  // link, ..."), naming `shown` (the path being written). With `made`,
  // missing components are created and recorded; without, a missing one fails
  // with `missing` set (when given).
  Result<Folder> beneath(std::string_view rel, const std::string& shown, MadeFolders* made = nullptr,
                         bool* missing = nullptr) const;

  // The folder `rel` ("a/b") beneath this one, opened by one openat that
  // does not follow its last component (a link on the way is followed: the
  // caller looks at those folders itself). Cheaper than beneath() for reading
  // many folders of a tree; fails with errno's text when it is not a folder.
  Result<Folder> at(const std::string& rel) const;

  // lstat of `name` (one component) here: never follows a link.
  FileStatus status(const std::string& name) const;

  // What is here ("." and ".." left out), in the order the folder lists it,
  // each with its kind as the listing tells it (an lstat only where it
  // cannot). Reads this handle's listing from its start: not on two threads
  // at once.
  struct Entry {
    std::string name;
    FileKind kind;
  };
  Result<std::vector<Entry>> entries() const;

  // Removes `name` here, a folder with everything in it; a symlink is removed
  // itself, never followed. Missing is no error.
  Result<void> remove(const std::string& name) const;

  // The file names here ("." and ".." left out), sorted (as entries()).
  Result<std::vector<std::string>> names() const;

  // The folder's path, as opened (for messages and for building child paths).
  const std::string& path() const { return path_; }
  // path() + "/" + name.
  std::string child(const std::string& name) const;
  // The folder's path with no symlink in it, from the open handle (libarchive's
  // writer refuses a path through any link).
  Result<std::string> real_path() const;
  int fd() const { return fd_; }
  // Another handle on the same folder.
  Result<Folder> duplicate() const;

 private:
  Folder(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_ = -1;
  std::string path_;
};

// Folders a write created, to take back when it fails: remove_empty() removes
// each one that is still empty, innermost first, through the handle of its
// parent (never by a path that a planted link could redirect).
class MadeFolders {
 public:
  MadeFolders();
  MadeFolders(MadeFolders&&) noexcept;
  ~MadeFolders();

  void add(const Folder& parent, const std::string& name);
  // Full paths of the folders made, outermost first.
  std::vector<std::string> paths() const;
  void remove_empty();

 private:
  struct Made;
  std::vector<std::unique_ptr<Made>> made_;
};

// The name is one component: not empty, ".", "..", and without '/' or NUL.
bool is_single_component(std::string_view name);

}  // namespace ohm::fs
