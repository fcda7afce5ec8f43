#pragma once
// Private to lib/git: owning handles for libgit2 objects, and the scoped
// libgit2 initialisation. Never included from a public header.

#include <git2.h>

#include <memory>
#include <string>

namespace ohm::git {

// libgit2 counts init/shutdown calls; one of these lives as long as anything
// that holds a libgit2 handle (first member, so it is destroyed last).
class Libgit2Session {
 public:
  Libgit2Session() {
    git_libgit2_init();
    // Objects are not re-hashed on every read: git verified them when they
    // came in, and re-hashing each blob costs more than reading it (SHA-1
    // over every pointer and the whole manifest, once per read).
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    // Trees of any size stay in libgit2's object cache (by default only those
    // under 4 KiB do): a zoo's folder of 1,000 models is a 40 KiB tree, and
    // each path looked up beneath it would inflate it again.
    git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, static_cast<size_t>(16) << 20);
  }
  ~Libgit2Session() { git_libgit2_shutdown(); }
  Libgit2Session(const Libgit2Session&) = delete;
  Libgit2Session& operator=(const Libgit2Session&) = delete;
};

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};

using RepositoryPtr = std::unique_ptr<git_repository, Deleter<git_repository, git_repository_free>>;
using IndexPtr = std::unique_ptr<git_index, Deleter<git_index, git_index_free>>;
using ObjectPtr = std::unique_ptr<git_object, Deleter<git_object, git_object_free>>;
using CommitPtr = std::unique_ptr<git_commit, Deleter<git_commit, git_commit_free>>;
using TreePtr = std::unique_ptr<git_tree, Deleter<git_tree, git_tree_free>>;
using TreeEntryPtr = std::unique_ptr<git_tree_entry, Deleter<git_tree_entry, git_tree_entry_free>>;
using OdbPtr = std::unique_ptr<git_odb, Deleter<git_odb, git_odb_free>>;
using OdbObjectPtr = std::unique_ptr<git_odb_object, Deleter<git_odb_object, git_odb_object_free>>;
using DiffPtr = std::unique_ptr<git_diff, Deleter<git_diff, git_diff_free>>;

// "<what>: <libgit2's last error message>" (one line).
inline std::string git_failure(const std::string& what) {
  const git_error* e = git_error_last();
  std::string msg = what;
  if (e && e->message && *e->message) {
    msg += ": ";
    for (const char* c = e->message; *c; ++c) msg += (*c == '\n' || *c == '\r') ? ' ' : *c;
    while (!msg.empty() && msg.back() == ' ') msg.pop_back();
  }
  return msg;
}

}  // namespace ohm::git
