#include "hub/verified_write.h"

#include <filesystem>

#include "core/checks.h"
#include "fs/atomic_file.h"
#include "hash/sha256.h"
#include "zoo/lfs_pointer.h"

namespace ohm::hub {
namespace {

// A Git LFS pointer where content was expected: a server (or a clone without
// LFS) that serves pointers. Says so, rather than "sha mismatch".
std::optional<Error> served_pointer(const std::string& head, const Expected& expected, const std::string& shown) {
  zoo::PointerParse parsed = zoo::parse_lfs_pointer(head);
  if (parsed.status != zoo::PointerStatus::kPointer) return std::nullopt;
  if (hash::sha256_hex(head) == expected.sha256) return std::nullopt;  // the pointer is the content the manifest names
  std::string whose = parsed.pointer.oid == expected.sha256 ? "the manifest's sha256" : parsed.pointer.oid;
  return problem(check::kHubPointerServed, shown + " is a Git LFS pointer (to " + whose + ", " +
                                               std::to_string(parsed.pointer.size) +
                                               " bytes), not the file's content: the hub serves pointers instead of "
                                               "LFS content; nothing was written");
}

}  // namespace

Result<void> write_verified(const std::string& dest, const Expected& expected, const std::string& shown,
                            const Producer& produce) {
  const std::filesystem::path path(dest);
  Result<fs::Folder> folder = fs::Folder::open(path.has_parent_path() ? path.parent_path().string() : ".");
  if (!folder) return cannot_run("cannot write " + dest + ": " + folder.error());
  return write_verified_in(*folder, path.filename().string(), expected, shown, produce);
}

Result<void> write_verified_in(const fs::Folder& folder, const std::string& name, const Expected& expected,
                               const std::string& shown, const Producer& produce) {
  Result<fs::AtomicFile> temp = fs::AtomicFile::create_in(folder, name);
  if (!temp) return temp.failure();
  hash::Sha256 hasher;
  std::optional<Error> write_error;
  // The first bytes, to tell a Git LFS pointer served in place of the content.
  std::string head;
  auto sink = [&](std::string_view chunk) {
    hasher.update(chunk);
    if (head.size() <= zoo::kMaxPointerBytes) head.append(chunk.substr(0, zoo::kMaxPointerBytes + 1 - head.size()));
    // No point going on past the size, once it cannot be a pointer either.
    if (expected.bytes && hasher.bytes() > *expected.bytes && hasher.bytes() > zoo::kMaxPointerBytes) return false;
    if (auto wrote = temp->write(chunk); !wrote) {
      write_error = wrote.failure();
      return false;
    }
    return true;
  };
  Result<std::uint64_t> produced = produce(sink);
  if (write_error) return *write_error;
  if (produced && hasher.bytes() <= zoo::kMaxPointerBytes) {
    if (auto pointer = served_pointer(head, expected, shown)) return *pointer;
  }
  if (expected.bytes && hasher.bytes() > *expected.bytes) {
    return problem(check::kHubShaMismatch,
                   shown + " is larger than the " + std::to_string(*expected.bytes) + " bytes the manifest gives");
  }
  if (!produced) return produced.failure();
  std::string digest = hasher.hex_digest();
  if (digest != expected.sha256) {
    std::string size_note;
    if (expected.bytes && hasher.bytes() != *expected.bytes) {
      size_note =
          " (" + std::to_string(hasher.bytes()) + " bytes, the manifest gives " + std::to_string(*expected.bytes) + ")";
    }
    return problem(check::kHubShaMismatch, "sha256 of " + shown + " is " + digest + size_note +
                                               ", the manifest gives " + expected.sha256 + "; nothing was written");
  }
  // The manifest's bytes are part of what it promises: a shorter body with
  // the right sha256 means the manifest contradicts itself (found by fuzz_http).
  if (expected.bytes && hasher.bytes() != *expected.bytes) {
    return problem(check::kHubShaMismatch, shown + " has the manifest's sha256 but " + std::to_string(hasher.bytes()) +
                                               " bytes, the manifest gives " + std::to_string(*expected.bytes) +
                                               "; nothing was written");
  }
  return temp->commit();
}

bool file_matches(const std::string& path, const Expected& expected) {
  const std::filesystem::path p(path);
  Result<fs::Folder> folder = fs::Folder::open(p.has_parent_path() ? p.parent_path().string() : ".");
  return folder && file_matches_in(*folder, p.filename().string(), expected);
}

bool file_matches_in(const fs::Folder& folder, const std::string& name, const Expected& expected) {
  if (folder.status(name).kind != fs::FileKind::kRegular) return false;
  hash::Sha256 hasher;
  auto streamed = fs::stream_regular_file_at(folder.fd(), name, folder.child(name), [&](std::string_view chunk) {
    hasher.update(chunk);
    return true;
  });
  if (!streamed) return false;
  if (expected.bytes && hasher.bytes() != *expected.bytes) return false;
  return hasher.hex_digest() == expected.sha256;
}

}  // namespace ohm::hub
