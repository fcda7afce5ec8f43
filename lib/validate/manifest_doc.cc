#include "validate/manifest_doc.h"

#include <set>

#include "core/checks.h"
#include "manifest/json_io.h"

namespace ohm::validate {

Diagnostic ManifestDoc::at(const std::string& pointer, Severity severity, const char* code, std::string message) const {
  LineColumn lc = positions.find(pointer);
  return {severity, shown_path, lc.line, lc.column, code, std::move(message), pointer};
}

std::optional<ManifestDoc> read_manifest_doc(std::string_view text, const std::string& shown_path,
                                             Diagnostics& findings) {
  ManifestDoc doc;
  doc.shown_path = shown_path;
  if (auto bad = doc.positions.index(text, &doc.json)) {
    findings.add({Severity::kError,
                  shown_path,
                  bad->line,
                  bad->column,
                  check::kManifestJson,
                  "not valid JSON: " + bad->message,
                  {}});
    return std::nullopt;
  }
  if (!doc.json.is_array()) return doc;  // the schema says what it is

  Diagnostics entry_diags;
  auto parsed = manifest::parse_manifest(text, shown_path, entry_diags);
  if (!parsed) return doc;
  std::set<std::size_t> rejected;
  for (const Diagnostic& d : entry_diags.all()) {
    if (d.json_pointer.size() < 2) continue;
    std::size_t index = std::stoul(d.json_pointer.substr(1));
    rejected.insert(index);
    const nlohmann::json& element = doc.json[index];
    if (element.is_object()) {
      auto path = element.find("model_path");
      if (path != element.end() && path->is_string()) doc.unreadable_paths.push_back(path->get<std::string>());
    }
    doc.entry_problems.push_back(doc.at(d.json_pointer, d.severity, d.code.c_str(), d.message));
  }
  doc.entries = std::move(*parsed);
  for (std::size_t i = 0; i < doc.json.size() && doc.index_of.size() < doc.entries.size(); ++i) {
    if (!rejected.count(i)) doc.index_of.push_back(i);
  }
  for (std::size_t i = 0; i < doc.entries.size(); ++i) {
    doc.entries[i].line = doc.positions.find(entry_pointer(doc.index_of[i])).line;
  }
  return doc;
}

}  // namespace ohm::validate
