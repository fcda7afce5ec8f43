// A zoo read from the git index (--staged): what `git commit` would record.
#include <algorithm>
#include <mutex>

#include "git/internal/blob_source.h"
#include "git/internal/sources.h"

namespace ohm::git {
namespace {

class IndexSource : public BlobSource {
 public:
  IndexSource(std::shared_ptr<Repo> repo, IndexPtr index) : BlobSource(std::move(repo)), index_(std::move(index)) {}

  std::string describe() const override { return "index"; }

  Result<std::vector<std::string>> list_files() const override {
    std::lock_guard<std::recursive_mutex> hold(repo().lock);  // it may run beside other reads (ReadmeSet::read_ahead)
    std::vector<std::string> out;
    std::size_t n = git_index_entrycount(index_.get());
    for (std::size_t i = 0; i < n; ++i) {
      const git_index_entry* e = git_index_get_byindex(index_.get(), i);
      if (!e || git_index_entry_stage(e) != 0 || e->mode == GIT_FILEMODE_COMMIT) continue;
      if (auto rel = repo().zoo_path(e->path)) out.push_back(*rel);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

 protected:
  std::optional<Item> find(const std::string& rel) const override {
    Item item;
    std::string path = repo().repo_path(rel);
    if (!path.empty()) {
      if (const git_index_entry* e = git_index_get_bypath(index_.get(), path.c_str(), 0)) {
        item.mode = e->mode;
        git_oid_cpy(&item.id, &e->id);
        return item;
      }
    }
    // A folder exists in the index when some entry lies below it.
    std::size_t pos = 0;
    if (path.empty() ? git_index_entrycount(index_.get()) > 0
                     : git_index_find_prefix(&pos, index_.get(), (path + "/").c_str()) == 0) {
      item.mode = GIT_FILEMODE_TREE;
      return item;
    }
    return std::nullopt;
  }

 private:
  IndexPtr index_;
};

}  // namespace

Result<std::unique_ptr<zoo::Source>> open_index_source(std::shared_ptr<Repo> repo) {
  if (repo->workdir.empty()) return Error{"a bare repository has no index; use --rev"};
  Result<IndexPtr> index = open_index(*repo);
  if (!index) return index.failure();
  return std::unique_ptr<zoo::Source>(std::make_unique<IndexSource>(std::move(repo), std::move(*index)));
}

}  // namespace ohm::git
