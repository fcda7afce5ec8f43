#include "archive/scanner.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "archive/path_rules.h"
#include "archive/stream_bridge.h"

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
    case AE_IFREG: return EntryKind::kFile;
    case AE_IFDIR: return EntryKind::kDirectory;
    case AE_IFLNK: return EntryKind::kSymlink;
    case AE_IFCHR:
    case AE_IFBLK: return EntryKind::kDevice;
    case AE_IFIFO: return EntryKind::kFifo;
    case AE_IFSOCK: return EntryKind::kSocket;
    default: return EntryKind::kOther;
  }
}

std::string text_or_empty(const char* s) { return s ? std::string(s) : std::string(); }

// Applies the per-header rules; returns the reason an entry is unsafe, if any.
// `symlinks` and `files` hold the normalized paths seen so far.
std::optional<UnsafeEntry> check_entry(const EntryInfo& info, const std::string& normalized,
                                       const std::set<std::string>& symlinks,
                                       const std::set<std::string>& files) {
  auto unsafe = [&](UnsafeKind kind, std::string reason) {
    return UnsafeEntry{info.path, kind, std::move(reason)};
  };
  switch (check_entry_path(info.path)) {
    case PathProblem::kAbsolute: return unsafe(UnsafeKind::kAbsolutePath, "absolute path");
    case PathProblem::kDotDot: return unsafe(UnsafeKind::kDotDot, "path with a '..' component");
    case PathProblem::kEmpty:
      if (info.kind == EntryKind::kDirectory) return std::nullopt;  // "./", the root itself
      return unsafe(UnsafeKind::kAbsolutePath, "entry without a name");
    case PathProblem::kNone: break;
  }
  if (info.kind == EntryKind::kDevice || info.kind == EntryKind::kFifo ||
      info.kind == EntryKind::kSocket || info.kind == EntryKind::kOther) {
    return unsafe(UnsafeKind::kSpecialFile, describe(info.kind) + " (only files, folders and links are allowed)");
  }
  for (const std::string& folder : parent_folders(normalized)) {
    if (symlinks.count(folder)) {
      return unsafe(UnsafeKind::kLinkOutside, "path goes through the symbolic link " + folder);
    }
  }
  if (info.kind == EntryKind::kSymlink && !resolve_link_target(normalized, info.link_target)) {
    return unsafe(UnsafeKind::kLinkOutside,
                  "symbolic link to " + info.link_target + " leads outside the archive");
  }
  if (info.kind == EntryKind::kHardlink) {
    if (check_entry_path(info.link_target) != PathProblem::kNone ||
        !files.count(normalize_entry_path(info.link_target))) {
      return unsafe(UnsafeKind::kLinkOutside, "hard link to " + info.link_target +
                                                  ", which is not a file earlier in the archive");
    }
  }
  return std::nullopt;
}

// Rules that depend on entries in any order: a path through a link that came
// later, and a symlink that climbs out through another symlink ("x -> .",
// "y -> x/..").
void check_links_after_scan(Listing& listing, const std::set<std::string>& symlinks) {
  if (symlinks.empty()) return;
  std::set<std::string> flagged;
  for (const UnsafeEntry& u : listing.unsafe) flagged.insert(u.path);
  for (const EntryInfo& info : listing.entries) {
    if (flagged.count(info.path)) continue;
    std::string normalized = normalize_entry_path(info.path);
    for (const std::string& folder : parent_folders(normalized)) {
      if (symlinks.count(folder)) {
        listing.unsafe.push_back({info.path, UnsafeKind::kLinkOutside,
                                  "path goes through the symbolic link " + folder});
        flagged.insert(info.path);
        break;
      }
    }
    if (info.kind != EntryKind::kSymlink || flagged.count(info.path)) continue;
    auto is_link = [&](const std::string& p) { return symlinks.count(p) > 0; };
    if (climbs_through_link(normalized, info.link_target, is_link)) {
      listing.unsafe.push_back({info.path, UnsafeKind::kLinkOutside,
                                "symbolic link to " + info.link_target +
                                    " climbs out through another link"});
    }
  }
}

}  // namespace

Result<Listing> scan_tarball(const StreamFn& stream, const Limits& limits,
                             const SafeEntryHandler& handler) {
  Listing listing;
  std::set<std::string> symlinks, files, data_sets;
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
        listing.unsafe.push_back({info.path, UnsafeKind::kTooManyEntries,
                                  "more than " + std::to_string(limits.max_entries) + " entries"});
        break;
      }
      // Compare against the cap first: the sum below cannot overflow.
      if (info.size > limits.max_unpacked_bytes - listing.unpacked_bytes) {
        listing.unsafe.push_back({info.path, UnsafeKind::kTooManyBytes,
                                  "more than " + std::to_string(limits.max_unpacked_bytes) +
                                      " bytes unpacked"});
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
  if (!streamed) return Error{streamed.error()};
  listing.sha256 = bridge.sha256();
  listing.bytes = bridge.bytes();
  if (listing.damage.empty() && listing.bytes == 0) listing.damage = "empty file, not a .tar.gz";
  check_links_after_scan(listing, symlinks);
  listing.test_data_sets.assign(data_sets.begin(), data_sets.end());
  return listing;
}

}  // namespace ohm::archive
