#include "validate/manifest_doc.h"

#include <future>
#include <system_error>

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
  // The schema checks its document on a thread of its own while the entries
  // are read (check_dom only reads `doc`'s positions and name, which the entry
  // pass leaves alone). Both are then held at once, so only for a manifest of
  // up to kOverlapBytes; a larger one's document (keys sorted) goes before the
  // entries come.
  constexpr std::size_t kOverlapBytes = 16u << 20;
  std::future<DomFindings> dom;
  if (schema && doc.is_array && text.size() <= kOverlapBytes) {
    try {
      dom = std::async(std::launch::async, [&json, &doc, schema] { return check_dom(json, doc, *schema); });
    } catch (const std::system_error&) {  // no thread to be had: one after the other
    }
  }
  if (!dom.valid()) {
    if (schema) doc.dom = check_dom(json, doc, *schema);
    json = nullptr;
  }
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
    doc.entry_problems.push_back(doc.at(r.pointer(), Severity::kError, check::kManifestEntryInvalid, r.problem()));
  });
  if (dom.valid()) {
    doc.dom = dom.get();
    json = nullptr;
  }
  if (!read) {  // the same text parsed above: not expected
    doc.entries.clear();
    doc.index_of.clear();
  }
  return doc;
}

}  // namespace ohm::validate
