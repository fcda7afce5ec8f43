// Fuzz target: manifest text -> JsonPositions (positions + DOM in one pass),
// read_manifest_doc, the built-in JSON Schema, and position look-ups for every
// violation and for pointers taken from the input itself; and the built-in
// schema's native check against valijson on every element in the writer's
// bytes: it may never pass one valijson faults.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "manifest/canonical_entry.h"
#include "manifest/json_io.h"
#include "validate/builtin_schema_native.h"
#include "validate/document_checks.h"
#include "validate/json_positions.h"
#include "validate/manifest_doc.h"
#include "validate/schema_check.h"

namespace {

const ohm::validate::SchemaChecker& checker() {
  static const ohm::validate::SchemaChecker c = [] {
    auto r = ohm::validate::SchemaChecker::compile(ohm::validate::builtin_manifest_schema(), "schema");
    if (!r) __builtin_trap();
    return *r;
  }();
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);

  ohm::validate::JsonPositions positions;
  nlohmann::json dom;
  auto err = positions.index(text, &dom);
  if (err) {
    if (err->line < 1 || err->column < 1) __builtin_trap();
  } else {
    // Look-ups with pointers made of the input's own lines.
    (void)positions.find("");
    std::size_t start = 0;
    for (int i = 0; i < 16 && start <= text.size(); ++i) {
      std::size_t nl = text.find('\n', start);
      std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
      (void)positions.find(line);
      (void)positions.find(ohm::validate::entry_pointer(static_cast<std::size_t>(i), line, line));
      if (nl == std::string_view::npos) break;
      start = nl + 1;
    }
  }
  ohm::validate::JsonPositions no_dom;
  auto err2 = no_dom.index(text);
  if (static_cast<bool>(err) != static_cast<bool>(err2)) __builtin_trap();

  if (auto elements = ohm::manifest::split_array_elements(text)) {
    ohm::validate::NativeSchemaCheck native;
    for (std::string_view element : *elements) {
      auto entry = ohm::manifest::read_canonical_entry(element);
      if (!entry || !native.passes(*entry)) continue;
      const std::string one = "[" + std::string(element) + "]";
      if (!checker().check(nlohmann::json::parse(one)).empty()) __builtin_trap();
    }
  }

  ohm::Diagnostics findings;
  auto doc = ohm::validate::read_manifest_doc(text, "m.json", findings, &checker());
  if (!doc) return 0;
  ohm::validate::check_document(*doc, findings);  // schema findings located while the document was held
  return 0;
}
