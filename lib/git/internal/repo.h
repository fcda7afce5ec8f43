#pragma once
// Private to lib/git: an open repository shared by the sources made from it.

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/result.h"
#include "git/internal/handles.h"

namespace ohm::git {

struct Repo {
  Libgit2Session session;  // first: outlives every handle below
  RepositoryPtr repo;
  OdbPtr odb;
  std::string workdir;  // top of the work tree, no trailing slash; empty when bare
  std::string git_dir;  // common git directory (holds lfs/objects), no trailing slash
  std::string prefix;   // zoo root inside the repository: "" or "samples" (no slashes at the ends)
  // Held around every libgit2 call on this repository from a Source, which
  // generate --jobs calls from several threads (libgit2's objects are not
  // safe to share between threads), except the object database's reads
  // (blob_size, read_blob): libgit2 (1.2 and later) makes `odb` thread-safe,
  // so blobs are read on every thread at once.
  std::recursive_mutex lock;

  // Repository-relative path of the zoo-relative `rel`.
  std::string repo_path(const std::string& rel) const;
  // Zoo-relative path of the repository-relative `path`; nullopt outside the zoo.
  std::optional<std::string> zoo_path(const std::string& path) const;
};

// Opens the repository holding `dir` (empty: the current folder, or GIT_DIR),
// honouring GIT_DIR / GIT_INDEX_FILE / GIT_OBJECT_DIRECTORY as git's hooks set them.
// `prefix` is where `dir` sits inside the work tree. A null pointer when `dir`
// is not inside a repository; fails when the repository cannot be opened.
Result<std::shared_ptr<Repo>> open_repo(const std::string& dir);

// "<dir> is not inside a git repository" ("current folder" for an empty dir).
std::string not_a_repository(const std::string& dir);

// The index of `repo` (GIT_INDEX_FILE when set), freshly read from disk.
Result<IndexPtr> open_index(Repo& repo);

// The commit `rev` names (branch, tag, sha, HEAD~3, ...).
Result<CommitPtr> resolve_commit(Repo& repo, const std::string& rev);

// Size of a blob from the object database header, without loading it.
// Needs no lock (see Repo::lock).
std::optional<std::uint64_t> blob_size(Repo& repo, const git_oid& id);

// The blob `id` from the object database; nullopt when it is missing or not a
// blob. Needs no lock (see Repo::lock).
std::optional<OdbObjectPtr> read_blob(Repo& repo, const git_oid& id);

// The bytes of blob `id` in a string of their own. A loose object is
// inflated straight into it; a packed one comes whole from libgit2 and is
// copied (an 11 MB manifest, loose, is then 11 MB of fresh pages, not 22).
// nullopt as read_blob. Needs no lock (see Repo::lock).
std::optional<std::string> read_blob_bytes(Repo& repo, const git_oid& id);

}  // namespace ohm::git
