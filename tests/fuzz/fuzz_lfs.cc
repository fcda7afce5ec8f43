// Fuzz target: Git LFS pointer files. Whatever the bytes, the parse is one of
// three outcomes; a pointer it accepts has a well-formed oid, comes from a
// small file, and parses the same after being written back canonically.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "zoo/lfs_pointer.h"

namespace {

bool lower_hex64(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const ohm::zoo::PointerParse parse = ohm::zoo::parse_lfs_pointer(text);
  switch (parse.status) {
    case ohm::zoo::PointerStatus::kNotPointer:
      break;
    case ohm::zoo::PointerStatus::kMalformed:
      if (parse.problem.empty()) __builtin_trap();  // a broken pointer always says why
      break;
    case ohm::zoo::PointerStatus::kPointer: {
      if (size > ohm::zoo::kMaxPointerBytes || !lower_hex64(parse.pointer.oid)) __builtin_trap();
      const std::string canonical = "version https://git-lfs.github.com/spec/v1\noid sha256:" + parse.pointer.oid +
                                    "\nsize " + std::to_string(parse.pointer.size) + "\n";
      const ohm::zoo::PointerParse again = ohm::zoo::parse_lfs_pointer(canonical);
      if (again.status != ohm::zoo::PointerStatus::kPointer || again.pointer.oid != parse.pointer.oid ||
          again.pointer.size != parse.pointer.size) {
        __builtin_trap();
      }
      // The store path stays inside the store.
      const std::string store = ohm::zoo::lfs_store_path("/g", parse.pointer.oid);
      if (store != "/g/lfs/objects/" + parse.pointer.oid.substr(0, 2) + "/" + parse.pointer.oid.substr(2, 2) + "/" +
                       parse.pointer.oid) {
        __builtin_trap();
      }
      break;
    }
  }
  return 0;
}
