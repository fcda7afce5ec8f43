// Fuzz target: LFS pointers and link resolution.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "zoo/lfs_pointer.h"
#include "zoo/zoo_paths.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)ohm::zoo::parse_lfs_pointer(text);
  auto path = ohm::zoo::resolve_link("a/b", text);
  // A resolved link never leaves the zoo.
  if (path && (path->rfind("../", 0) == 0 || path->find("/../") != std::string::npos || (*path)[0] == '/')) {
    __builtin_trap();
  }
  (void)ohm::zoo::tags_for("validated/x_y", text);
  // What the hub may cache never climbs out of its folder.
  if (ohm::zoo::unsafe_path_reason(text).empty() &&
      (text.substr(0, 3) == "../" || text.find("/../") != std::string_view::npos || text[0] == '/')) {
    __builtin_trap();
  }
  return 0;
}
