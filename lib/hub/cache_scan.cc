#include "hub/cache_scan.h"

#include <dirent.h>
#include <signal.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>

#include "fs/file_reader.h"
#include "hash/sha256.h"
#include "hub/cache.h"

namespace ohm::hub {
namespace {

constexpr std::string_view kArchiveSuffix = ".tar.gz";
constexpr std::uint64_t kMaxSideListBytes = 16u << 20;  // far above any model's list

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string join(const std::string& a, const std::string& b) { return a.empty() ? b : a + "/" + b; }

// The names in a folder ("." and ".." left out); empty when it cannot be read.
Result<std::vector<std::string>> names_in(const std::string& dir) {
  std::unique_ptr<DIR, int (*)(DIR*)> d(::opendir(dir.c_str()), &::closedir);
  if (!d) return cannot_run("cannot read the folder " + dir + ": " + std::strerror(errno));
  std::vector<std::string> names;
  while (dirent* ent = ::readdir(d.get())) {
    std::string name = ent->d_name;
    if (name != "." && name != "..") names.push_back(std::move(name));
  }
  std::sort(names.begin(), names.end());
  return names;
}

// The regular files below `dir`, summed; symlinks are not followed.
std::uint64_t folder_bytes(const std::string& dir) {
  auto names = names_in(dir);
  if (!names) return 0;
  std::uint64_t total = 0;
  for (const std::string& name : *names) {
    fs::FileStatus st = fs::status_of(dir + "/" + name);
    if (st.kind == fs::FileKind::kRegular) total += st.size;
    if (st.kind == fs::FileKind::kDirectory) total += folder_bytes(dir + "/" + name);
  }
  return total;
}

bool process_alive(long pid) { return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM); }

class Scanner {
 public:
  explicit Scanner(std::string root) : root_(std::move(root)) {}

  Result<void> walk(const std::string& rel_dir) {
    auto names = names_in(rel_dir.empty() ? root_ : root_ + "/" + rel_dir);
    if (!names) return names.failure();
    // Archives first, so that their folders are known as theirs.
    std::map<std::string, CachedItem*> archives;  // folder name -> its archive
    std::vector<std::pair<std::string, fs::FileStatus>> entries;
    for (const std::string& name : *names) entries.emplace_back(name, fs::status_of(full(join(rel_dir, name))));
    for (const auto& [name, st] : entries) {
      std::string sha, file;
      if (temp_name_pid(name) != 0 || !split_cached_name(name, &sha, &file)) continue;
      if (!ends_with(file, kArchiveSuffix) || st.kind == fs::FileKind::kDirectory) continue;
      CachedItem& item = add(CachedKind::kArchive, rel_dir, name, st);
      item.sha = sha;
      item.hub_path = join(rel_dir, file);
      archives[name.substr(0, name.size() - kArchiveSuffix.size())] = &item;
    }
    for (const auto& [name, st] : entries) {
      const std::string rel = join(rel_dir, name);
      std::string sha, file;
      if (long pid = temp_name_pid(name); pid != 0) {
        CachedItem& item = add(CachedKind::kTemp, rel_dir, name, st);
        item.pid = pid;
        item.owner_alive = process_alive(pid);
        if (st.kind == fs::FileKind::kDirectory) item.bytes = folder_bytes(full(rel));
      } else if (split_cached_name(name, &sha, &file) && ends_with(file, kSideListSuffix) &&
                 st.kind != fs::FileKind::kDirectory) {
        CachedItem& item = add(CachedKind::kSideList, rel_dir, name, st);
        item.sha = sha;
        item.hub_path = join(rel_dir, file.substr(0, file.size() - kSideListSuffix.size()));
      } else if (split_cached_name(name, &sha, &file)) {
        if (ends_with(file, kArchiveSuffix) && st.kind != fs::FileKind::kDirectory) continue;  // done above
        auto archive = archives.find(name);
        if (archive != archives.end() && st.kind == fs::FileKind::kDirectory) {
          archive->second->data_folder = rel;
          archive->second->data_bytes = folder_bytes(full(rel));
          continue;
        }
        const bool folder = st.kind == fs::FileKind::kDirectory;
        CachedItem& item = add(folder ? CachedKind::kDataFolder : CachedKind::kModel, rel_dir, name, st);
        item.sha = sha;
        item.hub_path = join(rel_dir, file);
        if (folder) item.bytes = folder_bytes(full(rel));
      } else if (st.kind == fs::FileKind::kDirectory) {
        if (auto walked = walk(rel); !walked) return walked;
      } else {
        add(CachedKind::kOther, rel_dir, name, st);
      }
    }
    return {};
  }

  std::vector<CachedItem> take() {
    attach_side_files();
    std::vector<CachedItem> out;
    for (auto& item : items_) {
      if (!item->rel.empty()) out.push_back(std::move(*item));  // "" : a list attached to its model
    }
    std::sort(out.begin(), out.end(), [](const CachedItem& a, const CachedItem& b) {
      return a.hub_path != b.hub_path ? a.hub_path < b.hub_path : a.rel < b.rel;
    });
    return out;
  }

 private:
  std::string full(const std::string& rel) const { return rel.empty() ? root_ : root_ + "/" + rel; }

  // Reads each side-file list: a model's list is attached to it, the files it
  // names become side files (present or missing), and a list whose model is
  // gone makes its present files orphans.
  void attach_side_files() {
    std::map<std::string, CachedItem*> by_rel;
    for (auto& item : items_) by_rel[item->rel] = item.get();
    std::vector<CachedItem*> lists;
    for (auto& item : items_) {
      if (item->kind == CachedKind::kSideList) lists.push_back(item.get());
    }
    std::vector<std::unique_ptr<CachedItem>> missing;
    std::map<std::string, CachedItem*> sides;
    for (CachedItem* list : lists) {
      if (list->not_regular) continue;
      auto text = fs::read_regular_file(full(list->rel), kMaxSideListBytes);
      auto parsed =
          text ? parse_side_list(*text, "", list->hub_path) : Result<std::vector<CachedSideFile>>(text.failure());
      if (!parsed) {
        list->damage = parsed.error();
        continue;
      }
      const std::string model_rel = list->rel.substr(0, list->rel.size() - kSideListSuffix.size());
      auto model = by_rel.find(model_rel);
      const bool cached = model != by_rel.end() && model->second->kind == CachedKind::kModel;
      if (cached) model->second->side_list = list->rel;
      for (const CachedSideFile& side : *parsed) {
        CachedItem* item = nullptr;
        if (auto seen = sides.find(side.hub_path); seen != sides.end()) {
          item = seen->second;
        } else if (auto found = by_rel.find(side.hub_path);
                   found != by_rel.end() && found->second->kind == CachedKind::kOther) {
          item = found->second;
        } else if (!cached) {
          continue;  // nothing of a model that is gone to show
        } else {
          missing.push_back(std::make_unique<CachedItem>());
          item = missing.back().get();
          item->rel = side.hub_path;
          item->missing = true;
        }
        if (item->kind != CachedKind::kSideFile) {
          item->kind = CachedKind::kSideFile;
          item->hub_path = side.hub_path;
          item->sha = side.sha;
          item->expected_bytes = side.bytes;
          sides[side.hub_path] = item;
        }
        if (cached) item->models.push_back(list->hub_path);
      }
      if (cached) list->rel.clear();  // shown with its model, not as an item
    }
    for (auto& item : missing) items_.push_back(std::move(item));
    for (auto& item : items_) {
      std::sort(item->models.begin(), item->models.end());
      if (item->kind == CachedKind::kSideFile) item->orphan = item->models.empty();
      if (item->kind == CachedKind::kSideList && item->damage.empty() && !item->rel.empty()) item->orphan = true;
    }
  }

  CachedItem& add(CachedKind kind, const std::string& rel_dir, const std::string& name, const fs::FileStatus& st) {
    auto item = std::make_unique<CachedItem>();
    item->kind = kind;
    item->rel = join(rel_dir, name);
    const bool folder_kind = kind == CachedKind::kDataFolder || kind == CachedKind::kTemp;
    item->not_regular = st.kind == fs::FileKind::kSymlink || st.kind == fs::FileKind::kOther ||
                        (st.kind == fs::FileKind::kDirectory && !folder_kind);
    if (st.kind == fs::FileKind::kRegular) item->bytes = st.size;
    item->mtime = st.mtime_sec;
    items_.push_back(std::move(item));
    return *items_.back();
  }

  std::string root_;
  std::vector<std::unique_ptr<CachedItem>> items_;  // stable addresses while archives point at them
};

}  // namespace

std::string_view kind_name(CachedKind kind) {
  switch (kind) {
    case CachedKind::kModel:
      return "model";
    case CachedKind::kArchive:
      return "archive";
    case CachedKind::kDataFolder:
      return "data";
    case CachedKind::kTemp:
      return "temp";
    case CachedKind::kSideFile:
      return "side";
    case CachedKind::kSideList:
      return "side-list";
    case CachedKind::kOther:
      break;
  }
  return "other";
}

bool split_cached_name(std::string_view file_name, std::string* sha, std::string* name) {
  if (file_name.size() < 66 || file_name[64] != '_' || !hash::is_sha256_hex(file_name.substr(0, 64))) return false;
  *sha = std::string(file_name.substr(0, 64));
  *name = std::string(file_name.substr(65));
  return true;
}

long temp_name_pid(std::string_view file_name) {
  if (ends_with(file_name, ".old")) file_name.remove_suffix(4);
  // "<target>.tmp.<pid>.XXXXXX": mkstemp's six characters after the last dot.
  std::size_t last = file_name.rfind('.');
  if (last == std::string_view::npos || file_name.size() - last != 7) return 0;
  std::string_view before = file_name.substr(0, last);
  std::size_t dot = before.rfind('.');
  if (dot == std::string_view::npos) return 0;
  std::string_view digits = before.substr(dot + 1);
  if (digits.empty() || digits.size() > 9 || !ends_with(before.substr(0, dot), ".tmp")) return 0;
  long pid = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return 0;
    pid = pid * 10 + (c - '0');
  }
  return pid;
}

Result<CacheScan> scan_cache(const std::string& root) {
  CacheScan scan;
  scan.root = root;
  // The root may be reached through symlinks (a linked ~/.cache); below it, none is followed.
  fs::FileStatus st = fs::status_of(root);
  if (st.kind == fs::FileKind::kSymlink) {
    auto names = names_in(root);  // opendir follows the root's own link
    if (!names) return names.failure();
  } else if (st.kind == fs::FileKind::kMissing) {
    return scan;
  } else if (st.kind != fs::FileKind::kDirectory) {
    return cannot_run("the cache " + root + " is " + fs::describe(st.kind) + ", not a folder");
  }
  scan.exists = true;
  Scanner scanner(root);
  if (auto walked = scanner.walk(""); !walked) return walked.failure();
  scan.items = scanner.take();
  return scan;
}

}  // namespace ohm::hub
