// The work tree of a repository: open_work_tree with git's ignore rules and
// the index's stat data (an unmodified checkout of an LFS pointer is not re-read).
#include <utility>

#include "git/internal/index_stat.h"
#include "git/internal/sources.h"
#include "zoo/lfs_pointer.h"

namespace ohm::git {
namespace {

// What the work tree source asks git; shared by its two callbacks.
class GitView {
 public:
  GitView(std::shared_ptr<Repo> repo, IndexPtr index) : repo_(std::move(repo)), index_(std::move(index)) {
    index_stat_ = fs::status_of(git_index_path(index_.get()) ? git_index_path(index_.get()) : "");
  }

  // Ignored by git's rules and not tracked (a tracked file is listed even when a rule matches it).
  bool ignored(const std::string& rel, bool is_dir) const {
    std::lock_guard<std::recursive_mutex> hold(repo_->lock);
    std::string path = repo_->repo_path(rel);
    if (is_dir) {
      std::size_t pos = 0;
      if (git_index_find_prefix(&pos, index_.get(), (path + "/").c_str()) == 0) return false;
      path += "/";
    } else if (git_index_get_bypath(index_.get(), path.c_str(), 0)) {
      return false;
    }
    int ignored = 0;
    if (git_ignore_path_is_ignored(&ignored, repo_->repo.get(), path.c_str()) < 0) return false;
    return ignored == 1;
  }

  // The index's LFS pointer for `rel` when the file's stat data matches its
  // index entry and the entry is not racily clean.
  std::optional<zoo::LfsPointer> clean_pointer(const std::string& rel) const {
    const std::string path = repo_->repo_path(rel);
    std::optional<git_index_entry> e = entry_at(path);
    if (!e || (e->mode != GIT_FILEMODE_BLOB && e->mode != GIT_FILEMODE_BLOB_EXECUTABLE)) return std::nullopt;
    fs::FileStatus st = fs::status_of(repo_->workdir + "/" + path);
    if (!unchanged_since_indexed(*e, st, index_stat_)) return std::nullopt;
    std::optional<std::uint64_t> blob_bytes = blob_size(*repo_, e->id);
    if (!blob_bytes || *blob_bytes > zoo::kMaxPointerBytes) return std::nullopt;
    std::optional<OdbObjectPtr> blob = read_blob(*repo_, e->id);
    if (!blob) return std::nullopt;
    std::string_view text(static_cast<const char*>(git_odb_object_data(blob->get())), git_odb_object_size(blob->get()));
    zoo::PointerParse parsed = zoo::parse_lfs_pointer(text);
    if (parsed.status != zoo::PointerStatus::kPointer) return std::nullopt;
    // The file is either the smudged content or the pointer itself.
    if (st.size != parsed.pointer.size && st.size != text.size()) return std::nullopt;
    return parsed.pointer;
  }

 private:
  // A copy of the index entry at repository path `path` (its path pointer
  // cleared: it lives in the index), taken under the lock; the file's stat
  // and the blob's read need no lock.
  std::optional<git_index_entry> entry_at(const std::string& path) const {
    std::lock_guard<std::recursive_mutex> hold(repo_->lock);
    const git_index_entry* e = git_index_get_bypath(index_.get(), path.c_str(), 0);
    if (!e) return std::nullopt;
    git_index_entry copy = *e;
    copy.path = nullptr;
    return copy;
  }

  std::shared_ptr<Repo> repo_;
  IndexPtr index_;
  fs::FileStatus index_stat_;
};

}  // namespace

Result<std::unique_ptr<zoo::Source>> open_git_work_tree(std::shared_ptr<Repo> repo) {
  if (repo->workdir.empty()) return Error{"a bare repository has no work tree; use --rev"};
  Result<IndexPtr> index = open_index(*repo);
  if (!index) return index.failure();
  auto view = std::make_shared<GitView>(repo, std::move(*index));
  zoo::WorkTreeOptions o;
  o.root = repo->prefix.empty() ? repo->workdir : repo->workdir + "/" + repo->prefix;
  o.git_dir = repo->git_dir;
  o.repo_prefix = repo->prefix;
  o.ignored = [view](const std::string& rel, bool is_dir) { return view->ignored(rel, is_dir); };
  o.clean_pointer = [view](const std::string& rel) { return view->clean_pointer(rel); };
  return zoo::open_work_tree(std::move(o));
}

}  // namespace ohm::git
