// Fuzz target: manifest JSON -> entries -> JSON again.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "manifest/json_io.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ohm::Diagnostics diags;
  auto entries = ohm::manifest::parse_manifest(text, "m.json", diags);
  if (entries) (void)ohm::manifest::write_manifest(*entries);
  return 0;
}
