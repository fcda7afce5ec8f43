#include "git/open_zoo.h"

#include <filesystem>

#include "git/internal/repo.h"
#include "git/internal/sources.h"

namespace ohm::git {

Result<OpenedZoo> open_zoo(const OpenOptions& options) {
  Result<std::shared_ptr<Repo>> repo = open_repo(options.repo_dir);
  if (!repo) return repo.failure();
  OpenedZoo out;
  if (!*repo) {
    const std::string why = not_a_repository(options.repo_dir);
    if (options.rev) return Error{"--rev needs a git repository: " + why};
    if (options.staged) return Error{"--staged needs a git repository: " + why};
    std::string root = options.repo_dir.empty() ? "." : options.repo_dir;
    while (root.size() > 1 && root.back() == '/') root.pop_back();
    // The root itself may be reached through a symlink the user typed; nothing inside may.
    std::error_code ec;
    if (!std::filesystem::is_directory(root, ec)) return Error{"cannot read the zoo at " + root + ": not a directory"};
    zoo::WorkTreeOptions o;
    o.root = root;
    out.root_on_disk = root;
    out.source = zoo::open_work_tree(std::move(o));
    return out;
  }
  out.in_repository = true;
  out.prefix = (*repo)->prefix;
  const std::string& top = (*repo)->workdir;
  if (!top.empty()) out.root_on_disk = out.prefix.empty() ? top : top + "/" + out.prefix;
  Result<std::unique_ptr<zoo::Source>> source = options.rev      ? open_commit_source(*repo, *options.rev)
                                                : options.staged ? open_index_source(*repo)
                                                                 : open_git_work_tree(*repo);
  if (!source) return source.failure();
  out.source = std::move(*source);
  if (Result<CommitPtr> commit = resolve_commit(**repo, options.rev.value_or("HEAD"))) {
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, git_commit_id(commit->get()));
    out.revision = hex;
  }
  return out;
}

}  // namespace ohm::git
