#pragma once
// Builds .tar.gz bytes in memory for tests, hostile entries included
// (libarchive's writer stores whatever names and types it is given).

#include <archive.h>
#include <archive_entry.h>

#include <string>
#include <vector>

namespace ohm::archive::testing {

struct TarEntry {
  std::string path;
  unsigned type = AE_IFREG;      // AE_IFREG, AE_IFDIR, AE_IFLNK, AE_IFCHR, AE_IFIFO, ...
  std::string content;           // regular files
  std::string link;              // symlink target
  std::string hardlink;          // hard link target (type ignored)
  long long declared_size = -1;  // header size when it must differ from content
};

inline TarEntry file(std::string path, std::string content) {
  TarEntry e;
  e.path = std::move(path);
  e.content = std::move(content);
  return e;
}
inline TarEntry dir(std::string path) {
  TarEntry e;
  e.path = std::move(path);
  e.type = AE_IFDIR;
  return e;
}
inline TarEntry symlink(std::string path, std::string target) {
  TarEntry e;
  e.path = std::move(path);
  e.type = AE_IFLNK;
  e.link = std::move(target);
  return e;
}
inline TarEntry hardlink(std::string path, std::string target) {
  TarEntry e;
  e.path = std::move(path);
  e.hardlink = std::move(target);
  return e;
}
inline TarEntry special(std::string path, unsigned type) {
  TarEntry e;
  e.path = std::move(path);
  e.type = type;
  return e;
}

inline std::string build_tar_gz(const std::vector<TarEntry>& entries, bool gzip = true) {
  std::vector<char> out(8 << 20);
  size_t used = 0;
  struct archive* a = archive_write_new();
  if (gzip) archive_write_add_filter_gzip(a);
  archive_write_set_format_pax_restricted(a);
  archive_write_open_memory(a, out.data(), out.size(), &used);
  for (const TarEntry& e : entries) {
    struct archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, e.path.c_str());
    archive_entry_set_perm(entry, e.type == AE_IFDIR ? 0755 : 0644);
    if (!e.hardlink.empty()) {
      archive_entry_set_filetype(entry, AE_IFREG);
      archive_entry_set_hardlink(entry, e.hardlink.c_str());
      archive_entry_set_size(entry, 0);
    } else {
      archive_entry_set_filetype(entry, e.type);
      if (e.type == AE_IFLNK) archive_entry_set_symlink(entry, e.link.c_str());
      if (e.type == AE_IFREG) {
        archive_entry_set_size(entry,
                               e.declared_size >= 0 ? e.declared_size : static_cast<long long>(e.content.size()));
      }
    }
    archive_write_header(a, entry);
    if (e.type == AE_IFREG && !e.content.empty()) archive_write_data(a, e.content.data(), e.content.size());
    archive_entry_free(entry);
  }
  archive_write_close(a);
  archive_write_free(a);
  return std::string(out.data(), used);
}

}  // namespace ohm::archive::testing
