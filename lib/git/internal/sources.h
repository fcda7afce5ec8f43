#pragma once
// Private to lib/git: the three ways a zoo inside a repository is read.

#include <memory>
#include <string>

#include "core/result.h"
#include "git/internal/repo.h"
#include "zoo/source.h"

namespace ohm::git {

// Non-LFS blobs are loaded whole by libgit2; larger ones are refused.
constexpr std::uint64_t kMaxBlobBytes = std::uint64_t{512} << 20;

// The commit `rev` names, read from the object database without a checkout.
Result<std::unique_ptr<zoo::Source>> open_commit_source(std::shared_ptr<Repo> repo, const std::string& rev);

// The index (GIT_INDEX_FILE when set), as `git commit` would record it.
Result<std::unique_ptr<zoo::Source>> open_index_source(std::shared_ptr<Repo> repo);

// The work tree, with git's ignore rules and the index's stat data.
Result<std::unique_ptr<zoo::Source>> open_git_work_tree(std::shared_ptr<Repo> repo);

}  // namespace ohm::git
