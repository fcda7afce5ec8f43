#include "validate/document_checks.h"

#include <map>
#include <set>
#include <utility>

#include "core/checks.h"
#include "core/text.h"
#include "zoo/zoo_paths.h"

namespace ohm::validate {
namespace {

using manifest::Entry;

const char* const kEntryKeys[] = {"model", "model_path", "onnx_version", "opset_version", "metadata"};

bool is_entry_key(const std::string& key) {
  for (const char* k : kEntryKeys) {
    if (key == k) return true;
  }
  return false;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

void check_unknown_keys(const nlohmann::json& json, const ManifestDoc& doc, Diagnostics& findings) {
  if (!json.is_array()) return;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const nlohmann::json& element = json[i];
    if (!element.is_object()) continue;
    for (const auto& item : element.items()) {
      if (is_entry_key(item.key())) continue;
      findings.add(doc.at(entry_pointer(i, item.key()), Severity::kWarning, check::kUnknownKey,
                          "unknown key " + quoted(item.key()) +
                              " in an entry; the hub client ignores it "
                              "(extra information belongs in metadata)"));
    }
  }
}

void check_order(const ManifestDoc& doc, Diagnostics& findings) {
  for (std::size_t i = 1; i < doc.entries.size(); ++i) {
    const Entry& prev = doc.entries[i - 1];
    const Entry& e = doc.entries[i];
    if (!(e.model_path < prev.model_path)) continue;
    findings.add(doc.at(entry_pointer(doc.index_of[i], "model_path"), Severity::kWarning, check::kOrder,
                        "entries are not sorted by model_path: " + e.model_path + " comes after " + prev.model_path +
                            " (line " + std::to_string(prev.line) + ")"));
  }
}

void check_duplicates(const ManifestDoc& doc, Diagnostics& findings) {
  std::map<std::pair<std::string, std::int64_t>, std::size_t> first;
  for (std::size_t i = 0; i < doc.entries.size(); ++i) {
    const Entry& e = doc.entries[i];
    auto [it, fresh] = first.emplace(std::make_pair(to_lower(e.model), e.opset_version), i);
    if (fresh) continue;
    const Entry& other = doc.entries[it->second];
    findings.add(doc.at(entry_pointer(doc.index_of[i], "model"), Severity::kError, check::kDuplicate,
                        "model " + quoted(e.model) + " with opset " + std::to_string(e.opset_version) +
                            " is also the entry at line " + std::to_string(other.line) + " (" + quoted(other.model) +
                            ", " + other.model_path +
                            "); the hub client, matching names case-insensitively, reaches only one"));
  }
}

// Reports the path at `pointer` (`key`'s value) when it is unsafe (adding
// `pointer` to `reported`) or unportable.
void check_path(const ManifestDoc& doc, const std::string& pointer, const char* key, const std::string& path,
                Diagnostics& findings, std::set<std::string>& reported) {
  std::string why = zoo::unsafe_path_reason(path);
  if (why.empty()) {
    if (std::string unportable = zoo::unportable_path_reason(path); !unportable.empty()) {
      findings.add(doc.at(pointer, Severity::kWarning, check::kPathUnportable,
                          std::string(key) + " " + quoted(path) + ": " + unportable +
                              ", which the Python hub client (onnx.hub) puts into its download URL unescaped: "
                              "rename the file"));
    }
    return;
  }
  findings.add(doc.at(pointer, Severity::kError, check::kUnsafePath,
                      std::string(key) + " " + quoted(path) + " is not a safe zoo-relative path: " + why));
  reported.insert(pointer);
}

// Reports unsafe paths (also in entries lib/manifest could not read); returns
// the pointers reported, whose schema findings they replace.
std::set<std::string> check_paths(const nlohmann::json& json, const ManifestDoc& doc, Diagnostics& findings) {
  std::set<std::string> reported;
  auto check = [&](std::size_t index, const char* where, const char* key, const nlohmann::json& object) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_string()) return;  // the schema says what it is
    check_path(doc, entry_pointer(index, where, key), key, it->get<std::string>(), findings, reported);
  };
  if (!json.is_array()) return reported;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const nlohmann::json& element = json[i];
    if (!element.is_object()) continue;
    check(i, "", "model_path", element);
    auto meta = element.find("metadata");
    if (meta != element.end() && meta->is_object()) check(i, "metadata", "model_with_data_path", *meta);
  }
  return reported;
}

bool has_finding_at_or_below(const std::vector<Diagnostic>& findings, const std::string& pointer) {
  for (const Diagnostic& d : findings) {
    if (d.code != check::kSchema) continue;
    if (d.json_pointer == pointer || d.json_pointer.rfind(pointer + "/", 0) == 0) return true;
  }
  return false;
}

}  // namespace

DomFindings check_dom(const nlohmann::json& json, const ManifestDoc& doc, const SchemaChecker& schema) {
  DomFindings out;
  Diagnostics paths, unknown_keys;
  std::set<std::string> unsafe = check_paths(json, doc, paths);
  for (const SchemaViolation& v : schema.check(json)) {
    if (unsafe.count(v.json_pointer)) continue;  // path.unsafe says it better
    out.schema.push_back(
        doc.at(v.json_pointer, Severity::kError, check::kSchema,
               (v.json_pointer.empty() ? std::string("the document") : v.json_pointer) + ": " + v.message));
  }
  check_unknown_keys(json, doc, unknown_keys);
  out.paths = paths.take();
  out.unknown_keys = unknown_keys.take();
  return out;
}

DomFindings entry_path_findings(const ManifestDoc& doc) {
  Diagnostics paths;
  std::set<std::string> reported;
  for (std::size_t i = 0; i < doc.entries.size(); ++i) {
    const Entry& e = doc.entries[i];
    check_path(doc, entry_pointer(doc.index_of[i], "", "model_path"), "model_path", e.model_path, paths, reported);
    if (e.model_with_data_path) {
      check_path(doc, entry_pointer(doc.index_of[i], "metadata", "model_with_data_path"), "model_with_data_path",
                 *e.model_with_data_path, paths, reported);
    }
  }
  DomFindings out;
  out.paths = paths.take();
  return out;
}

void check_document(const ManifestDoc& doc, Diagnostics& findings) {
  const DomFindings& dom = doc.dom();
  for (const Diagnostic& d : dom.schema) findings.add(d);
  for (const Diagnostic& d : doc.entry_problems) {
    if (!has_finding_at_or_below(dom.schema, d.json_pointer)) findings.add(d);
  }
  for (const Diagnostic& d : dom.paths) findings.add(d);
  for (const Diagnostic& d : dom.unknown_keys) findings.add(d);
  check_order(doc, findings);
  check_duplicates(doc, findings);
}

}  // namespace ohm::validate
