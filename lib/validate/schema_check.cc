#include "validate/schema_check.h"

#include <algorithm>
#include <exception>
#include <map>

// Without this valijson prints and abort()s on a schema it cannot use.
#define VALIJSON_USE_EXCEPTIONS 1
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "validate/json_positions.h"

namespace ohm::validate {

struct SchemaChecker::Impl {
  valijson::Schema schema;
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

}  // namespace

Result<SchemaChecker> SchemaChecker::compile(std::string_view schema_text, const std::string& shown_name) {
  try {
    json doc = json::parse(schema_text.begin(), schema_text.end());
    auto impl = std::make_shared<Impl>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(doc);
    parser.populateSchema(adapter, impl->schema);
    SchemaChecker checker;
    checker.impl_ = std::move(impl);
    return checker;
  } catch (const std::exception& e) {
    return Error{shown_name + ": not a usable JSON Schema: " + e.what()};
  }
}

std::vector<SchemaViolation> SchemaChecker::check(const json& doc) const {
  struct Raw {
    std::string pointer, description;
  };
  std::vector<Raw> raw;
  try {
    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(doc);
    if (validator.validate(impl_->schema, target, &results)) return {};
    for (const auto& e : results) raw.push_back({to_pointer(e.context, doc), e.description});
  } catch (const std::exception& e) {
    return {{"", std::string("the schema check stopped: ") + e.what()}};
  }
  // A wrapper stays only when nothing at or below its value says more.
  std::map<std::string, std::vector<std::string>> by_pointer;
  for (const Raw& r : raw) {
    if (is_wrapper(r.description)) {
      bool said = std::any_of(raw.begin(), raw.end(), [&r](const Raw& o) {
        return !is_wrapper(o.description) && (o.pointer == r.pointer || is_below(o.pointer, r.pointer));
      });
      if (said) continue;
    }
    auto& list = by_pointer[r.pointer];
    if (std::find(list.begin(), list.end(), r.description) == list.end()) list.push_back(r.description);
  }
  std::vector<SchemaViolation> out;
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
