#include "validate/manifest_doc.h"

#include "core/checks.h"
#include "manifest/json_io.h"
#include "validate/document_checks.h"

namespace ohm::validate {

Diagnostic ManifestDoc::at(const std::string& pointer, Severity severity, const char* code, std::string message) const {
  LineColumn lc = positions.find(pointer);
  return {severity, shown_path, lc.line, lc.column, code, std::move(message), pointer};
}

std::optional<ManifestDoc> read_manifest_doc(std::string_view text, const std::string& shown_path,
                                             Diagnostics& findings, const SchemaChecker* schema) {
  ManifestDoc doc;
  doc.shown_path = shown_path;
  nlohmann::json json;
  if (auto bad = doc.positions.index(text, &json)) {
    findings.add({Severity::kError,
                  shown_path,
                  bad->line,
                  bad->column,
                  check::kManifestJson,
                  "not valid JSON: " + bad->message,
                  {}});
    return std::nullopt;
  }
  doc.is_array = json.is_array();
  doc.elements = doc.is_array ? json.size() : 0;
  if (schema) doc.dom = check_dom(json, doc, *schema);
  json = nullptr;                 // the schema's document (keys sorted) goes before the entries come
  if (!doc.is_array) return doc;  // the schema says what it is

  // The entries in their own pass over the text (on every core for a large
  // manifest), keeping key order, each element dropped once it is an Entry.
  Result<void> read = manifest::read_manifest_elements(text, shown_path, [&](manifest::ElementRead&& r) {
    if (r.entry) {
      r.entry->line = doc.positions.find(entry_pointer(r.index)).line;
      doc.entries.push_back(std::move(*r.entry));
      doc.index_of.push_back(r.index);
      return;
    }
    if (r.model_path) doc.unreadable_paths.push_back(*r.model_path);
    doc.entry_problems.push_back(doc.at("/" + std::to_string(r.index), Severity::kError, check::kManifestEntryInvalid,
                                        "entry " + std::to_string(r.index) + ": " + r.why));
  });
  if (!read) {  // the same text parsed above: not expected
    doc.entries.clear();
    doc.index_of.clear();
  }
  return doc;
}

}  // namespace ohm::validate
