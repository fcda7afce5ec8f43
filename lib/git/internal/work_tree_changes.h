#pragma once
// Private to lib/git: the paths where a work tree may differ from its index,
// found the way git's preloaded index finds them (folders on every core, each
// file one lstat beside its folder's handle) rather than by libgit2's
// work-tree diff, which looks at every file in turn on one thread.

#include <string>
#include <vector>

#include "core/result.h"
#include "git/internal/repo.h"

namespace ohm::git {

// Repository-relative paths where `repo`'s work tree differs from `index`,
// as libgit2's work-tree diff (with untracked files, recursed) gives them: a
// file whose stat data is what the index recorded (unchanged_since_indexed)
// is unchanged unread; every other tracked file, one gone, a submodule and
// what was beneath a folder that is no longer one go to libgit2's diff
// limited to those paths, which reads them; conflicted entries are changed;
// and so is every file git neither tracks nor ignores (an untracked
// repository inside as "path/"). Sorted, unique. Folders are read on up to
// `jobs` threads; libgit2 is asked on this one.
Result<std::vector<std::string>> work_tree_changes(Repo& repo, git_index* index, unsigned jobs);

}  // namespace ohm::git
