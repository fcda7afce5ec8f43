// Fuzz target: README markdown -> model rows and index links, then row planning.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "readme/model_table.h"
#include "zoo/row_plan.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ohm::Diagnostics diags;
  (void)ohm::readme::read_index_links(text);
  (void)ohm::zoo::plan_rows("a/b/README.md", text, diags);
  return 0;
}
