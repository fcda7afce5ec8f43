// A zoo read from a folder on disk.
#include <algorithm>
#include <mutex>
#include <unordered_set>
#include <utility>

#include "core/text.h"
#include "fs/folder.h"
#include "zoo/source.h"

namespace ohm::zoo {
namespace {

class WorkTreeSource : public Source {
 public:
  explicit WorkTreeSource(WorkTreeOptions o) : o_(std::move(o)) {}

  std::string describe() const override { return "working tree"; }

  fs::FileStatus stat(const std::string& rel) const override {
    if (auto bad = folder_on_the_way_not_real(rel)) return *bad;
    return fs::status_of(full(rel));
  }

  // The file itself is opened without following a link and checked to be
  // regular (fs), so only the folders on the way need a look first; what is
  // wrong is said the way stat() sees it.
  Result<std::string> read(const std::string& rel, std::uint64_t max_bytes) const override {
    if (auto bad = refuse_folders(rel)) return Error{*bad};
    auto text = fs::read_regular_file(full(rel), max_bytes);
    if (!text) {
      if (auto bad = refuse(rel)) return Error{*bad};
    }
    return text;
  }

  Result<std::uint64_t> stream(const std::string& rel, const fs::ChunkSink& sink) const override {
    if (auto bad = refuse(rel)) return Error{*bad};
    return fs::stream_regular_file(full(rel), sink);
  }

  Result<std::vector<std::string>> list_files() const override {
    std::vector<std::string> out;
    if (fs::status_of(o_.root).kind != fs::FileKind::kDirectory) {
      return Error{o_.root + " is not a directory"};
    }
    walk("", &out);
    std::sort(out.begin(), out.end());
    return out;
  }

  std::optional<LfsPointer> clean_lfs_pointer(const std::string& rel) const override {
    return o_.clean_pointer ? o_.clean_pointer(rel) : std::nullopt;
  }

  std::optional<std::string> git_dir() const override { return o_.git_dir; }

  // A work tree whose pointers were never pulled has no LFS store: that is
  // seen once, not by a look for each object.
  Result<std::uint64_t> stream_lfs_object(const LfsPointer& pointer, const fs::ChunkSink& sink) const override {
    std::call_once(store_looked_at_, [this] {
      no_store_ = o_.git_dir && fs::status_of(*o_.git_dir + "/lfs/objects").kind == fs::FileKind::kMissing;
    });
    if (no_store_) return lfs_absent(pointer.oid);
    return Source::stream_lfs_object(pointer, sink);
  }

  std::string repo_prefix() const override { return o_.repo_prefix; }

  std::optional<std::string> disk_path(const std::string& rel) const override { return full(rel); }

 private:
  std::string full(const std::string& rel) const { return rel.empty() ? o_.root : o_.root + "/" + rel; }

  // Every folder on the way must be a real folder: a symlinked folder could
  // lead anywhere on the machine. What stat() says of `rel` when one is not.
  // Folders seen to be real are remembered (a zoo has ten models to a folder):
  // a folder is only remembered once every folder above it is.
  std::optional<fs::FileStatus> folder_on_the_way_not_real(const std::string& rel) const {
    const std::size_t slash = rel.rfind('/');
    if (slash == std::string::npos) return std::nullopt;
    const std::string folder = o_.root + "/" + rel.substr(0, slash);
    {
      std::lock_guard<std::mutex> hold(real_folders_lock_);
      if (real_folders_.count(folder)) return std::nullopt;
    }
    std::vector<std::string> parts = split(rel, '/');
    std::string path = o_.root;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
      path += "/" + parts[i];
      {
        std::lock_guard<std::mutex> hold(real_folders_lock_);
        if (real_folders_.count(path)) continue;
      }
      fs::FileStatus st = fs::status_of(path);
      if (st.kind != fs::FileKind::kDirectory) {
        fs::FileStatus out;
        out.kind = st.kind == fs::FileKind::kSymlink ? fs::FileKind::kSymlink : fs::FileKind::kMissing;
        return out;
      }
      std::lock_guard<std::mutex> hold(real_folders_lock_);
      real_folders_.insert(path);
    }
    return std::nullopt;
  }

  static std::string not_regular(const std::string& rel, fs::FileKind kind) {
    return rel + " is " + fs::describe(kind) + ", not a regular file";
  }

  std::optional<std::string> refuse_folders(const std::string& rel) const {
    if (auto bad = folder_on_the_way_not_real(rel)) return not_regular(rel, bad->kind);
    return std::nullopt;
  }

  // A reason not to open `rel`, or nullopt when it is a regular file on a real path.
  std::optional<std::string> refuse(const std::string& rel) const {
    fs::FileStatus st = stat(rel);
    if (st.kind == fs::FileKind::kRegular) return std::nullopt;
    return not_regular(rel, st.kind);
  }

  // Depth-first listing; never descends into .git, symlinks or ignored folders.
  void walk(const std::string& rel_dir, std::vector<std::string>* out) const {
    // Each entry's kind as the listing gives it (as lstat would: a link is a
    // link), so a zoo's files are listed without a stat each.
    Result<fs::Folder> folder = fs::Folder::open(full(rel_dir));
    if (!folder) return;
    Result<std::vector<fs::Folder::Entry>> here = folder->entries();
    if (!here) return;
    // A nested repository (a submodule or a clone inside the work tree): git
    // records at most a gitlink for it, never its files. Its ".git" is seen
    // in its own listing: no look for one in every folder.
    const bool nested = std::any_of(here->begin(), here->end(), [](const auto& e) { return e.name == ".git"; });
    if (nested && !rel_dir.empty() && o_.git_dir) return;
    for (const fs::Folder::Entry& e : *here) {
      if (e.name == ".git") continue;
      std::string rel = rel_dir.empty() ? e.name : rel_dir + "/" + e.name;
      const bool is_dir = e.kind == fs::FileKind::kDirectory;
      if (o_.ignored && o_.ignored(rel, is_dir)) continue;
      if (is_dir) {
        walk(rel, out);
      } else {
        out->push_back(std::move(rel));
      }
    }
  }

  WorkTreeOptions o_;
  mutable std::mutex real_folders_lock_;  // rows are read on --jobs threads
  mutable std::unordered_set<std::string> real_folders_;
  mutable std::once_flag store_looked_at_;
  mutable bool no_store_ = false;
};

}  // namespace

std::unique_ptr<Source> open_work_tree(WorkTreeOptions options) {
  return std::make_unique<WorkTreeSource>(std::move(options));
}

}  // namespace ohm::zoo
