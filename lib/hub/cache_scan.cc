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

namespace ohm::hub {
namespace {

constexpr std::string_view kArchiveSuffix = ".tar.gz";

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
    std::vector<CachedItem> out;
    for (auto& item : items_) out.push_back(std::move(*item));
    std::sort(out.begin(), out.end(), [](const CachedItem& a, const CachedItem& b) {
      return a.hub_path != b.hub_path ? a.hub_path < b.hub_path : a.rel < b.rel;
    });
    return out;
  }

 private:
  std::string full(const std::string& rel) const { return rel.empty() ? root_ : root_ + "/" + rel; }

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
