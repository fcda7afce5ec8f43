// Fuzz target: README markdown -> model rows and index links, then row planning.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "readme/model_table.h"
#include "zoo/row_plan.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ohm::zoo::ParsedReadme readme;
  readme.text.assign(reinterpret_cast<const char*>(data), size);
  readme.tables = ohm::readme::parse_tables(readme.text);
  ohm::Diagnostics diags;
  (void)ohm::readme::read_index_links(readme.tables);
  (void)ohm::zoo::plan_rows("a/b/README.md", readme, diags);
  return 0;
}
