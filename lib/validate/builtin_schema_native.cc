#include "validate/builtin_schema_native.h"

#include <cstdint>
#include <exception>
#include <limits>

#include "hash/sha256.h"
#include "manifest/canonical_entry.h"
#include "validate/schema_guards.h"

namespace ohm::validate {
namespace {

using manifest::Json;

enum Kind { kIoPorts = 0, kExtraPorts = 1, kExternalData = 2 };

// Short enough that std::regex may match it (schema_guards refuses longer),
// and with no NUL, before which valijson's minLength stops counting (the
// writer's bytes hold none; this holds if that ever changes).
bool short_string(std::string_view s) {
  return s.size() <= kMaxMatchedString && s.find('\0') == std::string_view::npos;
}

// What valijson's "minimum": 0 passes: it reads integers as int64.
bool fits_int64(std::uint64_t v) { return v <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()); }

// "sha256": { "pattern": "^[0-9a-f]{64}$" }
bool sha256(std::string_view s) { return hash::is_sha256_hex(s); }

// "zoo_path": minLength 1, pattern "^[^/\\][^\\]*$", not pattern "(^|/)\.\.(/|$)".
bool zoo_path(std::string_view s) {
  if (s.empty() || !short_string(s) || s.front() == '/' || s.find('\\') != std::string_view::npos) return false;
  for (std::size_t from = 0;;) {
    const std::size_t slash = s.find('/', from);
    if (s.substr(from, slash == std::string_view::npos ? std::string_view::npos : slash - from) == "..") return false;
    if (slash == std::string_view::npos) return true;
    from = slash + 1;
  }
}

// "archive_path": a zoo_path and pattern "\.tar\.gz$".
bool archive_path(std::string_view s) {
  constexpr std::string_view kEnd = ".tar.gz";
  return zoo_path(s) && s.size() >= kEnd.size() && s.substr(s.size() - kEnd.size()) == kEnd;
}

// "size": integer, minimum 0.
bool size(const Json& v) {
  if (v.is_number_unsigned()) return fits_int64(v.get<std::uint64_t>());
  return v.is_number_integer() && v.get<std::int64_t>() >= 0;
}

// An object whose every key is short (schema_guards refuses long keys).
bool object_with_short_keys(const Json& v) {
  if (!v.is_object()) return false;
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (!short_string(it.key())) return false;
  }
  return true;
}

// Every string anywhere in `v` is short (what "extra keys are allowed" leaves unchecked).
bool all_strings_short(const Json& v) {
  if (v.is_string()) return short_string(v.get_ref<const std::string&>());
  if (v.is_object() && !object_with_short_keys(v)) return false;
  if (v.is_structured()) {
    for (const Json& item : v) {
      if (!all_strings_short(item)) return false;
    }
  }
  return true;
}

// "port": object, required name (string), shape (array of integer, string
// or null), type (string, minLength 1); other keys allowed.
bool port(const Json& p) {
  if (!object_with_short_keys(p) || !all_strings_short(p)) return false;
  auto name = p.find("name"), shape = p.find("shape"), type = p.find("type");
  if (name == p.end() || shape == p.end() || type == p.end()) return false;
  if (!name->is_string() || !type->is_string() || type->get_ref<const std::string&>().empty()) return false;
  if (!shape->is_array()) return false;
  for (const Json& d : *shape) {
    if (!(d.is_number_integer() || d.is_number_unsigned() || d.is_string() || d.is_null())) return false;
  }
  return true;
}

bool list_of(const Json& object, const char* key, bool (*item)(const Json&)) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_array()) return false;
  for (const Json& x : *it) {
    if (!item(x)) return false;
  }
  return true;
}

// "io_ports": object, required inputs and outputs, arrays of ports.
bool io_ports(const Json& v) {
  return object_with_short_keys(v) && all_strings_short(v) && list_of(v, "inputs", port) && list_of(v, "outputs", port);
}

// "extra_ports": object, required features: array of objects with name
// (string) and shape (array of integers).
bool feature(const Json& f) {
  if (!object_with_short_keys(f)) return false;
  auto name = f.find("name"), shape = f.find("shape");
  if (name == f.end() || shape == f.end() || !name->is_string() || !shape->is_array()) return false;
  for (const Json& d : *shape) {
    if (!(d.is_number_integer() || d.is_number_unsigned())) return false;
  }
  return true;
}

bool extra_ports(const Json& v) {
  return object_with_short_keys(v) && all_strings_short(v) && list_of(v, "features", feature);
}

// "external_data": array, minItems 1, of objects with exactly path (zoo_path),
// sha (sha256) and bytes (size).
bool side_file(const Json& f) {
  if (!f.is_object() || f.size() != 3) return false;
  auto path = f.find("path"), sha = f.find("sha"), bytes = f.find("bytes");
  if (path == f.end() || sha == f.end() || bytes == f.end()) return false;
  return path->is_string() && zoo_path(path->get_ref<const std::string&>()) && sha->is_string() &&
         sha256(sha->get_ref<const std::string&>()) && size(*bytes);
}

bool external_data(const Json& v) {
  if (!v.is_array() || v.empty()) return false;
  for (const Json& f : v) {
    if (!side_file(f)) return false;
  }
  return true;
}

}  // namespace

bool native_check_applies(std::string_view schema_text) { return hash::sha256_hex(schema_text) == kNativeSchemaSha256; }

bool NativeSchemaCheck::passes_text(const manifest::SharedJson& value, int kind) {
  // Kept as the writer's text (canonical entries always are): judged once per text.
  const std::string* text = value.canonical_text(manifest::kMetadataIndent);
  if (text == nullptr) return false;
  auto [it, fresh] = verdicts_[kind].try_emplace(*text, false);
  if (!fresh) return it->second;
  try {
    const Json v = Json::parse(*text);
    it->second = kind == kIoPorts ? io_ports(v) : kind == kExtraPorts ? extra_ports(v) : external_data(v);
  } catch (const std::exception&) {
    it->second = false;  // the entry pass read it: not expected
  }
  return it->second;
}

bool NativeSchemaCheck::passes(const manifest::Entry& e) {
  // "entry": model (minLength 1), model_path (zoo_path), onnx_version
  // (string), opset_version (integer, minimum 0), metadata.
  if (!e.unknown_metadata.empty()) return false;
  if (e.model.empty() || !short_string(e.model) || !zoo_path(e.model_path) || !short_string(e.onnx_version) ||
      e.opset_version < 0) {
    return false;
  }
  // "metadata": model_sha (sha256), model_bytes (size), tags (strings, minLength 1).
  if (!sha256(e.model_sha) || !fits_int64(e.model_bytes)) return false;
  for (const std::string& tag : e.tags) {
    if (tag.empty() || !short_string(tag)) return false;
  }
  if (e.io_ports && !passes_text(e.io_ports, kIoPorts)) return false;
  if (e.extra_ports && !passes_text(e.extra_ports, kExtraPorts)) return false;
  if (e.external_data && !passes_text(e.external_data, kExternalData)) return false;
  // The archive's three keys, each requiring the others (its "dependencies").
  const bool path = e.model_with_data_path.has_value(), sha = e.model_with_data_sha.has_value(),
             bytes = e.model_with_data_bytes.has_value();
  if (path != sha || path != bytes) return false;
  if (path && (!archive_path(*e.model_with_data_path) || !sha256(*e.model_with_data_sha) ||
               !fits_int64(*e.model_with_data_bytes))) {
    return false;
  }
  return true;
}

}  // namespace ohm::validate
