#pragma once
// The built-in schema's verdict on the entries of a manifest generate wrote,
// without a JSON tree: an entry read from an element in the writer's exact
// bytes (manifest/canonical_entry.h) has the keys and JSON types the writer
// gives, so only its values are left to check, which this does as
// schemas/onnx_hub_manifest.schema.json says. It only ever answers "passes"
// or "ask valijson": every doubt goes to valijson, which reports as always.
// It is written for one text of that schema, whose SHA-256 it knows: any
// other schema (an edited built-in one too) gets valijson alone.

#include <string>
#include <string_view>
#include <unordered_map>

#include "manifest/entry.h"

namespace ohm::validate {

// SHA-256 of the schema text the check below implements; a test fails when
// the built-in schema no longer has it (then update both together).
inline constexpr std::string_view kNativeSchemaSha256 =
    "4e54e90dc7f9661aed8bf3585d1e9604beb8ca4db42c02b4f9ef986863cbe196";

// Whether `schema_text` is the schema the native check implements.
bool native_check_applies(std::string_view schema_text);

// One thread's checker (it remembers its verdicts on port and side-file
// texts, which entries often share).
class NativeSchemaCheck {
 public:
  // True when `e`, read from a canonical element, certainly passes the
  // schema (and holds no string long enough for schema_guards to refuse);
  // false when it may not.
  bool passes(const manifest::Entry& e);

 private:
  bool passes_text(const manifest::SharedJson& value, int kind);
  std::unordered_map<std::string, bool> verdicts_[3];  // by kind: io_ports, extra_ports, external_data
};

}  // namespace ohm::validate
