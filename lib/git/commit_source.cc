// A zoo read from a commit's tree: no checkout, blobs from the object database.
#include <algorithm>
#include <mutex>

#include "git/internal/blob_source.h"
#include "git/internal/sources.h"

namespace ohm::git {
namespace {

class CommitSource : public BlobSource {
 public:
  CommitSource(std::shared_ptr<Repo> repo, TreePtr tree, std::string sha)
      : BlobSource(std::move(repo)), tree_(std::move(tree)), sha_(std::move(sha)) {}

  std::string describe() const override { return "commit " + sha_; }

  Result<std::vector<std::string>> list_files() const override {
    std::lock_guard<std::recursive_mutex> hold(repo().lock);  // it may run beside other reads (ReadmeSet::read_ahead)
    std::vector<std::string> out;
    if (git_tree_walk(tree_.get(), GIT_TREEWALK_PRE, &collect, &out) < 0) {
      return Error{git_failure("cannot list the tree of commit " + sha_)};
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 protected:
  std::optional<Item> find(const std::string& rel) const override {
    Item item;
    if (rel.empty()) {
      item.mode = GIT_FILEMODE_TREE;
      git_oid_cpy(&item.id, git_tree_id(tree_.get()));
      return item;
    }
    git_tree_entry* raw = nullptr;
    if (git_tree_entry_bypath(&raw, tree_.get(), rel.c_str()) < 0) return std::nullopt;
    TreeEntryPtr entry(raw);
    item.mode = static_cast<std::uint32_t>(git_tree_entry_filemode_raw(entry.get()));
    git_oid_cpy(&item.id, git_tree_entry_id(entry.get()));
    return item;
  }

 private:
  static int collect(const char* root, const git_tree_entry* entry, void* payload) {
    git_filemode_t mode = git_tree_entry_filemode(entry);
    if (mode == GIT_FILEMODE_TREE || mode == GIT_FILEMODE_COMMIT) return 0;
    static_cast<std::vector<std::string>*>(payload)->push_back(std::string(root) + git_tree_entry_name(entry));
    return 0;
  }

  TreePtr tree_;  // the zoo's folder in the commit
  std::string sha_;
};

}  // namespace

Result<std::unique_ptr<zoo::Source>> open_commit_source(std::shared_ptr<Repo> repo, const std::string& rev) {
  Result<CommitPtr> commit = resolve_commit(*repo, rev);
  if (!commit) return commit.failure();
  char sha[GIT_OID_HEXSZ + 1];
  git_oid_tostr(sha, sizeof sha, git_commit_id(commit->get()));
  git_tree* raw = nullptr;
  if (git_commit_tree(&raw, commit->get()) < 0) return Error{git_failure("cannot read the tree of " + rev)};
  TreePtr tree(raw);
  if (!repo->prefix.empty()) {
    git_tree_entry* entry_raw = nullptr;
    if (git_tree_entry_bypath(&entry_raw, tree.get(), repo->prefix.c_str()) < 0) {
      return Error{repo->prefix + " does not exist in " + rev};
    }
    TreeEntryPtr entry(entry_raw);
    git_object* obj = nullptr;
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE ||
        git_tree_entry_to_object(&obj, repo->repo.get(), entry.get()) < 0) {
      return Error{repo->prefix + " is not a folder in " + rev};
    }
    tree.reset(reinterpret_cast<git_tree*>(obj));
  }
  return std::unique_ptr<zoo::Source>(std::make_unique<CommitSource>(std::move(repo), std::move(tree), sha));
}

}  // namespace ohm::git
