#pragma once
// Git LFS pointer files (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md).

#include <cstdint>
#include <string>
#include <string_view>

namespace ohm::zoo {

struct LfsPointer {
  std::string oid;  // 64 lowercase hex digits (sha256 of the content)
  std::uint64_t size = 0;
};

// Pointer files are small; anything larger is real content.
constexpr std::uint64_t kMaxPointerBytes = 1024;

enum class PointerStatus {
  kNotPointer,  // real content
  kPointer,     // a valid pointer
  kMalformed,   // starts like a pointer but is not a valid one
};

struct PointerParse {
  PointerStatus status = PointerStatus::kNotPointer;
  LfsPointer pointer;
  std::string problem;  // why it is malformed
};

// Classifies `text` (the whole file): real content, a pointer, or a broken pointer.
PointerParse parse_lfs_pointer(std::string_view text);

// "<git_dir>/lfs/objects/<oid[0:2]>/<oid[2:4]>/<oid>"
std::string lfs_store_path(const std::string& git_dir, const std::string& oid);

}  // namespace ohm::zoo
