// Fuzz target: manifest JSON -> entries -> JSON again. What is read is
// written back the same when read again, and every element the exact-form
// reader (canonical_entry.h) accepts is the entry nlohmann's parse gives, in
// the writer's bytes; the split by braces agrees with the full scan.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "manifest/canonical_entry.h"
#include "manifest/json_io.h"

namespace {

using namespace ohm::manifest;

// The exact-form reader and the parser agree on `element`, or the run stops here.
void same_as_parsed(std::string_view element) {
  std::optional<Entry> fast = read_canonical_entry(element);
  if (!fast) return;
  Entry parsed;
  std::string why;
  Json json;
  try {
    json = Json::parse(element);
  } catch (const std::exception&) {
    __builtin_trap();  // the fast path took what is not JSON
  }
  if (!entry_from_json(std::move(json), &parsed, &why)) __builtin_trap();
  const std::string written = write_manifest({*fast});
  if (written != write_manifest({parsed})) __builtin_trap();
  // Its bytes are the writer's: a manifest may copy them instead (write_manifest_spliced).
  if (written != "[\n    " + std::string(writer_entry_text(element)) + "\n]") __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ohm::Diagnostics diags;
  auto entries = parse_manifest(text, "m.json", diags);
  if (entries) {
    const std::string written = write_manifest(*entries);
    ohm::Diagnostics again_diags;
    auto again = parse_manifest(written, "w.json", again_diags);
    if (!again || again->size() != entries->size() || write_manifest(*again) != written) __builtin_trap();
  }
  const auto elements = split_array_elements(text);
  if (elements) {
    for (std::string_view element : *elements) same_as_parsed(element);
  }
  // The split by braces is the array's wherever every piece is in the writer's bytes.
  if (auto by_braces = split_writer_elements(text)) {
    bool all_canonical = true;
    for (std::string_view piece : *by_braces) all_canonical = all_canonical && read_canonical_entry(piece);
    if (all_canonical && (!elements || *by_braces != *elements)) __builtin_trap();
  }
  return 0;
}
