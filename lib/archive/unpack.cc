#include "archive/unpack.h"

#include <filesystem>
#include <system_error>

#include "archive/internal/scanner.h"
#include "archive/path_rules.h"
#include "fs/atomic_file.h"

namespace ohm::archive {
namespace {

namespace stdfs = std::filesystem;

// Writes one safe entry below `root` with the disk writer.
bool write_entry(struct archive* reader, struct archive* writer, struct archive_entry* entry, const EntryInfo& info,
                 const std::string& root, const std::string& normalized, std::string& damage) {
  auto fail = [&](struct archive* a) {
    const char* why = archive_error_string(a);
    damage = "cannot unpack " + info.path + ": " + (why ? why : "unknown error");
    return false;
  };
  archive_entry_set_pathname(entry, (root + "/" + normalized).c_str());
  if (info.kind == EntryKind::kHardlink) {
    archive_entry_set_hardlink(entry, (root + "/" + normalize_entry_path(info.link_target)).c_str());
  }
  mode_t perm = archive_entry_perm(entry);
  bool executable = (perm & 0100) != 0 || info.kind == EntryKind::kDirectory;
  archive_entry_set_perm(entry, executable ? 0755 : 0644);
  archive_entry_set_uid(entry, 0);
  archive_entry_set_gid(entry, 0);
  if (archive_write_header(writer, entry) < ARCHIVE_WARN) return fail(writer);
  if (info.kind == EntryKind::kFile) {
    const void* block = nullptr;
    size_t size = 0;
    la_int64_t offset = 0;
    for (;;) {
      int status = archive_read_data_block(reader, &block, &size, &offset);
      if (status == ARCHIVE_EOF) break;
      if (status < ARCHIVE_WARN) return fail(reader);
      if (archive_write_data_block(writer, block, size, offset) < ARCHIVE_WARN) return fail(writer);
    }
  }
  if (archive_write_finish_entry(writer) < ARCHIVE_WARN) return fail(writer);
  return true;
}

}  // namespace

Result<Listing> unpack_tarball(const StreamFn& stream, const std::string& target, const UnpackOptions& options) {
  const stdfs::path path(target);
  Result<fs::Folder> parent = fs::Folder::open(path.has_parent_path() ? path.parent_path().string() : ".");
  if (!parent) return parent.failure();
  return unpack_tarball_in(stream, *parent, path.filename().string(), options);
}

Result<Listing> unpack_tarball_in(const StreamFn& stream, const fs::Folder& parent, const std::string& name,
                                  const UnpackOptions& options) {
  const bool target_exists = parent.status(name).kind != fs::FileKind::kMissing;
  if (target_exists && !options.replace && !options.keep_concurrent)
    return Error{parent.child(name) + " already exists"};

  Result<fs::AtomicFolder> temp = fs::AtomicFolder::create_in(parent, name);
  if (!temp) return temp.failure();

  WriteDiskHandle writer(archive_write_disk_new());
  if (!writer) return Error{"cannot start libarchive"};
  // Defence in depth behind the scanner's own checks: never write through a
  // symlink, never accept "..".
  archive_write_disk_set_options(
      writer.get(), ARCHIVE_EXTRACT_SECURE_SYMLINKS | ARCHIVE_EXTRACT_SECURE_NODOTDOT | ARCHIVE_EXTRACT_TIME);
  const std::string root = temp->path();
  auto handler = [&](struct archive* reader, struct archive_entry* entry, EntryInfo& info,
                     const std::string& normalized, std::string& damage) {
    return write_entry(reader, writer.get(), entry, info, root, normalized, damage);
  };
  Result<Listing> listing = scan_tarball(stream, options.limits, handler);
  archive_write_close(writer.get());
  if (!listing) return listing;
  if (!listing->safe()) return listing;  // the temp folder goes with `temp`
  if (auto committed = temp->commit(!options.replace); !committed) return committed.failure();
  return listing;
}

}  // namespace ohm::archive
