#pragma once
// The manifest being validated: its text, JSON document, value positions and
// the entries lib/manifest could read, each tied to its index in the array.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostic.h"
#include "manifest/entry.h"
#include "validate/json_positions.h"

namespace ohm::validate {

struct ManifestDoc {
  std::string shown_path;  // as findings name it
  nlohmann::json json;     // the whole document
  JsonPositions positions;
  std::vector<manifest::Entry> entries;  // the entries with the SPEC 1 form, in file order
  std::vector<std::size_t> index_of;     // entries[i] is array element index_of[i]
  // model_path strings of array elements that lack the SPEC 1 form (reported by the schema).
  std::vector<std::string> unreadable_paths;
  // manifest.entry.invalid findings of lib/manifest, shown only when the schema says nothing.
  std::vector<Diagnostic> entry_problems;

  // A finding about the value at `pointer`, with its line and column.
  Diagnostic at(const std::string& pointer, Severity severity, const char* code, std::string message) const;
};

// Reads `text`. When it is not JSON, reports manifest.json (with line and
// column) to `findings` and returns nullopt. `text` must outlive the result.
std::optional<ManifestDoc> read_manifest_doc(std::string_view text, const std::string& shown_path,
                                             Diagnostics& findings);

}  // namespace ohm::validate
