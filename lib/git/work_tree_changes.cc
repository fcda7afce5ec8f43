#include "git/internal/work_tree_changes.h"

#include <strings.h>

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/parallel.h"
#include "fs/folder.h"
#include "git/internal/index_stat.h"

namespace ohm::git {
namespace {

// A folder the index has files in or beneath. Sorted vectors, not hash
// tables: the index lists each folder's files in name order already, and a
// folder holds a handful (a hash table each was a tenth of the diff's time).
struct TrackedFolder {
  std::string path;  // repository-relative; "" for the top
  std::vector<std::pair<std::string_view, const git_index_entry*>> files;  // by name
  std::vector<std::string_view> known;  // names of tracked folders and submodules here, sorted

  const git_index_entry* file(std::string_view name) const {
    auto it = std::lower_bound(files.begin(), files.end(), name,
                               [](const auto& file, std::string_view n) { return file.first < n; });
    return it != files.end() && it->first == name ? it->second : nullptr;
  }
  bool knows(std::string_view name) const { return std::binary_search(known.begin(), known.end(), name); }
};

// What reading one folder found.
struct FolderFindings {
  bool unreadable = false;  // not a folder any more (or a link to one)
  std::vector<std::string> doubtful;  // tracked files git would have to read (or that are gone)
  std::vector<std::pair<std::string, fs::FileKind>> untracked;
};

std::string_view parent_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

std::string_view name_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string joined(const std::string& folder, std::string_view name) {
  return folder.empty() ? std::string(name) : folder + "/" + std::string(name);
}

// The index's folders, each with its files and the tracked names beneath it.
// Conflicted entries go to `changed`, submodules to `doubtful` (libgit2 looks
// at their own repositories).
std::vector<TrackedFolder> tracked_folders(git_index* index, std::vector<std::string>& changed,
                                           std::vector<std::string>& doubtful) {
  std::vector<TrackedFolder> folders;
  std::unordered_map<std::string_view, std::size_t> at;
  std::string_view last_path;  // the index's entries come folder by folder, mostly
  std::size_t last = 0;
  // The folder at `path` (a view into the index), made with those above it.
  auto folder = [&](std::string_view path) {
    if (!folders.empty() && path == last_path) return last;
    for (std::string_view p = path;; p = parent_of(p)) {
      if (!at.emplace(p, folders.size()).second) break;
      folders.push_back({std::string(p), {}, {}});
      if (p.empty()) break;
    }
    last_path = path;
    last = at.at(path);
    return last;
  };
  for (std::size_t i = 0, n = git_index_entrycount(index); i < n; ++i) {
    const git_index_entry* e = git_index_get_byindex(index, i);
    const std::string_view path(e->path);
    if (git_index_entry_is_conflict(e)) {
      changed.emplace_back(path);
      continue;
    }
    if (e->mode == GIT_FILEMODE_COMMIT) doubtful.emplace_back(path);
    if (e->flags_extended & GIT_INDEX_ENTRY_SKIP_WORKTREE) continue;  // not checked out (sparse)
    const std::size_t f = folder(parent_of(path));
    if (e->mode == GIT_FILEMODE_COMMIT) {
      folders[f].known.push_back(name_of(path));
    } else {
      folders[f].files.emplace_back(name_of(path), e);
    }
  }
  // Each folder's name is known to its parent.
  for (std::size_t i = 0; i < folders.size(); ++i) {
    if (folders[i].path.empty()) continue;
    const std::string_view path(folders[i].path);
    folders[at.at(parent_of(path))].known.push_back(name_of(path));
  }
  // In name order: the index's path order gives it for files (checked all
  // the same, at no cost), not for the folders added above.
  auto by_name = [](const auto& a, const auto& b) { return a.first < b.first; };
  for (TrackedFolder& f : folders) {
    if (!std::is_sorted(f.files.begin(), f.files.end(), by_name)) std::sort(f.files.begin(), f.files.end(), by_name);
    std::sort(f.known.begin(), f.known.end());
  }
  return folders;
}

// Reads `folder` beneath the work tree's `top`: its tracked files by one lstat
// each, and what it holds that the index does not.
FolderFindings read_folder(const fs::Folder& top, const TrackedFolder& folder, const fs::FileStatus& index_file) {
  FolderFindings out;
  Result<fs::Folder> here = folder.path.empty() ? top.duplicate() : top.at(folder.path);
  if (!here) {
    out.unreadable = true;
    return out;
  }
  Result<std::vector<fs::Folder::Entry>> entries = here->entries();
  if (!entries) {
    out.unreadable = true;
    return out;
  }
  std::size_t seen = 0;
  for (const fs::Folder::Entry& entry : *entries) {
    if (entry.name == ".git") continue;  // never part of the tree
    if (const git_index_entry* file = folder.file(entry.name)) {
      ++seen;
      if (!unchanged_since_indexed(*file, here->status(entry.name), index_file)) out.doubtful.emplace_back(file->path);
    } else if (!folder.knows(entry.name)) {
      out.untracked.emplace_back(joined(folder.path, entry.name), entry.kind);
    }
  }
  if (seen < folder.files.size()) {  // some are gone
    std::unordered_set<std::string_view> listed;
    for (const fs::Folder::Entry& entry : *entries) listed.insert(entry.name);
    for (const auto& [name, e] : folder.files) {
      if (!listed.count(name)) out.doubtful.emplace_back(e->path);
    }
  }
  return out;
}

// The index's paths beneath the folder `path` ("" for all of them): one
// range of the sorted index, found by a search, not by a look at every entry
// (a folder gone with thousands beneath it).
std::vector<std::string_view> tracked_beneath(git_index* index, const std::string& path) {
  std::vector<std::string_view> out;
  const std::size_t n = git_index_entrycount(index);
  if (path.empty()) {
    for (std::size_t j = 0; j < n; ++j) out.emplace_back(git_index_get_byindex(index, j)->path);
    return out;
  }
  std::size_t from = 0;
  if (git_index_find_prefix(&from, index, (path + "/").c_str()) != 0) return out;
  for (std::size_t j = from; j < n; ++j) {
    const std::string_view p(git_index_get_byindex(index, j)->path);
    // The range ends where the prefix does, in the index's order, which
    // ignores case where core.ignorecase says so: only exact paths count.
    if (p.size() <= path.size() || p[path.size()] != '/' || ::strncasecmp(p.data(), path.data(), path.size()) != 0) break;
    if (p.compare(0, path.size(), path) == 0) out.push_back(p);
  }
  return out;
}

class Untracked {
 public:
  Untracked(Repo& repo, const fs::Folder& top) : repo_(repo), top_(top) {}

  // Adds `path` (of `kind`, not in the index) to `out` unless git ignores
  // it: a file, or every file of a folder, or a repository inside as "path/".
  void add(const std::string& path, fs::FileKind kind, std::vector<std::string>& out) {
    const bool folder = kind == fs::FileKind::kDirectory;
    if (ignored(folder ? path + "/" : path)) return;
    if (!folder) {
      out.push_back(path);
      return;
    }
    Result<fs::Folder> here = top_.at(path);
    if (!here) return;
    if (here->status(".git").kind != fs::FileKind::kMissing) {
      out.push_back(path + "/");
      return;
    }
    Result<std::vector<fs::Folder::Entry>> entries = here->entries();
    if (!entries) return;
    for (const fs::Folder::Entry& e : *entries) add(path + "/" + e.name, e.kind, out);
  }

 private:
  bool ignored(const std::string& path) {
    int ignored = 0;
    return git_ignore_path_is_ignored(&ignored, repo_.repo.get(), path.c_str()) == 0 && ignored == 1;
  }

  Repo& repo_;
  const fs::Folder& top_;
};

// Of `paths` (tracked files whose stat data does not settle it), those
// libgit2's work-tree diff finds changed: it reads them, through git's filters.
Result<std::vector<std::string>> changed_among(Repo& repo, git_index* index, std::vector<std::string> paths) {
  if (paths.empty()) return paths;
  std::vector<char*> specs;
  specs.reserve(paths.size());
  for (std::string& p : paths) specs.push_back(p.data());
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  opts.flags = GIT_DIFF_INCLUDE_TYPECHANGE | GIT_DIFF_DISABLE_PATHSPEC_MATCH;
  opts.pathspec = {specs.data(), specs.size()};
  git_diff* raw = nullptr;
  if (git_diff_index_to_workdir(&raw, repo.repo.get(), index, &opts) < 0) {
    return Error{git_failure("cannot compare the work tree with the index")};
  }
  DiffPtr diff(raw);
  std::vector<std::string> out;
  for (std::size_t i = 0, n = git_diff_num_deltas(diff.get()); i < n; ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
    if (delta->status == GIT_DELTA_UNMODIFIED || delta->status == GIT_DELTA_IGNORED) continue;
    if (delta->old_file.path) out.emplace_back(delta->old_file.path);
    if (delta->new_file.path) out.emplace_back(delta->new_file.path);
  }
  return out;
}

}  // namespace

Result<std::vector<std::string>> work_tree_changes(Repo& repo, git_index* index, unsigned jobs) {
  Result<fs::Folder> top = fs::Folder::open(repo.workdir);
  if (!top) return top.failure();
  const fs::FileStatus index_file = fs::status_of(git_index_path(index) ? git_index_path(index) : "");
  std::vector<std::string> changed, doubtful;
  const std::vector<TrackedFolder> folders = tracked_folders(index, changed, doubtful);

  std::vector<FolderFindings> found(folders.size());
  std::vector<std::size_t> order(folders.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  for_each_parallel(order, jobs, [&](std::size_t i) {
    try {  // nothing may leave a thread
      found[i] = read_folder(*top, folders[i], index_file);
    } catch (const std::exception&) {
      found[i] = FolderFindings{};
      found[i].unreadable = true;
    }
  });

  Untracked untracked(repo, *top);
  for (std::size_t i = 0; i < folders.size(); ++i) {
    FolderFindings& f = found[i];
    if (f.unreadable) {
      // Gone, or no longer a folder: libgit2 says what became of what the
      // index has beneath it, and a link or file in its place is untracked.
      const std::string& path = folders[i].path;
      for (const std::string_view p : tracked_beneath(index, path)) doubtful.emplace_back(p);
      const fs::FileKind kind = path.empty() ? fs::FileKind::kMissing : top->status(path).kind;
      if (kind != fs::FileKind::kMissing && kind != fs::FileKind::kDirectory) untracked.add(path, kind, changed);
      continue;
    }
    doubtful.insert(doubtful.end(), std::make_move_iterator(f.doubtful.begin()),
                    std::make_move_iterator(f.doubtful.end()));
    for (const auto& [path, kind] : f.untracked) untracked.add(path, kind, changed);
  }
  std::sort(doubtful.begin(), doubtful.end());
  doubtful.erase(std::unique(doubtful.begin(), doubtful.end()), doubtful.end());
  Result<std::vector<std::string>> read = changed_among(repo, index, std::move(doubtful));
  if (!read) return read.failure();
  changed.insert(changed.end(), read->begin(), read->end());
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  return changed;
}

}  // namespace ohm::git
