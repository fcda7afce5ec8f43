#pragma once
// The manifest being validated: value positions, what the checks that need
// the whole JSON document found, and the entries lib/manifest could read,
// each tied to its index in the array. A second pass reads the entries (keys
// in file order; a large manifest's elements on every core, each dropped once
// it is an Entry) while the schema checks the document (keys sorted) on a
// thread of its own, which goes on while the caller compares the zoo (dom()
// waits for it); above 16 MiB the document is checked and dropped first, so a
// large manifest is never in memory twice.

#include <cstddef>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostic.h"
#include "manifest/entry.h"
#include "validate/json_positions.h"
#include "validate/schema_check.h"

namespace ohm::validate {

// Findings of the checks that need the whole document (document_checks.h:
// check_dom), kept for check_document, which reports them in its order.
struct DomFindings {
  std::vector<Diagnostic> schema;  // one per violation, in document order (those path.unsafe says better left out)
  std::vector<Diagnostic> paths;   // path.unsafe and path.unportable
  std::vector<Diagnostic> unknown_keys;
};

struct ManifestDoc {
  std::string shown_path;  // as findings name it
  JsonPositions positions;
  bool is_array = false;
  std::size_t elements = 0;              // of the array
  std::vector<manifest::Entry> entries;  // the entries with the SPEC 1 form, in file order
  std::vector<std::size_t> index_of;     // entries[i] is array element index_of[i]
  // model_path strings of array elements that lack the SPEC 1 form (reported by the schema).
  std::vector<std::string> unreadable_paths;
  // manifest.entry.invalid findings of lib/manifest, shown only when the schema says nothing.
  std::vector<Diagnostic> entry_problems;
  // The schema's verdict came from builtin_schema_native.h: every element in
  // the writer's bytes passed it, and no document was built.
  bool judged_natively = false;

  ManifestDoc() = default;
  ManifestDoc(const ManifestDoc&) = delete;  // the schema's thread reads this one
  ManifestDoc& operator=(const ManifestDoc&) = delete;
  ~ManifestDoc();

  // What the checks that need the whole document found (when read with a
  // schema), waiting for them first if they still run. Not thread-safe.
  const DomFindings& dom() const;

  // A finding about the value at `pointer`, with its line and column.
  Diagnostic at(const std::string& pointer, Severity severity, const char* code, std::string message) const;

 private:
  friend std::unique_ptr<ManifestDoc> read_manifest_doc(std::string_view, const std::string&, Diagnostics&,
                                                        const SchemaChecker*);
  mutable DomFindings dom_;
  mutable std::future<DomFindings> pending_;  // the schema's thread, while it runs
};

// Reads `text`: positions and the document in one pass, then (with `schema`)
// the checks that need the whole document, and the entries. When it is not
// JSON, reports manifest.json (with line and column) to `findings` and
// returns null. `text` and `schema` must outlive the result.
std::unique_ptr<ManifestDoc> read_manifest_doc(std::string_view text, const std::string& shown_path,
                                               Diagnostics& findings, const SchemaChecker* schema = nullptr);

}  // namespace ohm::validate
