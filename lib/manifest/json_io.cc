#include "manifest/json_io.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <mutex>
#include <optional>
#include <utility>

#include "core/checks.h"
#include "core/parallel.h"
#include "core/text.h"
#include "manifest/canonical_entry.h"

namespace ohm::manifest {
namespace {

// Error text for one field of one entry.
struct EntryReader {
  std::string problem;

  Json* field(Json& obj, const char* key, Json::value_t type, bool required) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required && problem.empty()) problem = std::string("missing \"") + key + "\"";
      return nullptr;
    }
    bool ok = it->type() == type || (type == Json::value_t::number_integer && it->is_number_unsigned()) ||
              (type == Json::value_t::number_unsigned && it->is_number_integer() && it->get<std::int64_t>() >= 0);
    if (!ok) {
      if (problem.empty()) problem = std::string("\"") + key + "\" has the wrong type";
      return nullptr;
    }
    return &*it;
  }
};

bool is_known_metadata_key(const std::string& key) {
  static const char* kKnown[] = {
      "model_sha",           "model_bytes",           "tags",         "io_ports", "extra_ports", "model_with_data_path",
      "model_with_data_sha", "model_with_data_bytes", "external_data"};
  for (const char* k : kKnown) {
    if (key == k) return true;
  }
  return false;
}

}  // namespace

bool entry_from_json(Json&& j, Entry* e, std::string* why) {
  if (!j.is_object()) {
    *why = "entry is not an object";
    return false;
  }
  EntryReader r;
  using T = Json::value_t;
  const Json* model = r.field(j, "model", T::string, true);
  const Json* path = r.field(j, "model_path", T::string, true);
  const Json* onnx = r.field(j, "onnx_version", T::string, true);
  const Json* opset = r.field(j, "opset_version", T::number_integer, true);
  Json* meta = r.field(j, "metadata", T::object, true);
  if (!r.problem.empty()) {
    *why = r.problem;
    return false;
  }
  e->model = model->get<std::string>();
  e->model_path = path->get<std::string>();
  e->onnx_version = onnx->get<std::string>();
  e->opset_version = opset->get<std::int64_t>();

  const Json* sha = r.field(*meta, "model_sha", T::string, false);
  const Json* bytes = r.field(*meta, "model_bytes", T::number_unsigned, false);
  const Json* tags = r.field(*meta, "tags", T::array, false);
  Json* io = r.field(*meta, "io_ports", T::object, false);
  Json* extra = r.field(*meta, "extra_ports", T::object, false);
  const Json* wd_path = r.field(*meta, "model_with_data_path", T::string, false);
  const Json* wd_sha = r.field(*meta, "model_with_data_sha", T::string, false);
  const Json* wd_bytes = r.field(*meta, "model_with_data_bytes", T::number_unsigned, false);
  Json* side = r.field(*meta, "external_data", T::array, false);
  if (!r.problem.empty()) {
    *why = "metadata: " + r.problem;
    return false;
  }
  if (sha) e->model_sha = sha->get<std::string>();
  if (bytes) e->model_bytes = bytes->get<std::uint64_t>();
  if (tags) {
    for (const Json& t : *tags) {
      if (!t.is_string()) {
        *why = "metadata: \"tags\" holds a value that is not a string";
        return false;
      }
      e->tags.push_back(t.get<std::string>());
    }
  }
  if (io) e->io_ports = std::move(*io);
  if (extra) e->extra_ports = std::move(*extra);
  if (wd_path) e->model_with_data_path = wd_path->get<std::string>();
  if (wd_sha) e->model_with_data_sha = wd_sha->get<std::string>();
  if (wd_bytes) e->model_with_data_bytes = wd_bytes->get<std::uint64_t>();
  if (side) e->external_data = std::move(*side);
  for (auto& [key, value] : meta->items()) {
    if (!is_known_metadata_key(key)) e->unknown_metadata[key] = std::move(value);
  }
  return true;
}

std::size_t json_nesting_depth(std::string_view text) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

std::string dump_python_style(const Json& value) {
  // ensure_ascii=true gives Python's \uXXXX escapes (lowercase, surrogate pairs).
  // Callers check UTF-8 first; `replace` only keeps a missed byte from throwing.
  return value.dump(4, ' ', true, Json::error_handler_t::replace);
}

namespace {

// One entry as dump_python_style writes it at the array's first level: the
// fields straight from the Entry (to_json's order), never copied into a DOM.
class EntryWriter {
 public:
  explicit EntryWriter(std::string& out)
      : out_(out),
        json_(nlohmann::detail::output_adapter<char, std::string>(out), ' ', Json::error_handler_t::replace) {}

  void write(const Entry& e) {
    out_ += "{\n";
    key(8, "model");
    text(e.model);
    key(8, "model_path", true);
    text(e.model_path);
    key(8, "onnx_version", true);
    text(e.onnx_version);
    key(8, "opset_version", true);
    out_ += std::to_string(e.opset_version);
    key(8, "metadata", true);
    out_ += "{\n";
    key(kMetadataIndent, "model_sha");
    text(e.model_sha);
    key(kMetadataIndent, "model_bytes", true);
    out_ += std::to_string(e.model_bytes);
    key(kMetadataIndent, "tags", true);
    texts(e.tags);
    if (e.io_ports) field("io_ports", e.io_ports);
    if (e.extra_ports) field("extra_ports", e.extra_ports);
    if (e.model_with_data_path) field("model_with_data_path", Json(*e.model_with_data_path));
    if (e.model_with_data_sha) field("model_with_data_sha", Json(*e.model_with_data_sha));
    if (e.model_with_data_bytes) field("model_with_data_bytes", Json(*e.model_with_data_bytes));
    if (e.external_data) field("external_data", e.external_data);
    for (const auto& [name, v] : e.unknown_metadata.items()) {
      out_ += ",\n";
      out_.append(kMetadataIndent, ' ');
      json_.dump(Json(name), true, true, 4, kMetadataIndent);
      out_ += ": ";
      value(v);
    }
    out_ += "\n        }\n    }";
  }

 private:
  void key(int indent, const char* name, bool after_another = false) {
    if (after_another) out_ += ",\n";
    out_.append(indent, ' ');
    out_ += '"';
    out_ += name;  // SPEC 1's keys: nothing to escape
    out_ += "\": ";
  }
  // Printable ASCII but " and \ is written as it is (as json.dumps does):
  // most of a manifest's text, spared a Json copy and the serializer.
  void text(const std::string& s) {
    const bool plain =
        std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; });
    if (!plain) {
      json_.dump(Json(s), true, true, 4, 0);
      return;
    }
    out_ += '"';
    out_ += s;
    out_ += '"';
  }
  // A list of strings at the metadata's level, as value(Json(list)) writes it.
  void texts(const std::vector<std::string>& list) {
    if (list.empty()) {
      out_ += "[]";
      return;
    }
    out_ += "[\n";
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i > 0) out_ += ",\n";
      out_.append(kMetadataIndent + 4, ' ');
      text(list[i]);
    }
    out_ += '\n';
    out_.append(kMetadataIndent, ' ');
    out_ += ']';
  }
  void value(const Json& v) { json_.dump(v, true, true, 4, kMetadataIndent); }
  void field(const char* name, const Json& v) {
    key(kMetadataIndent, name, true);
    value(v);
  }
  // A value read as the writer's own text is that text again.
  void field(const char* name, const SharedJson& v) {
    key(kMetadataIndent, name, true);
    if (const std::string* text = v.canonical_text(kMetadataIndent)) {
      out_ += *text;
    } else {
      value(*v);
    }
  }

  std::string& out_;
  nlohmann::detail::serializer<Json> json_;
};

}  // namespace

std::string write_manifest(std::size_t count, const std::function<const Entry&(std::size_t)>& entry_at) {
  return write_manifest_spliced(count, entry_at, [](std::size_t) { return std::string_view(); });
}

std::string write_manifest_spliced(std::size_t count, const std::function<const Entry&(std::size_t)>& entry_at,
                                   const std::function<std::string_view(std::size_t)>& text_at) {
  if (count == 0) return dump_python_style(Json::array());
  // Entries without their writer's bytes are written on every core, runs of
  // them each into its own string; then every entry, written or copied, goes
  // once into the one string returned (the bytes do not depend on how many
  // runs there are). Copied entries are never copied twice.
  constexpr std::size_t kEntriesPerRun = 1000;
  const std::size_t runs =
      std::max<std::size_t>(1, std::min<std::size_t>(std::min(8u, default_jobs()), count / kEntriesPerRun));
  std::vector<std::string> parts(runs);
  // Where entry i's written bytes are: parts[part_of[i]] from written_from[i]
  // to written_to[i] (nothing for an entry copied as its text).
  std::vector<std::uint32_t> part_of(count, 0);
  std::vector<std::size_t> written_from(count, 0), written_to(count, 0);
  auto write_run = [&](std::size_t r, std::size_t from, std::size_t to) {
    std::string& part = parts[r];
    EntryWriter writer(part);
    for (std::size_t i = from; i < to; ++i) {
      part_of[i] = static_cast<std::uint32_t>(r);
      written_from[i] = part.size();
      if (text_at(i).empty()) writer.write(entry_at(i));
      written_to[i] = part.size();
    }
  };
  bool failed = false;  // memory ran out in a thread: the calling thread redoes it, and throws there
  std::mutex failed_lock;
  for_each_run(count, runs, static_cast<unsigned>(runs), [&](std::size_t r, std::size_t from, std::size_t to) {
    try {
      write_run(r, from, to);
    } catch (const std::exception&) {
      std::lock_guard<std::mutex> hold(failed_lock);
      failed = true;
    }
  });
  if (failed) {
    parts.assign(1, std::string());
    write_run(0, 0, count);
  }
  std::size_t total = 4 + count * 6;  // "[\n" and "]", and each entry's indent and ",\n"
  for (const std::string& part : parts) total += part.size();
  for (std::size_t i = 0; i < count; ++i) total += text_at(i).size();
  std::string out;
  out.reserve(total);
  out += "[\n";
  for (std::size_t i = 0; i < count; ++i) {
    out.append(4, ' ');
    if (const std::string_view text = text_at(i); !text.empty()) {
      out += text;
    } else {
      out.append(parts[part_of[i]], written_from[i], written_to[i] - written_from[i]);
    }
    out += i + 1 < count ? ",\n" : "\n";
  }
  out += "]";
  return out;
}

std::string write_manifest(const std::vector<Entry>& entries) {
  return write_manifest(entries.size(), [&entries](std::size_t i) -> const Entry& { return entries[i]; });
}

Result<void> for_each_manifest_element(std::string_view text, const std::string& shown_path,
                                       const std::function<void(std::size_t, Json&&)>& each) {
  if (json_nesting_depth(text) > kMaxJsonDepth) {
    return problem(check::kManifestInvalid, shown_path + ":1: not a manifest: JSON nested deeper than " +
                                                std::to_string(kMaxJsonDepth) + " levels");
  }
  if (starts_with_byte_order_mark(text)) {
    return problem(check::kManifestInvalid, shown_path + ":1:1: not valid JSON: " + kByteOrderMarkRefused);
  }
  // Each element of the array is handed over as soon as it is parsed and
  // dropped from the document: the manifest is never held whole.
  std::size_t index = 0;
  bool root_is_array = false;
  auto take = [&](int depth, Json::parse_event_t event, Json& parsed) {
    using E = Json::parse_event_t;
    if (depth == 0) {
      if (event == E::array_start) root_is_array = true;
      return true;
    }
    if (depth != 1 || !root_is_array || !(event == E::object_end || event == E::array_end || event == E::value)) {
      return true;
    }
    each(index++, std::move(parsed));
    return false;
  };
  try {
    Json emptied = Json::parse(text.begin(), text.end(), take);  // every element was taken out
  } catch (const Json::parse_error& err) {
    LineColumn lc = line_column_at(text, err.byte > 0 ? err.byte - 1 : 0);
    std::string msg = err.what();
    // nlohmann prefixes "[json.exception.parse_error.101] parse error at line 1, column 2: ".
    auto colon = msg.find(": ");
    if (colon != std::string::npos) msg = msg.substr(colon + 2);
    return problem(check::kManifestInvalid, shown_path + ":" + std::to_string(lc.line) + ":" +
                                                std::to_string(lc.column) + ": not valid JSON: " + msg);
  } catch (const Json::out_of_range& err) {
    // A number too large for a double ("1e999"; found by fuzz_manifest): nlohmann
    // says "number overflow parsing '<literal>'" with no position, so find the literal.
    std::string msg = err.what();
    if (auto end = msg.find("] "); end != std::string::npos) msg = msg.substr(end + 2);
    std::size_t at = 0;
    if (auto q = msg.find('\''); q != std::string::npos && msg.size() > q + 1 && msg.back() == '\'') {
      at = text.find(msg.substr(q + 1, msg.size() - q - 2));
      if (at == std::string_view::npos) at = 0;
    }
    LineColumn lc = line_column_at(text, at);
    return problem(check::kManifestInvalid, shown_path + ":" + std::to_string(lc.line) + ":" +
                                                std::to_string(lc.column) + ": not valid JSON: " + msg);
  }
  if (!root_is_array) return problem(check::kManifestInvalid, shown_path + ":1: the manifest is not a JSON array");
  return {};
}

std::size_t skip_json_space(std::string_view text, std::size_t i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  return i;
}

std::size_t element_runs(std::size_t elements, std::size_t text_bytes) {
  constexpr std::size_t kBytesPerThread = 1u << 20;
  const std::size_t cores = std::min(8u, default_jobs());
  return std::max<std::size_t>(1, std::min({cores, text_bytes / kBytesPerThread, elements}));
}

std::optional<std::vector<std::string_view>> split_array_elements(std::string_view text) {
  if (starts_with_byte_order_mark(text)) return std::nullopt;
  std::size_t i = skip_json_space(text, 0);
  if (i >= text.size() || text[i] != '[') return std::nullopt;
  // Bytes that are neither whitespace nor plain scalars are rare (a tenth of
  // a manifest): the scan skips the others a table lookup at a time.
  static constexpr auto kStructural = [] {
    std::array<bool, 256> t{};
    for (char c : {'"', '[', '{', ']', '}', ','}) t[static_cast<unsigned char>(c)] = true;
    return t;
  }();
  std::vector<std::string_view> out;
  std::size_t depth = 1, start = i + 1;
  const char* p = text.data();
  const std::size_t n = text.size();
  for (++i; i < n; ++i) {
    while (i < n && !kStructural[static_cast<unsigned char>(p[i])]) ++i;
    if (i >= n) break;
    const char c = p[i];
    if (c == '"') {
      for (++i; i < n && p[i] != '"'; ++i) {
        if (p[i] == '\\') ++i;
      }
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return std::nullopt;
    } else if (c == ']' || c == '}') {
      if (--depth > 0) continue;
      std::string_view last = text.substr(start, i - start);
      if (!out.empty() || skip_json_space(last, 0) < last.size()) out.push_back(last);
      if (skip_json_space(text, i + 1) != text.size()) return std::nullopt;
      return out;
    } else if (depth == 1) {  // ','
      out.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return std::nullopt;
}

std::optional<std::vector<std::string_view>> split_writer_elements(std::string_view text) {
  static constexpr std::string_view kOpen = "[\n    {", kClose = "}\n]", kJoin = ",\n    {\n";
  if (text.size() < kOpen.size() + kClose.size() || text.substr(0, kOpen.size()) != kOpen ||
      text.substr(text.size() - kClose.size()) != kClose) {
    return std::nullopt;
  }
  // A "{" is one byte in twenty of a manifest: memchr passes over the rest.
  std::vector<std::string_view> out;
  const char* p = text.data();
  std::size_t start = 1, from = kOpen.size();
  constexpr std::size_t kBraceAt = 6;  // where the "{" is in kJoin
  while (const void* found = std::memchr(p + from, '{', text.size() - from)) {
    const std::size_t brace = static_cast<std::size_t>(static_cast<const char*>(found) - p);
    from = brace + 1;
    if (brace < kBraceAt || text.compare(brace - kBraceAt, kJoin.size(), kJoin) != 0) continue;
    const std::size_t comma = brace - kBraceAt;
    out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  out.push_back(text.substr(start, text.size() - 1 - start));
  return out;
}

namespace {

// An element as an ElementRead; its model_path is taken before the element
// is moved into the Entry, and kept only when it is not one.
ElementRead read_element(std::size_t index, Json&& element) {
  ElementRead r;
  r.index = index;
  if (element.is_object()) {
    auto it = element.find("model_path");
    if (it != element.end() && it->is_string()) r.model_path = it->get<std::string>();
  }
  Entry e;
  if (entry_from_json(std::move(element), &e, &r.why)) {
    r.entry = std::move(e);
    r.model_path.reset();
  }
  return r;
}

// What parsing a run of elements gave, in order; `failed` when one was not
// JSON (the serial reader then says where).
struct ParsedElements {
  std::vector<ElementRead> reads;
  bool failed = false;
};

void parse_elements(const std::vector<std::string_view>& elements, std::size_t from, std::size_t to, ElementForms forms,
                    const std::atomic<bool>& stop, ParsedElements& out) {
  // Nothing may escape a thread (std::terminate): an element that is not
  // JSON, or memory running out, leaves it to the serial reader in the
  // calling thread, which reports or throws as it always did.
  try {
    out.reads.reserve(to - from);
    for (std::size_t k = from; k < to && !stop; ++k) {
      if (std::optional<Entry> e = read_canonical_entry(elements[k])) {
        ElementRead r;
        r.index = k;
        r.entry = std::move(e);
        r.canonical = true;
        r.text = elements[k];
        out.reads.push_back(std::move(r));
      } else if (forms == ElementForms::kWriterBytesOnly) {
        out.failed = true;
        return;
      } else {
        out.reads.push_back(read_element(k, Json::parse(elements[k])));
        out.reads.back().text = elements[k];
      }
    }
  } catch (const std::exception&) {
    out.failed = true;
  }
}

}  // namespace

// Large manifests are parsed on every core, each thread a contiguous run of
// elements; the result does not depend on how many there are.
bool read_split_elements(const std::vector<std::string_view>& elements, std::size_t text_bytes,
                         const std::function<void(ElementRead&&)>& each, ElementForms forms) {
  const std::size_t runs = element_runs(elements.size(), text_bytes);
  std::vector<ParsedElements> parts(runs);
  std::atomic<bool> stop{false};  // one run failed: the others need not go on
  for_each_run(elements.size(), runs, static_cast<unsigned>(runs),
               [&](std::size_t r, std::size_t from, std::size_t to) {
                 parse_elements(elements, from, to, forms, stop, parts[r]);
                 if (parts[r].failed) stop = true;
               });
  if (stop) return false;
  for (ParsedElements& part : parts) {
    for (ElementRead& r : part.reads) each(std::move(r));
    part.reads = {};  // each run's entries go once they are handed over
  }
  return true;
}

Result<void> read_manifest_elements(std::string_view text, const std::string& shown_path,
                                    const std::function<void(ElementRead&&)>& each) {
  // What generate wrote is split without a scan of every byte.
  if (auto elements = split_writer_elements(text)) {
    if (read_split_elements(*elements, text.size(), each, ElementForms::kWriterBytesOnly)) return {};
  }
  if (auto elements = split_array_elements(text)) {
    if (read_split_elements(*elements, text.size(), each)) return {};
  }
  // Not a plain array of JSON values: the element-by-element reader says why.
  return for_each_manifest_element(
      text, shown_path, [&](std::size_t index, Json&& element) { each(read_element(index, std::move(element))); });
}

namespace {

// A manifest all in the writer's bytes, each element read straight into its
// place on every core (no element is held twice, and the vector never grows);
// nullopt when one is in other bytes (a hand edit: the general reader then
// splits it again).
std::optional<std::vector<Entry>> read_writer_manifest(std::string_view text, std::vector<TextSpan>* writer_texts) {
  const std::optional<std::vector<std::string_view>> elements = split_writer_elements(text);
  if (!elements) return std::nullopt;
  const std::size_t runs = element_runs(elements->size(), text.size());
  std::vector<Entry> out(elements->size());
  std::atomic<bool> failed{false};
  for_each_run(elements->size(), runs, static_cast<unsigned>(runs), [&](std::size_t, std::size_t from, std::size_t to) {
    try {  // nothing may leave a thread: the general reader redoes it, and throws there
      for (std::size_t k = from; k < to && !failed; ++k) {
        if (std::optional<Entry> e = read_canonical_entry((*elements)[k])) {
          out[k] = std::move(*e);
        } else {
          failed = true;
        }
      }
    } catch (const std::exception&) {
      failed = true;
    }
  });
  if (failed) return std::nullopt;
  if (writer_texts) {
    writer_texts->clear();
    writer_texts->reserve(elements->size());
    for (std::string_view element : *elements) {
      const std::string_view own = writer_entry_text(element);
      writer_texts->push_back({static_cast<std::size_t>(own.data() - text.data()), own.size()});
    }
  }
  return out;
}

}  // namespace

Result<std::vector<Entry>> parse_manifest(std::string_view text, const std::string& shown_path, Diagnostics& diags,
                                          std::vector<TextSpan>* writer_texts) {
  if (std::optional<std::vector<Entry>> read = read_writer_manifest(text, writer_texts)) return std::move(*read);
  std::vector<Entry> out;
  std::vector<Diagnostic> rejected;
  if (writer_texts) writer_texts->clear();
  Result<void> read = read_manifest_elements(text, shown_path, [&](ElementRead&& r) {
    if (r.entry) {
      out.push_back(std::move(*r.entry));
      if (writer_texts) {
        const std::string_view own = r.canonical ? writer_entry_text(r.text) : std::string_view();
        writer_texts->push_back(own.empty() ? TextSpan{}
                                            : TextSpan{static_cast<std::size_t>(own.data() - text.data()), own.size()});
      }
      return;
    }
    rejected.push_back({Severity::kError, shown_path, 0, 0, check::kManifestEntryInvalid, r.problem(), r.pointer()});
  });
  if (!read) return read.failure();
  for (Diagnostic& d : rejected) diags.add(std::move(d));
  return out;
}

Result<std::vector<Entry>> parse_manifest_beside(std::string_view text, const std::string& shown_path,
                                                 Diagnostics& diags, std::vector<TextSpan>* writer_texts,
                                                 const std::vector<Entry>& known,
                                                 const std::vector<std::string_view>& known_texts) {
  const std::optional<std::vector<std::string_view>> elements = split_writer_elements(text);
  if (!elements || known.size() != known_texts.size()) return parse_manifest(text, shown_path, diags, writer_texts);
  std::vector<Entry> out;
  std::vector<TextSpan> spans;
  out.reserve(elements->size());
  spans.reserve(elements->size());
  std::size_t k = 0;  // the known entry this element pairs with
  for (std::string_view element : *elements) {
    const std::string_view own = writer_entry_text(element);
    if (k < known.size() && !known_texts[k].empty() && known_texts[k] == own) {
      out.push_back(known[k++]);  // the same bytes: read_canonical_entry would give it again
    } else {
      std::optional<Entry> e = read_canonical_entry(element);
      if (!e) return parse_manifest(text, shown_path, diags, writer_texts);  // not all in the writer's bytes
      // Past the known entries this one's path follows: the next may pair again.
      while (k < known.size() && known[k].model_path < e->model_path) ++k;
      if (k < known.size() && known[k].model_path == e->model_path) ++k;
      out.push_back(std::move(*e));
    }
    spans.push_back({static_cast<std::size_t>(own.data() - text.data()), own.size()});
  }
  if (writer_texts) *writer_texts = std::move(spans);
  return out;
}

}  // namespace ohm::manifest
