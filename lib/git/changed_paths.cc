// Tree-to-tree, tree-to-index and tree-to-work-tree diffs with rename detection
// (both sides of a rename are changed paths).
#include <algorithm>
#include <set>

#include "core/parallel.h"
#include "git/internal/repo.h"
#include "git/internal/work_tree_changes.h"
#include "git/open_zoo.h"

namespace ohm::git {
namespace {

struct Collector {
  const Repo* repo;
  std::set<std::string> paths;
  bool gitattributes = false;

  void add(const char* path) {
    if (!path) return;
    std::string p = path;
    if (p == ".gitattributes" || (p.size() > 15 && p.compare(p.size() - 15, 15, "/.gitattributes") == 0)) {
      gitattributes = true;
    }
    if (auto rel = repo->zoo_path(p)) paths.insert(*rel);
  }
};

// The diff of `base` with the target; for the work tree, that of `base` with
// the index, the work tree's own changes going to `work_tree` (libgit2's
// work-tree diff looks at every file in turn on one thread).
Result<DiffPtr> diff_against(Repo& repo, git_tree* base, const OpenOptions& target,
                             std::vector<std::string>& work_tree) {
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  opts.flags = GIT_DIFF_INCLUDE_TYPECHANGE;
  git_diff* raw = nullptr;
  int rc;
  if (target.rev) {
    Result<CommitPtr> commit = resolve_commit(repo, *target.rev);
    if (!commit) return commit.failure();
    git_tree* tree_raw = nullptr;
    if (git_commit_tree(&tree_raw, commit->get()) < 0) return Error{git_failure("cannot read " + *target.rev)};
    TreePtr tree(tree_raw);
    rc = git_diff_tree_to_tree(&raw, repo.repo.get(), base, tree.get(), &opts);
  } else {
    if (repo.workdir.empty()) return Error{"a bare repository has no index or work tree; use --rev"};
    Result<IndexPtr> index = open_index(repo);
    if (!index) return index.failure();
    rc = git_diff_tree_to_index(&raw, repo.repo.get(), base, index->get(), &opts);
    if (rc == 0 && !target.staged) {
      Result<std::vector<std::string>> changed = work_tree_changes(repo, index->get(), default_jobs());
      if (!changed) {
        git_diff_free(raw);
        return changed.failure();
      }
      work_tree = std::move(*changed);
    }
  }
  if (rc < 0) return Error{git_failure("cannot compute the changes")};
  DiffPtr diff(raw);
  git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
  find.flags = GIT_DIFF_FIND_RENAMES | GIT_DIFF_FIND_FOR_UNTRACKED;
  if (git_diff_find_similar(diff.get(), &find) < 0) return Error{git_failure("cannot detect renames")};
  return diff;
}

}  // namespace

Result<zoo::ChangeSet> changed_paths(const OpenOptions& target, const std::string& base) {
  Result<std::shared_ptr<Repo>> repo = open_repo(target.repo_dir);
  if (!repo) return repo.failure();
  if (!*repo) return Error{"--changed-since needs a git repository: " + not_a_repository(target.repo_dir)};
  Result<CommitPtr> base_commit = resolve_commit(**repo, base);
  if (!base_commit) return base_commit.failure();
  git_tree* raw = nullptr;
  if (git_commit_tree(&raw, base_commit->get()) < 0) return Error{git_failure("cannot read " + base)};
  TreePtr base_tree(raw);
  std::vector<std::string> work_tree;
  Result<DiffPtr> diff = diff_against(**repo, base_tree.get(), target, work_tree);
  if (!diff) return diff.failure();
  // The deltas by index, not git_diff_foreach: that builds a patch per file,
  // loading both sides' blobs, where only the paths are wanted.
  Collector c{repo->get(), {}, false};
  for (std::size_t i = 0, n = git_diff_num_deltas(diff->get()); i < n; ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff->get(), i);
    if (delta->status == GIT_DELTA_UNMODIFIED || delta->status == GIT_DELTA_IGNORED) continue;
    c.add(delta->old_file.path);
    c.add(delta->new_file.path);
  }
  for (const std::string& path : work_tree) c.add(path.c_str());
  zoo::ChangeSet out;
  out.paths.assign(c.paths.begin(), c.paths.end());
  out.gitattributes_changed = c.gitattributes;
  return out;
}

std::future<Result<zoo::ChangeSet>> start_changed_paths(OpenOptions target, std::string base) {
  return std::async(std::launch::async,
                    [target = std::move(target), base = std::move(base)] { return changed_paths(target, base); });
}

}  // namespace ohm::git
