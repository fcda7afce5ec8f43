#include "validate/zoo_checks.h"

#include <algorithm>
#include <map>
#include <optional>

#include "core/checks.h"
#include "manifest/json_io.h"
#include "validate/document_checks.h"
#include "zoo/zoo_paths.h"

namespace ohm::validate {
namespace {

using manifest::Entry;
using manifest::Json;

std::string shown(const Json& value) {
  std::string s = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  return s.size() <= 160 ? s : s.substr(0, 157) + "...";
}

// A field's value, nullptr when the entry has none.
const Json* value_of(const Json& v) { return &v; }
const Json* value_of(const std::optional<Json>& v) { return v ? &*v : nullptr; }
const Json* value_of(const manifest::SharedJson& v) { return v ? &*v : nullptr; }

bool same_value(const Json* a, const Json* b) { return a == b || (a && b && *a == *b); }

// A field's value as the manifest has it ("absent" when it has none) and as
// its source gives it ("none").
std::string shown(const Json* value) { return value ? shown(*value) : "absent"; }
std::string given(const Json* value) { return value ? shown(*value) : "none"; }

template <typename T>
std::optional<Json> as_json(const std::optional<T>& v) {
  return v ? std::optional<Json>(Json(*v)) : std::nullopt;
}

std::string row_of(const zoo::EntryOrigin& origin) { return origin.readme + ":" + std::to_string(origin.line); }

// Compares one manifest entry with its regenerated counterpart.
class EntryComparer {
 public:
  EntryComparer(const ManifestDoc& doc, std::size_t index, const Entry& ours, const zoo::BuiltEntry& built,
                Diagnostics& findings)
      : doc_(doc), index_(index), ours_(ours), theirs_(built.entry), origin_(built.origin), findings_(findings) {}

  void run() {
    field("", "model", Json(ours_.model), Json(theirs_.model));
    field("", "onnx_version", Json(ours_.onnx_version), Json(theirs_.onnx_version));
    field("", "opset_version", Json(ours_.opset_version), Json(theirs_.opset_version));
    field("metadata", "tags", Json(ours_.tags), Json(theirs_.tags));
    artifact("model_sha", "model_bytes", ours_.model_path, Json(ours_.model_sha), Json(theirs_.model_sha),
             Json(ours_.model_bytes), Json(theirs_.model_bytes));
    field("metadata", "model_with_data_path", as_json(ours_.model_with_data_path),
          as_json(theirs_.model_with_data_path));
    if (ours_.model_with_data_path == theirs_.model_with_data_path && theirs_.model_with_data_path) {
      artifact("model_with_data_sha", "model_with_data_bytes", *theirs_.model_with_data_path,
               as_json(ours_.model_with_data_sha).value_or(Json()),
               as_json(theirs_.model_with_data_sha).value_or(Json()),
               as_json(ours_.model_with_data_bytes).value_or(Json()),
               as_json(theirs_.model_with_data_bytes).value_or(Json()));
    }
    if (origin_.ports_from_content) {
      field("metadata", "io_ports", ours_.io_ports, theirs_.io_ports, "the model declares ");
      field("metadata", "extra_ports", ours_.extra_ports, theirs_.extra_ports, "the model gives ");
    }
    if (origin_.model_opset && *origin_.model_opset != theirs_.opset_version) {
      findings_.add({Severity::kError,
                     origin_.readme,
                     origin_.line,
                     0,
                     check::kOpsetMismatch,
                     "the Opset version cell says " + std::to_string(theirs_.opset_version) + " but " +
                         theirs_.model_path + " imports opset " + std::to_string(*origin_.model_opset) +
                         " of the default domain",
                     {}});
    }
    if (origin_.external_data_known) side_files();
  }

 private:
  // The manifest's external_data against the side files the model reads:
  // each listed once, with its sha and size (a missing or unsafe file was
  // reported by the regeneration already).
  void side_files() {
    auto by_path = [](const manifest::SharedJson& list) {
      std::map<std::string, Json> out;
      if (!list || !list->is_array()) return out;
      for (const Json& f : *list) {
        if (f.is_object() && f.contains("path") && f["path"].is_string()) out[f["path"].get<std::string>()] = f;
      }
      return out;
    };
    const std::map<std::string, Json> listed = by_path(ours_.external_data), read = by_path(theirs_.external_data);
    const std::string pointer = entry_pointer(index_, "metadata", "external_data");
    const std::string tail = " (README " + row_of(origin_) + ")";
    bool found = false;
    for (const auto& [path, file] : listed) {
      auto it = read.find(path);
      const auto& unread = origin_.side_files_unread;
      if (it == read.end() && std::find(unread.begin(), unread.end(), path) != unread.end()) {
        found = true;  // missing or unreadable: the regeneration's finding at the row says so, once
        continue;
      }
      if (it == read.end()) {
        found = true;
        findings_.add(doc_.at(pointer, Severity::kError, check::kExternalDataUnlisted,
                              "external_data lists " + path + ", which " + theirs_.model_path +
                                  " does not read (or which cannot be read)" + tail));
        continue;
      }
      if (file.value("sha", Json()) != it->second.value("sha", Json())) {
        found = true;
        findings_.add(doc_.at(pointer, Severity::kError, check::kShaMismatch,
                              "external_data gives sha " + shown(file.value("sha", Json())) + " for " + path +
                                  " but it has sha256 " + shown(it->second.value("sha", Json())) + tail));
      }
      if (file.value("bytes", Json()) != it->second.value("bytes", Json())) {
        found = true;
        findings_.add(doc_.at(pointer, Severity::kError, check::kSizeMismatch,
                              "external_data gives " + shown(file.value("bytes", Json())) + " bytes for " + path +
                                  " but it has " + shown(it->second.value("bytes", Json())) + tail));
      }
    }
    for (const auto& [path, file] : read) {
      if (listed.count(path)) continue;
      found = true;
      findings_.add(doc_.at(pointer, Severity::kError, check::kExternalDataUnlisted,
                            theirs_.model_path + " reads tensors from " + path + ", which external_data " +
                                (ours_.external_data ? "does not list" : "is absent to list") +
                                ": the hub would not download it" + tail));
    }
    // Anything else (key order, a malformed item) is a stale field.
    if (!found) field("metadata", "external_data", ours_.external_data, theirs_.external_data, "the zoo gives ");
  }

  template <typename Ours, typename Theirs>
  void field(const char* where, const char* key, const Ours& ours_value, const Theirs& theirs_value,
             const char* source = "") {
    const Json* ours = value_of(ours_value);
    const Json* theirs = value_of(theirs_value);
    if (same_value(ours, theirs)) return;
    std::string said =
        std::string(source).empty() ? "the README row " + row_of(origin_) + " gives " : std::string(source);
    findings_.add(doc_.at(entry_pointer(index_, where, key), Severity::kError, check::kEntryStale,
                          std::string(key) + " is " + shown(ours) + " but " + said + given(theirs) +
                              (std::string(source).empty() ? "" : " (README " + row_of(origin_) + ")")));
  }

  void artifact(const char* sha_key, const char* bytes_key, const std::string& path, const Json& our_sha,
                const Json& their_sha, const Json& our_bytes, const Json& their_bytes) {
    std::string tail = " (README " + row_of(origin_) + ")";
    if (our_sha != their_sha) {
      findings_.add(doc_.at(
          entry_pointer(index_, "metadata", sha_key), Severity::kError, check::kShaMismatch,
          std::string(sha_key) + " is " + shown(our_sha) + " but " + path + " has sha256 " + shown(their_sha) + tail));
    }
    if (our_bytes != their_bytes) {
      findings_.add(doc_.at(entry_pointer(index_, "metadata", bytes_key), Severity::kError, check::kSizeMismatch,
                            std::string(bytes_key) + " is " + shown(our_bytes) + " but " + path + " has " +
                                shown(their_bytes) + " bytes" + tail));
    }
  }

  const ManifestDoc& doc_;
  std::size_t index_;
  const Entry& ours_;
  const Entry& theirs_;
  const zoo::EntryOrigin& origin_;
  Diagnostics& findings_;
};

// Ports of an entry whose content is absent: the base manifest's entry with the same sha vouches for them.
void check_ports_against_base(const zoo::Source& source, const ManifestDoc& doc, std::size_t index, const Entry& ours,
                              const zoo::BuiltEntry& built, const BaseManifest& base, Diagnostics& findings,
                              CompareStats& stats) {
  const std::string& sha = built.entry.model_sha;
  auto it = base.by_sha.find(sha);
  if (it == base.by_sha.end()) {
    if (!ours.io_ports) return;
    ++stats.ports_unchecked;
    std::string path = built.entry.model_path;
    findings.add(doc.at(entry_pointer(index, "metadata", "io_ports"), Severity::kWarning, check::kPortsUnverified,
                        "io_ports of " + path + " cannot be checked: its content is absent and " +
                            (base.name.empty() ? std::string("there is no base manifest")
                                               : "the manifest at " + base.name + " has no entry with its sha") +
                            "; fetch it (" + zoo::lfs_pull_hint(source, path) + ") to verify them"));
    return;
  }
  const Entry& vouched = *it->second;
  auto compare = [&](const char* key, const manifest::SharedJson& mine, const manifest::SharedJson& known) {
    if (mine == known) return;
    findings.add(doc.at(entry_pointer(index, "metadata", key), Severity::kError, check::kPortsMismatch,
                        std::string(key) + " is " + shown(value_of(mine)) + " but the manifest at " + base.name +
                            " gives " + given(value_of(known)) + " for the same model_sha (" + vouched.model_path +
                            ")"));
  };
  compare("io_ports", ours.io_ports, vouched.io_ports);
  compare("extra_ports", ours.extra_ports, vouched.extra_ports);
}

// The path an entry is matched by: its own, or its normal form when it is
// unsafe only in form ("a/./b", "a/../a/b").
std::string match_key(const std::string& path) {
  if (zoo::unsafe_path_reason(path).empty()) return path;
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string part = path.substr(start, end - start);
    if (part == "..") {
      if (out.empty()) return path;
      out.pop_back();
    } else if (!part.empty() && part != ".") {
      out.push_back(part);
    }
    start = end + 1;
  }
  std::string joined;
  for (const std::string& p : out) joined += (joined.empty() ? "" : "/") + p;
  return zoo::unsafe_path_reason(joined).empty() ? joined : path;
}

}  // namespace

CompareStats compare_with_zoo(const zoo::Source& source, const ManifestDoc& doc, const zoo::GenerateResult& regenerated,
                              const BaseManifest& base, Diagnostics& findings, const zoo::Shard* shard) {
  CompareStats stats;
  std::multimap<std::string, std::size_t> unmatched;  // path -> position in doc.entries
  for (std::size_t i = 0; i < doc.entries.size(); ++i) {
    if (shard && !zoo::in_shard(*shard, doc.entries[i].model_path)) continue;
    unmatched.emplace(match_key(doc.entries[i].model_path), i);
  }

  for (const zoo::BuiltEntry& built : regenerated.entries) {
    auto it = unmatched.find(built.entry.model_path);
    const bool own_row = !built.origin.readme.empty() && !built.origin.kept_previous;
    if (it == unmatched.end()) {
      if (!own_row) continue;
      const std::string& path = built.entry.model_path;
      if (std::find(doc.unreadable_paths.begin(), doc.unreadable_paths.end(), path) != doc.unreadable_paths.end()) {
        continue;  // its entry is there, but the schema rejected it
      }
      findings.add({Severity::kError,
                    built.origin.readme,
                    built.origin.line,
                    0,
                    check::kEntryMissing,
                    "the row \"" + built.entry.model + "\" (" + path + ", opset " +
                        std::to_string(built.entry.opset_version) +
                        ") has no manifest entry; run onnx-hub-manifest generate",
                    {}});
      continue;
    }
    std::size_t i = it->second;
    unmatched.erase(it);
    if (!own_row) continue;
    const Entry& ours = doc.entries[i];
    EntryComparer(doc, doc.index_of[i], ours, built, findings).run();
    if (!built.origin.ports_from_content) {
      check_ports_against_base(source, doc, doc.index_of[i], ours, built, base, findings, stats);
    }
  }

  std::vector<std::size_t> extra;
  for (const auto& [path, i] : unmatched) extra.push_back(i);
  std::sort(extra.begin(), extra.end());
  for (std::size_t i : extra) {
    const Entry& e = doc.entries[i];
    findings.add(doc.at(entry_pointer(doc.index_of[i]), Severity::kError, check::kEntryExtra,
                        "the entry \"" + e.model + "\" (" + e.model_path +
                            ") has no README row: no model README of the zoo links this file"));
  }
  return stats;
}

}  // namespace ohm::validate
