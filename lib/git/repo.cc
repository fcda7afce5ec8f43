#include "git/internal/repo.h"

#include <git2/sys/repository.h>

#include <climits>
#include <cstdlib>

#include "fs/file_reader.h"
#include "manifest/json_io.h"

namespace ohm::git {
namespace {

std::string strip_slash(std::string s) {
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

std::optional<std::string> real_path(const std::string& p) {
  char buf[PATH_MAX];
  if (!::realpath(p.c_str(), buf)) return std::nullopt;
  return std::string(buf);
}

// libgit2 1.5 refuses FROM_ENV when GIT_WORK_TREE is set; git may set it for
// hooks, so that case is opened by hand with the same variables.
int open_with_work_tree_env(git_repository** out, const std::string& dir, const char* work_tree) {
  const char* git_dir = std::getenv("GIT_DIR");
  int rc = !dir.empty() ? git_repository_open_ext(out, dir.c_str(), 0, nullptr)
           : git_dir    ? git_repository_open_ext(out, git_dir, GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr)
                        : git_repository_open_ext(out, ".", 0, nullptr);
  if (rc < 0) return rc;
  if (dir.empty() && (rc = git_repository_set_workdir(*out, work_tree, 0)) < 0) return rc;
  if (const char* index_file = std::getenv("GIT_INDEX_FILE")) {
    git_index* index = nullptr;
    if ((rc = git_index_open(&index, index_file)) < 0) return rc;
    git_repository_set_index(*out, index);
    git_index_free(index);
  }
  return 0;
}

// The zoo root inside the work tree `top` when no folder is named: the
// nearest folder from the current one up to `top` that holds the manifest
// (a zoo kept in a subfolder), else `top` itself. "" or the prefix.
std::string default_prefix(const std::string& top) {
  auto cwd = real_path(".");
  auto real_top = real_path(top);
  if (!cwd || !real_top || cwd->compare(0, real_top->size() + 1, *real_top + "/") != 0) return {};
  for (std::string dir = *cwd; dir.size() > real_top->size(); dir = dir.substr(0, dir.rfind('/'))) {
    if (fs::status_of(dir + "/" + manifest::kManifestName).kind != fs::FileKind::kMissing) {
      return dir.substr(real_top->size() + 1);
    }
  }
  return {};
}

}  // namespace

std::string Repo::repo_path(const std::string& rel) const {
  if (prefix.empty()) return rel;
  return rel.empty() ? prefix : prefix + "/" + rel;
}

std::optional<std::string> Repo::zoo_path(const std::string& path) const {
  if (prefix.empty()) return path;
  if (path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0 && path[prefix.size()] == '/') {
    return path.substr(prefix.size() + 1);
  }
  return std::nullopt;
}

std::string not_a_repository(const std::string& dir) {
  return (dir.empty() ? std::string("current folder") : dir) + " is not inside a git repository";
}

Result<std::shared_ptr<Repo>> open_repo(const std::string& dir) {
  auto r = std::make_shared<Repo>();
  git_repository* raw = nullptr;
  int rc;
  if (const char* work_tree = std::getenv("GIT_WORK_TREE")) {
    rc = open_with_work_tree_env(&raw, dir, work_tree);
  } else {
    rc = git_repository_open_ext(&raw, dir.empty() ? nullptr : dir.c_str(), GIT_REPOSITORY_OPEN_FROM_ENV, nullptr);
  }
  r->repo.reset(raw);
  std::string shown = dir.empty() ? "current folder" : dir;
  if (rc == GIT_ENOTFOUND) return std::shared_ptr<Repo>();
  if (rc < 0) return Error{git_failure("cannot open the git repository of " + shown)};

  git_odb* odb = nullptr;
  if (git_repository_odb(&odb, r->repo.get()) < 0) return Error{git_failure("cannot open the object database")};
  r->odb.reset(odb);
  r->git_dir = strip_slash(git_repository_commondir(r->repo.get()));
  if (const char* wd = git_repository_workdir(r->repo.get())) r->workdir = strip_slash(wd);
  if (!dir.empty() && !r->workdir.empty()) {
    auto real_dir = real_path(dir);
    auto real_top = real_path(r->workdir);
    if (!real_dir || !real_top) return Error{"cannot resolve the path of " + dir};
    if (*real_dir != *real_top) {
      if (real_dir->compare(0, real_top->size() + 1, *real_top + "/") != 0) {
        return Error{dir + " is not inside the work tree " + r->workdir};
      }
      r->prefix = real_dir->substr(real_top->size() + 1);
    }
  } else if (dir.empty() && !r->workdir.empty() && !std::getenv("GIT_DIR")) {
    r->prefix = default_prefix(r->workdir);
  }
  return r;
}

Result<IndexPtr> open_index(Repo& repo) {
  git_index* raw = nullptr;
  if (git_repository_index(&raw, repo.repo.get()) < 0) return Error{git_failure("cannot read the git index")};
  IndexPtr index(raw);
  if (git_index_read(index.get(), 0) < 0) return Error{git_failure("cannot read the git index")};
  return index;
}

Result<CommitPtr> resolve_commit(Repo& repo, const std::string& rev) {
  git_object* raw = nullptr;
  if (git_revparse_single(&raw, repo.repo.get(), rev.c_str()) < 0) {
    return Error{git_failure("unknown revision " + rev)};
  }
  ObjectPtr obj(raw);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, obj.get(), GIT_OBJECT_COMMIT) < 0) {
    return Error{git_failure("revision " + rev + " is not a commit")};
  }
  return CommitPtr(reinterpret_cast<git_commit*>(peeled));
}

std::optional<std::uint64_t> blob_size(Repo& repo, const git_oid& id) {
  size_t len = 0;
  git_object_t type = GIT_OBJECT_INVALID;
  if (git_odb_read_header(&len, &type, repo.odb.get(), &id) < 0) return std::nullopt;
  return static_cast<std::uint64_t>(len);
}

std::optional<OdbObjectPtr> read_blob(Repo& repo, const git_oid& id) {
  git_odb_object* raw = nullptr;
  if (git_odb_read(&raw, repo.odb.get(), &id) < 0) return std::nullopt;
  OdbObjectPtr object(raw);
  if (git_odb_object_type(raw) != GIT_OBJECT_BLOB) return std::nullopt;
  return object;
}

std::optional<std::string> read_blob_bytes(Repo& repo, const git_oid& id) {
  git_odb_stream* raw = nullptr;
  std::size_t size = 0;
  git_object_t type = GIT_OBJECT_INVALID;
  if (git_odb_open_rstream(&raw, &size, &type, repo.odb.get(), &id) == 0) {
    std::unique_ptr<git_odb_stream, void (*)(git_odb_stream*)> stream(raw, git_odb_stream_free);
    if (type != GIT_OBJECT_BLOB) return std::nullopt;
    std::string out;
    out.reserve(size);
    char chunk[64 * 1024];
    for (int n; (n = git_odb_stream_read(stream.get(), chunk, sizeof chunk)) != 0;) {
      if (n < 0 || static_cast<std::size_t>(n) > size - out.size()) return std::nullopt;
      out.append(chunk, static_cast<std::size_t>(n));
    }
    if (out.size() == size) return out;
    return std::nullopt;
  }
  git_error_clear();  // no stream for this object (packed): read it whole
  std::optional<OdbObjectPtr> blob = read_blob(repo, id);
  if (!blob) return std::nullopt;
  return std::string(static_cast<const char*>(git_odb_object_data(blob->get())), git_odb_object_size(blob->get()));
}

}  // namespace ohm::git
