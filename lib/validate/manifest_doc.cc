#include "validate/manifest_doc.h"

#include <algorithm>
#include <atomic>
#include <future>
#include <system_error>

#include "core/checks.h"
#include "core/parallel.h"
#include "manifest/json_io.h"
#include "validate/builtin_schema_native.h"
#include "validate/document_checks.h"

namespace ohm::validate {
namespace {

// The document of a plain array (`elements`, as manifest::split_array_elements
// found them), a large one's elements parsed on every core as the entry pass
// parses them; nullopt when one is not JSON, for the serial index to place.
std::optional<nlohmann::json> parse_elements(const std::vector<std::string_view>& elements, std::size_t text_bytes) {
  const std::size_t runs = manifest::element_runs(elements.size(), text_bytes);
  nlohmann::json::array_t items(elements.size());
  std::vector<char> failed(runs, 0);
  for_each_run(elements.size(), runs, static_cast<unsigned>(runs),
               [&](std::size_t r, std::size_t from, std::size_t to) {
                 // Nothing may escape a thread: an element that is not JSON, or memory
                 // running out, leaves the document to the serial index.
                 try {
                   for (std::size_t k = from; k < to; ++k) {
                     items[k] = nlohmann::json::parse(elements[k]);
                   }
                 } catch (const std::exception&) {
                   failed[r] = 1;
                 }
               });
  if (std::count(failed.begin(), failed.end(), 1) > 0) return std::nullopt;
  nlohmann::json document = nlohmann::json::array();
  document.get_ref<nlohmann::json::array_t&>() = std::move(items);
  return document;
}

// Every element's ElementRead, in order; nullopt when one is not JSON (or,
// with kWriterBytesOnly, not in the writer's bytes).
std::optional<std::vector<manifest::ElementRead>> read_entries(
    std::string_view text, const std::vector<std::string_view>& elements,
    manifest::ElementForms forms = manifest::ElementForms::kAnyJson) {
  std::vector<manifest::ElementRead> reads;
  reads.reserve(elements.size());
  if (!manifest::read_split_elements(
          elements, text.size(), [&reads](manifest::ElementRead&& r) { reads.push_back(std::move(r)); }, forms)) {
    return std::nullopt;
  }
  return reads;
}

// Whether every element is in the writer's bytes and certainly passes the
// built-in schema (builtin_schema_native.h), checked on every core as the
// entries were read.
bool passes_natively(const std::vector<manifest::ElementRead>& reads, std::size_t text_bytes) {
  for (const manifest::ElementRead& r : reads) {
    if (!r.canonical || !r.entry) return false;
  }
  const std::size_t runs = manifest::element_runs(reads.size(), text_bytes);
  std::atomic<bool> doubt{false};
  for_each_run(reads.size(), runs, static_cast<unsigned>(runs), [&](std::size_t, std::size_t from, std::size_t to) {
    try {  // nothing may leave a thread; memory running out is a doubt
      NativeSchemaCheck check;
      for (std::size_t k = from; k < to && !doubt; ++k) {
        if (!check.passes(*reads[k].entry)) doubt = true;
      }
    } catch (const std::exception&) {
      doubt = true;
    }
  });
  return !doubt;
}

// `r` into `doc`: its entry, with its line, or what is wrong with it.
void take_entry(manifest::ElementRead&& r, ManifestDoc& doc) {
  if (r.entry) {
    r.entry->line = doc.positions.find(entry_pointer(r.index)).line;
    doc.entries.push_back(std::move(*r.entry));
    doc.index_of.push_back(r.index);
    return;
  }
  if (r.model_path) doc.unreadable_paths.push_back(*r.model_path);
  doc.entry_problems.push_back(doc.at(r.pointer(), Severity::kError, check::kManifestEntryInvalid, r.problem()));
}

void take_entries(std::vector<manifest::ElementRead>&& reads, ManifestDoc& doc) {
  doc.entries.reserve(doc.entries.size() + reads.size());  // an entry is large: each moved once
  doc.index_of.reserve(doc.index_of.size() + reads.size());
  for (manifest::ElementRead& r : reads) take_entry(std::move(r), doc);
  reads.clear();
}

}  // namespace

ManifestDoc::~ManifestDoc() {
  if (pending_.valid()) pending_.wait();  // the thread reads this object and the document
}

const DomFindings& ManifestDoc::dom() const {
  if (pending_.valid()) dom_ = pending_.get();
  return dom_;
}

Diagnostic ManifestDoc::at(const std::string& pointer, Severity severity, const char* code, std::string message) const {
  LineColumn lc = positions.find(pointer);
  return {severity, shown_path, lc.line, lc.column, code, std::move(message), pointer};
}

std::unique_ptr<ManifestDoc> read_manifest_doc(std::string_view text, const std::string& shown_path,
                                               Diagnostics& findings, const SchemaChecker* schema) {
  auto doc = std::make_unique<ManifestDoc>();
  doc->shown_path = shown_path;
  // A plain array is read element by element, and placed only as deep as its
  // elements until a finding needs more; anything else, or an element that is
  // not JSON, goes to the whole-text index, which says where it is wrong.
  // The entries first, when the built-in schema's native check may spare the
  // document: a manifest generate wrote needs none (passes_natively), and is
  // split by its braces alone (split_writer_elements: it is, when every
  // element is in the writer's bytes). Otherwise they are kept for below, up
  // to kOverlapBytes (a larger manifest is never in memory twice: its entries
  // are read again once its document is gone).
  constexpr std::size_t kOverlapBytes = 16u << 20;
  const bool native = schema && schema->native_check_applies();
  std::optional<std::vector<std::string_view>> elements;
  std::optional<std::vector<manifest::ElementRead>> reads;
  if (native && (elements = manifest::split_writer_elements(text))) {
    reads = read_entries(text, *elements, manifest::ElementForms::kWriterBytesOnly);
  }
  if (!reads) {
    elements = manifest::split_array_elements(text);
    if (elements && native) reads = read_entries(text, *elements);
  }
  if (reads) {
    if (passes_natively(*reads, text.size())) {
      doc->positions.index_elements(text, *elements);
      doc->is_array = true;
      doc->elements = elements->size();
      take_entries(std::move(*reads), *doc);
      doc->dom_ = entry_path_findings(*doc);
      doc->judged_natively = true;
      return doc;
    }
    if (text.size() > kOverlapBytes) reads.reset();
  }

  auto json = std::make_shared<nlohmann::json>();
  std::optional<nlohmann::json> parsed;
  if (elements) parsed = parse_elements(*elements, text.size());
  if (parsed) {
    *json = std::move(*parsed);
    doc->positions.index_elements(text, *elements);
  } else if (auto bad = doc->positions.index(text, json.get())) {
    findings.add({Severity::kError,
                  shown_path,
                  bad->line,
                  bad->column,
                  check::kManifestJson,
                  "not valid JSON: " + bad->message,
                  {}});
    return nullptr;
  }
  doc->is_array = json->is_array();
  doc->elements = doc->is_array ? json->size() : 0;
  // The schema checks its document on a thread of its own while the entries
  // are read and the caller compares the zoo (check_dom only reads the
  // document and `doc`'s positions and name, which nothing else changes).
  // Both are then held at once, so only for a manifest of up to
  // kOverlapBytes; a larger one's document (keys sorted) goes before the
  // entries come.
  if (schema && doc->is_array && text.size() <= kOverlapBytes) {
    try {
      const ManifestDoc* in = doc.get();
      // The thread drops the document when done with it (freeing it takes time too).
      doc->pending_ = std::async(std::launch::async, [document = json, in, schema]() mutable {
        DomFindings found = check_dom(*document, *in, *schema);
        document.reset();
        return found;
      });
    } catch (const std::system_error&) {  // no thread to be had: one after the other
    }
  }
  if (!doc->pending_.valid() && schema) doc->dom_ = check_dom(*json, *doc, *schema);
  json.reset();
  if (!doc->is_array) return doc;  // the schema says what it is

  // The entries in their own pass over the text (on every core for a large
  // manifest), keeping key order, each element dropped once it is an Entry.
  if (reads) {
    take_entries(std::move(*reads), *doc);
    return doc;
  }
  Result<void> read = manifest::read_manifest_elements(
      text, shown_path, [&](manifest::ElementRead&& r) { take_entry(std::move(r), *doc); });
  if (!read) {  // the same text parsed above: not expected
    doc->entries.clear();
    doc->index_of.clear();
  }
  return doc;
}

}  // namespace ohm::validate
