#include "hub/cache_writer.h"

namespace ohm::hub {

std::string CacheWriter::full(const std::string& rel) const {
  if (root_path_.empty()) return rel;
  return root_path_.back() == '/' ? root_path_ + rel : root_path_ + "/" + rel;
}

Result<fs::Folder> CacheWriter::folder_of(const std::string& rel, bool create, std::string* name, bool* missing) {
  const std::string::size_type slash = rel.rfind('/');
  *name = slash == std::string::npos ? rel : rel.substr(slash + 1);
  const std::string folder = slash == std::string::npos ? "" : rel.substr(0, slash);
  if (!root_) {
    const fs::FileKind kind = fs::status_of(root_path_.empty() ? "." : root_path_).kind;
    if (!create && kind == fs::FileKind::kMissing) {
      if (missing) *missing = true;
      return cannot_run("the cache " + root_path_ + " does not exist");
    }
    Result<fs::Folder> root = fs::Folder::open(root_path_, create ? &made_ : nullptr);
    if (!root) return root.failure();
    root_ = std::move(*root);
  }
  return root_->beneath(folder, full(rel), create ? &made_ : nullptr, missing);
}

}  // namespace ohm::hub
