#include "validate/schema_check.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <optional>
#include <set>

// Without this valijson prints and abort()s on a schema it cannot use.
#define VALIJSON_USE_EXCEPTIONS 1
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "core/parallel.h"
#include "validate/builtin_schema_native.h"
#include "validate/json_positions.h"
#include "validate/schema_guards.h"

namespace ohm::validate {

struct SchemaChecker::Impl {
  valijson::Schema schema;
  // For a schema that only says "an array whose items each match S": S, with
  // the root's definitions, so that a large array's items are checked on
  // every core (per_item_schema).
  std::unique_ptr<valijson::Schema> item_schema;
  bool native = false;  // builtin_schema_native.h implements this schema
};

namespace {

using nlohmann::json;

// valijson's messages that only say "something below failed".
bool is_wrapper(const std::string& description) {
  static const char* kWrappers[] = {
      "Failed to validate item #",
      "Cannot validate item #",
      "Failed to validate against schema associated with property name",
      "Failed to validate against schema associated with pattern",
      "Failed to validate against child schema",
      "Failed to validate against dependent schema",
      "Failed to validate against additional properties schema",
  };
  for (const char* w : kWrappers) {
    if (description.rfind(w, 0) == 0) return true;
  }
  return false;
}

// valijson's context (["<root>", "[0]", "[metadata]"]) as a JSON Pointer,
// reading the document to tell array indexes from object keys.
std::string to_pointer(const std::vector<std::string>& context, const json& doc) {
  std::string pointer;
  const json* at = &doc;
  for (std::size_t i = 1; i < context.size(); ++i) {
    const std::string& part = context[i];
    std::string token =
        part.size() >= 2 && part.front() == '[' && part.back() == ']' ? part.substr(1, part.size() - 2) : part;
    pointer += "/" + pointer_token(token);
    if (at && at->is_array()) {
      std::size_t index = 0;
      bool digits = !token.empty() &&
                    std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                    token.size() < 10;
      if (digits) index = std::stoul(token);
      at = digits && index < at->size() ? &(*at)[index] : nullptr;
    } else if (at && at->is_object()) {
      auto it = at->find(token);
      at = it != at->end() ? &*it : nullptr;
    } else {
      at = nullptr;
    }
  }
  return pointer;
}

// The value at `pointer`, short enough for a message; "" when it is long or absent.
std::string shown_value(const json& doc, const std::string& pointer) {
  try {
    const json& v = doc.at(json::json_pointer(pointer));
    if (v.is_structured()) return v.is_array() ? "an array" : "an object";
    std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
    return s.size() <= 80 ? s : s.substr(0, 77) + "...";
  } catch (const std::exception&) {
    return {};
  }
}

bool is_below(const std::string& pointer, const std::string& ancestor) {
  return pointer.size() > ancestor.size() && pointer.compare(0, ancestor.size(), ancestor) == 0 &&
         pointer[ancestor.size()] == '/';
}

// The schema each item of the array must match, when `root` asks nothing of
// the array but that (type "array", a single "items" schema, besides
// annotations and definitions): then the document passes exactly when every
// item passes it. The root's keys stay beside the items schema's, so its
// "#/definitions/..." references still resolve; nullopt when they would clash.
std::optional<json> per_item_schema(const json& root) {
  static const std::set<std::string> kAllowed = {"$schema",     "$id",  "$comment", "title",
                                                 "description", "type", "items",    "definitions"};
  if (!root.is_object() || root.value("type", json()) != "array" || !root.contains("items") ||
      !root["items"].is_object()) {
    return std::nullopt;
  }
  for (const auto& [key, value] : root.items()) {
    if (!kAllowed.count(key)) return std::nullopt;
  }
  json item = root;
  item.erase("type");
  item.erase("items");
  for (const auto& [key, value] : root["items"].items()) {
    if (item.contains(key)) return std::nullopt;
    item[key] = value;
  }
  return item;
}

// Whether every item of the array `doc` matches `item_schema`, checked on
// every core (one validator per thread: valijson's keep a regex cache). False
// also when valijson throws; the whole document's check then says why.
bool every_item_passes(const valijson::Schema& item_schema, const json& doc) {
  constexpr std::size_t kItemsPerRun = 500;
  const std::size_t runs =
      std::max<std::size_t>(1, std::min<std::size_t>(8 * default_jobs(), doc.size() / kItemsPerRun));
  std::atomic<bool> failed{false};
  for_each_run(doc.size(), runs, std::min(8u, default_jobs()), [&](std::size_t, std::size_t from, std::size_t to) {
    try {
      valijson::Validator validator;
      for (std::size_t i = from; i < to && !failed; ++i) {
        valijson::adapters::NlohmannJsonAdapter item(doc[i]);
        if (!validator.validate(item_schema, item, nullptr)) failed = true;
      }
    } catch (...) {  // nothing may leave a thread
      failed = true;
    }
  });
  return !failed;
}

}  // namespace

Result<SchemaChecker> SchemaChecker::compile(std::string_view schema_text, const std::string& shown_name) {
  try {
    json doc = json::parse(schema_text.begin(), schema_text.end());
    if (auto cycle = find_ref_cycle(doc)) {
      return Error{shown_name + ": not a usable JSON Schema: it applies itself to the same value without end (" +
                   *cycle + ")"};
    }
    auto impl = std::make_shared<Impl>();
    impl->native = validate::native_check_applies(schema_text);
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(doc);
    parser.populateSchema(adapter, impl->schema);
    if (std::optional<json> item = per_item_schema(doc)) {
      auto item_schema = std::make_unique<valijson::Schema>();
      valijson::SchemaParser item_parser(valijson::SchemaParser::kDraft7);
      valijson::adapters::NlohmannJsonAdapter item_adapter(*item);
      item_parser.populateSchema(item_adapter, *item_schema);
      impl->item_schema = std::move(item_schema);
    }
    SchemaChecker checker;
    checker.impl_ = std::move(impl);
    return checker;
  } catch (const std::exception& e) {
    return Error{shown_name + ": not a usable JSON Schema: " + e.what()};
  }
}

bool SchemaChecker::native_check_applies() const { return impl_->native; }

std::vector<SchemaViolation> SchemaChecker::check(const json& doc) const {
  struct Raw {
    std::string pointer, description;
  };
  std::vector<Raw> raw;
  std::vector<SchemaViolation> out;
  // Strings std::regex cannot match safely are reported here, and valijson
  // sees them emptied; what it says about an emptied value is not about the
  // user's value and is dropped.
  const std::vector<LongString> long_strings = find_long_strings(doc);
  std::set<std::string> emptied;
  for (const LongString& s : long_strings) {
    out.push_back({s.json_pointer, std::string(s.is_key ? "holds a key of " : "a string of ") +
                                       std::to_string(s.bytes) + " bytes, longer than any path (at most " +
                                       std::to_string(kMaxMatchedString) + " are checked)"});
    if (!s.is_key) emptied.insert(s.json_pointer);
  }
  // A large array under a per-item schema: its items on every core. Most
  // manifests pass; one that does not is checked whole below, which says
  // what is wrong in document order, as it always did.
  constexpr std::size_t kItemsOnEveryCore = 2000;
  if (long_strings.empty() && impl_->item_schema && doc.is_array() && doc.size() >= kItemsOnEveryCore &&
      every_item_passes(*impl_->item_schema, doc)) {
    return out;
  }
  try {
    const json stripped = long_strings.empty() ? json() : without_long_strings(doc);
    const json& checked = long_strings.empty() ? doc : stripped;
    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(checked);
    if (validator.validate(impl_->schema, target, &results)) return out;
    for (const auto& e : results) {
      Raw r{to_pointer(e.context, checked), e.description};
      if (!emptied.count(r.pointer)) raw.push_back(std::move(r));
    }
  } catch (const std::exception& e) {
    out.push_back({"", std::string("the schema check stopped: ") + e.what()});
    return out;
  }
  // A wrapper stays only when nothing at or below its value says more. The
  // pointers that say more, sorted, answer that in log time: linear in the
  // number of violations (20,000 bad values must not take minutes).
  std::set<std::string> said_at;
  for (const Raw& r : raw) {
    if (!is_wrapper(r.description)) said_at.insert(r.pointer);
  }
  auto said_at_or_below = [&said_at](const std::string& pointer) {
    if (said_at.count(pointer)) return true;
    auto below = said_at.lower_bound(pointer + "/");
    return below != said_at.end() && is_below(*below, pointer);
  };
  std::map<std::string, std::vector<std::string>> by_pointer;
  for (const Raw& r : raw) {
    if (is_wrapper(r.description) && said_at_or_below(r.pointer)) continue;
    auto& list = by_pointer[r.pointer];
    if (std::find(list.begin(), list.end(), r.description) == list.end()) list.push_back(r.description);
  }
  for (const Raw& r : raw) {  // document order: valijson walks the document
    auto it = by_pointer.find(r.pointer);
    if (it == by_pointer.end()) continue;
    std::string message;
    for (const std::string& d : it->second) {
      std::string trimmed = d;
      if (!trimmed.empty() && trimmed.back() == '.') trimmed.pop_back();
      message += (message.empty() ? "" : "; ") + trimmed;
    }
    std::string value = shown_value(doc, r.pointer);
    if (!value.empty()) message += " (value: " + value + ")";
    out.push_back({r.pointer, message});
    by_pointer.erase(it);
  }
  return out;
}

}  // namespace ohm::validate
