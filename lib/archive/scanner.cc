#include "archive/internal/scanner.h"
#include "core/text.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "archive/internal/stream_bridge.h"
#include "archive/path_rules.h"

namespace ohm::archive {
namespace {

la_ssize_t read_callback(struct archive*, void* client, const void** buffer) {
  std::string_view chunk = static_cast<StreamBridge*>(client)->next();
  *buffer = chunk.data();
  return static_cast<la_ssize_t>(chunk.size());
}

EntryKind kind_of(struct archive_entry* entry) {
  if (archive_entry_hardlink(entry) != nullptr) return EntryKind::kHardlink;
  switch (archive_entry_filetype(entry)) {
    case AE_IFREG:
      return EntryKind::kFile;
    case AE_IFDIR:
      return EntryKind::kDirectory;
    case AE_IFLNK:
      return EntryKind::kSymlink;
    case AE_IFCHR:
    case AE_IFBLK:
      return EntryKind::kDevice;
    case AE_IFIFO:
      return EntryKind::kFifo;
    case AE_IFSOCK:
      return EntryKind::kSocket;
    default:
      return EntryKind::kOther;
  }
}

std::string text_or_empty(const char* s) { return s ? std::string(s) : std::string(); }

// The symbolic links seen so far, as a tree of path components, so that each
// check below is one pass over a path however deep it is: a pax header can
// hold a path of 100,000s of components, and listing its parent folders as
// strings took quadratic time and memory. Flat (nodes by index), so even a
// very deep tree is freed without recursion.
class LinkTree {
 public:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  bool empty() const { return links_ == 0; }

  // Adds a normalized link path.
  void insert(std::string_view normalized) {
    std::size_t node = 0;
    for_each_part(normalized, [&](std::string_view part) {
      auto [it, added] = edges_.try_emplace(key(node, part), is_link_.size());
      if (added) is_link_.push_back(false);
      node = it->second;
    });
    if (!is_link_[node]) ++links_;
    is_link_[node] = true;
  }

  // The child folder `part` of `node`, or kNone when no link lies below it.
  std::size_t child(std::size_t node, std::string_view part) const {
    if (node == kNone) return kNone;
    auto it = edges_.find(key(node, part));
    return it == edges_.end() ? kNone : it->second;
  }
  bool is_link(std::size_t node) const { return node != kNone && is_link_[node]; }

  // The first proper parent folder of a normalized path that is a link.
  std::optional<std::string> link_above(std::string_view normalized) const {
    std::size_t node = 0;
    for (std::size_t start = 0;;) {
      std::size_t slash = normalized.find('/', start);
      if (slash == std::string_view::npos) return std::nullopt;  // the entry's own name
      node = child(node, normalized.substr(start, slash - start));
      if (node == kNone) return std::nullopt;
      if (is_link_[node]) return std::string(normalized.substr(0, slash));
      start = slash + 1;
    }
  }

  // True when the lexical walk of `target` from the folder of the normalized `link_path`
  // steps into a link and then uses "..".
  bool climbs_through(std::string_view link_path, std::string_view target) const {
    std::vector<std::size_t> stack;  // the node of each folder walked (kNone: no link below)
    for_each_part(link_path,
                  [&](std::string_view part) { stack.push_back(child(stack.empty() ? 0 : stack.back(), part)); });
    if (!stack.empty()) stack.pop_back();  // the link's own name
    bool through_link = false;
    bool climbs = false;
    for_each_part(target, [&](std::string_view part) {
      if (climbs) return;
      if (part == "..") {
        if (through_link) climbs = true;
        if (!stack.empty()) stack.pop_back();
        return;
      }
      stack.push_back(child(stack.empty() ? 0 : stack.back(), part));
      if (is_link(stack.back())) through_link = true;
    });
    return climbs;
  }

 private:
  // Calls `f` with each non-empty, non-"." component.
  template <typename F>
  static void for_each_part(std::string_view path, F&& f) {
    for (std::size_t start = 0; start <= path.size();) {
      std::size_t slash = std::min(path.find('/', start), path.size());
      std::string_view part = path.substr(start, slash - start);
      if (!part.empty() && part != ".") f(part);
      start = slash + 1;
    }
  }
  static std::string key(std::size_t node, std::string_view part) {
    std::string k = std::to_string(node);
    k += '/';  // never in a component
    k.append(part.data(), part.size());
    return k;
  }

  std::unordered_map<std::string, std::size_t> edges_;  // "<parent>/<component>" -> node
  std::vector<bool> is_link_ = {false};                 // node 0 is the root
  std::size_t links_ = 0;
};

// Applies the per-header rules; returns the reason an entry is unsafe, if any.
// `symlinks` and `files` hold the normalized paths seen so far.
std::optional<UnsafeEntry> check_entry(const EntryInfo& info, const std::string& normalized, const LinkTree& symlinks,
                                       const std::set<std::string>& files) {
  auto unsafe = [&](UnsafeKind kind, std::string reason) { return UnsafeEntry{info.path, kind, std::move(reason)}; };
  switch (check_entry_path(info.path)) {
    case PathProblem::kAbsolute:
      return unsafe(UnsafeKind::kAbsolutePath, "absolute path");
    case PathProblem::kDotDot:
      return unsafe(UnsafeKind::kDotDot, "path with a '..' component");
    case PathProblem::kEmpty:
      if (info.kind == EntryKind::kDirectory) return std::nullopt;  // "./", the root itself
      return unsafe(UnsafeKind::kAbsolutePath, "entry without a name");
    case PathProblem::kNone:
      break;
  }
  if (info.kind == EntryKind::kDevice || info.kind == EntryKind::kFifo || info.kind == EntryKind::kSocket ||
      info.kind == EntryKind::kOther) {
    return unsafe(UnsafeKind::kSpecialFile, describe(info.kind) + " (only files, folders and links are allowed)");
  }
  if (auto folder = symlinks.link_above(normalized)) {
    return unsafe(UnsafeKind::kLinkOutside, "path goes through the symbolic link " + *folder);
  }
  if (info.kind == EntryKind::kSymlink && !resolve_link_target(normalized, info.link_target)) {
    return unsafe(UnsafeKind::kLinkOutside, "symbolic link to " + info.link_target + " leads outside the archive");
  }
  if (info.kind == EntryKind::kHardlink) {
    if (check_entry_path(info.link_target) != PathProblem::kNone ||
        !files.count(normalize_entry_path(info.link_target))) {
      return unsafe(UnsafeKind::kLinkOutside,
                    "hard link to " + info.link_target + ", which is not a file earlier in the archive");
    }
  }
  return std::nullopt;
}

// Rules that depend on entries in any order: a path through a link that came
// later, and a symlink that climbs out through another symlink ("x -> .",
// "y -> x/..").
void check_links_after_scan(Listing& listing, const LinkTree& symlinks) {
  if (symlinks.empty()) return;
  std::set<std::string> flagged;
  for (const UnsafeEntry& u : listing.unsafe) flagged.insert(u.path);
  for (const EntryInfo& info : listing.entries) {
    if (flagged.count(info.path)) continue;
    std::string normalized = normalize_entry_path(info.path);
    if (auto folder = symlinks.link_above(normalized)) {
      listing.unsafe.push_back({info.path, UnsafeKind::kLinkOutside, "path goes through the symbolic link " + *folder});
      flagged.insert(info.path);
    }
    if (info.kind != EntryKind::kSymlink || flagged.count(info.path)) continue;
    if (symlinks.climbs_through(normalized, info.link_target)) {
      listing.unsafe.push_back({info.path, UnsafeKind::kLinkOutside,
                                "symbolic link to " + info.link_target + " climbs out through another link"});
    }
  }
}

}  // namespace

Result<Listing> scan_tarball(const StreamFn& stream, const Limits& limits, const SafeEntryHandler& handler) {
  Listing listing;
  LinkTree symlinks;
  std::set<std::string> files, data_sets;
  StreamBridge bridge(stream);
  {
    ReadHandle reader(archive_read_new());
    if (!reader) return Error{"cannot start libarchive"};
    archive_read_support_filter_gzip(reader.get());
    archive_read_support_format_tar(reader.get());
    if (archive_read_open(reader.get(), &bridge, nullptr, read_callback, nullptr) != ARCHIVE_OK) {
      listing.damage = text_or_empty(archive_error_string(reader.get()));
    }
    struct archive_entry* entry = nullptr;
    std::uint64_t count = 0;
    while (listing.damage.empty()) {
      int status = archive_read_next_header(reader.get(), &entry);
      if (status == ARCHIVE_EOF) break;
      if (status < ARCHIVE_WARN) {
        listing.damage = text_or_empty(archive_error_string(reader.get()));
        break;
      }
      EntryInfo info;
      info.path = text_or_empty(archive_entry_pathname(entry));
      info.kind = kind_of(entry);
      if (info.kind == EntryKind::kSymlink) info.link_target = text_or_empty(archive_entry_symlink(entry));
      if (info.kind == EntryKind::kHardlink) info.link_target = text_or_empty(archive_entry_hardlink(entry));
      if (info.kind == EntryKind::kFile) {
        la_int64_t size = archive_entry_size(entry);
        info.size = size > 0 ? static_cast<std::uint64_t>(size) : 0;
      }
      if (++count > limits.max_entries) {
        listing.unsafe.push_back(
            {info.path, UnsafeKind::kTooManyEntries, "more than " + counted(limits.max_entries, "entry", "entries")});
        break;
      }
      // Compare against the cap first: the sum below cannot overflow.
      if (info.size > limits.max_unpacked_bytes - listing.unpacked_bytes) {
        listing.unsafe.push_back({info.path, UnsafeKind::kTooManyBytes,
                                  "more than " + std::to_string(limits.max_unpacked_bytes) + " bytes unpacked"});
        break;
      }
      listing.unpacked_bytes += info.size;
      std::string normalized = normalize_entry_path(info.path);
      std::optional<UnsafeEntry> problem = check_entry(info, normalized, symlinks, files);
      if (problem) {
        listing.unsafe.push_back(std::move(*problem));
      } else if (!normalized.empty()) {
        if (info.kind == EntryKind::kSymlink) symlinks.insert(normalized);
        if (info.kind == EntryKind::kFile) files.insert(normalized);
        if (info.kind == EntryKind::kFile && is_model_path(normalized)) listing.models.push_back(normalized);
        if (auto set = test_data_set_of(normalized)) data_sets.insert(*set);
        if (handler && !handler(reader.get(), entry, info, normalized, listing.damage)) {
          listing.entries.push_back(std::move(info));
          break;
        }
      }
      listing.entries.push_back(std::move(info));
    }
    archive_read_close(reader.get());
  }
  Result<std::uint64_t> streamed = bridge.finish();
  if (!streamed) return streamed.failure();
  listing.sha256 = bridge.sha256();
  listing.bytes = bridge.bytes();
  if (listing.damage.empty() && listing.bytes == 0) listing.damage = "empty file, not a .tar.gz";
  check_links_after_scan(listing, symlinks);
  listing.test_data_sets.assign(data_sets.begin(), data_sets.end());
  return listing;
}

}  // namespace ohm::archive
