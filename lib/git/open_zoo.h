#pragma once
// Opening a zoo where it lives: a plain folder, a repository's work tree, its
// index (--staged) or one of its commits (--rev), and what changed between two
// states of it (--changed-since). libgit2 stays behind this header.

#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "zoo/changed_since.h"
#include "zoo/source.h"

namespace ohm::git {

struct OpenOptions {
  // The zoo root (--repo). Empty: the top of the work tree enclosing the
  // current folder (or GIT_DIR's), else the current folder itself.
  std::string repo_dir;
  std::optional<std::string> rev;  // --rev: branch, tag, sha, HEAD~3, ...
  bool staged = false;             // --staged: the index (GIT_INDEX_FILE when set)
};

struct OpenedZoo {
  std::unique_ptr<zoo::Source> source;
  bool in_repository = false;  // false: a plain folder, read without git
  std::string prefix;          // zoo root inside the repository ("" at its top, "samples", ...)
  std::string root_on_disk;    // the zoo folder in the work tree; "" for a bare repository
  // The commit read (--rev) or HEAD's for the work tree and the index, as hex;
  // "" outside git or before the first commit (what generate --shard records).
  std::string revision;
};

// Opens the zoo as `options` asks. Fails (exit 2 material) when the folder
// cannot be read, --rev/--staged name no repository, the revision is unknown,
// the zoo folder is missing at that revision, or the repository is bare and
// neither --rev nor a commit is asked for.
Result<OpenedZoo> open_zoo(const OpenOptions& options);

// Paths that differ between `base` (a revision) and the state `target` names
// (its commit, its index, or the work tree including untracked files).
Result<zoo::ChangeSet> changed_paths(const OpenOptions& target, const std::string& base);

// changed_paths() on a thread of its own (it opens its own repository object),
// so the work tree's diff, which stats every file, overlaps reading manifests.
std::future<Result<zoo::ChangeSet>> start_changed_paths(OpenOptions target, std::string base);

}  // namespace ohm::git
