#pragma once
// The hub cache opened for one fetch: its root (made when missing; it may be
// reached through symlinks, a linked ~/.cache) and every folder below it,
// reached component by component with fs::Folder::beneath, so a symlink
// planted anywhere under the root is refused and nothing outside is written.
// The folders it makes are taken back, when still empty, if the fetch fails.

#include <optional>
#include <string>

#include "core/result.h"
#include "fs/folder.h"

namespace ohm::hub {

class CacheWriter {
 public:
  explicit CacheWriter(std::string root) : root_path_(std::move(root)) {}

  // The folder holding the cache-relative file `rel` ("a/b/<sha>_m.onnx" ->
  // a/b), and the file's name. With `create`, missing folders are made;
  // without, a missing one is `*missing` and an error.
  Result<fs::Folder> folder_of(const std::string& rel, bool create, std::string* name, bool* missing = nullptr);

  // The full path of `rel`, for messages and reports.
  std::string full(const std::string& rel) const;

  // Removes the folders this writer made that are still empty (innermost
  // first): a failed fetch leaves no empty folder behind.
  void take_back_empty_folders() { made_.remove_empty(); }

 private:
  std::string root_path_;
  std::optional<fs::Folder> root_;
  fs::MadeFolders made_;
};

}  // namespace ohm::hub
