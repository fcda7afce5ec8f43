#include "validate/schema_guards.h"

#include <functional>
#include <map>
#include <string_view>

#include "validate/json_positions.h"

namespace ohm::validate {

namespace {

using nlohmann::json;

// The schema a local `$ref` names ("#", "#/definitions/x"); null otherwise
// (a remote reference, or a pointer to nothing: valijson reports those).
const json* resolve_local_ref(const json& root, const std::string& ref) {
  if (ref.empty() || ref[0] != '#') return nullptr;
  try {
    const json& target = root.at(json::json_pointer(ref.substr(1)));
    return target.is_object() ? &target : nullptr;
  } catch (const std::exception&) {
    return nullptr;
  }
}

// The schemas applied to the same value as `schema`, each with its pointer.
std::vector<std::pair<const json*, std::string>> same_value_schemas(const json& root, const json& schema,
                                                                    const std::string& at) {
  std::vector<std::pair<const json*, std::string>> next;
  if (!schema.is_object()) return next;
  if (auto ref = schema.find("$ref"); ref != schema.end() && ref->is_string()) {
    if (const json* target = resolve_local_ref(root, ref->get<std::string>())) {
      next.push_back({target, ref->get<std::string>()});
    }
  }
  for (const char* list : {"allOf", "anyOf", "oneOf"}) {
    if (auto it = schema.find(list); it != schema.end() && it->is_array()) {
      for (std::size_t i = 0; i < it->size(); ++i) {
        next.push_back({&(*it)[i], at + "/" + list + "/" + std::to_string(i)});
      }
    }
  }
  for (const char* one : {"not", "if", "then", "else"}) {
    if (auto it = schema.find(one); it != schema.end() && it->is_object()) next.push_back({&*it, at + "/" + one});
  }
  if (auto deps = schema.find("dependencies"); deps != schema.end() && deps->is_object()) {
    for (auto it = deps->begin(); it != deps->end(); ++it) {
      if (it->is_object()) next.push_back({&*it, at + "/dependencies/" + pointer_token(it.key())});
    }
  }
  return next;
}

enum class Mark { kOnPath, kDone };

// Depth-first over "applies to the same value" edges; a schema met again on
// the current path is a cycle. Depth is bounded by the schema's own size.
bool visit(const json& root, const json* schema, const std::string& at, std::map<const json*, Mark>& marks,
           std::vector<std::string>& path) {
  auto [it, fresh] = marks.try_emplace(schema, Mark::kOnPath);
  if (!fresh) {
    if (it->second == Mark::kDone) return false;
    path.push_back(at.empty() ? "#" : at);
    return true;
  }
  path.push_back(at.empty() ? "#" : at);
  for (const auto& [next, next_at] : same_value_schemas(root, *schema, at)) {
    if (visit(root, next, next_at.rfind('#', 0) == 0 ? next_at.substr(1) : next_at, marks, path)) return true;
  }
  path.pop_back();
  it->second = Mark::kDone;
  return false;
}

// Every subschema of `schema` (any object in it may be a $ref target or
// hold one), visited so that no cycle is missed whatever its entry point.
void each_object(const json& node, const std::string& at,
                 const std::function<void(const json&, const std::string&)>& f) {
  if (node.is_object()) {
    f(node, at);
    for (auto it = node.begin(); it != node.end(); ++it) each_object(*it, at + "/" + pointer_token(it.key()), f);
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) each_object(node[i], at + "/" + std::to_string(i), f);
  }
}

// Walks `node` with `at` its pointer, grown and cut back in place: no
// string is made per value of a manifest that has no long string.
void collect_long(const json& node, std::string& at, std::vector<LongString>& out) {
  const std::size_t base = at.size();
  if (node.is_string()) {
    const auto& s = node.get_ref<const std::string&>();
    if (s.size() > kMaxMatchedString) out.push_back({at, s.size(), false});
  } else if (node.is_object()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (it.key().size() > kMaxMatchedString) {
        out.push_back({at, it.key().size(), true});
        continue;
      }
      at += '/';
      at += pointer_token(it.key());
      collect_long(*it, at, out);
      at.resize(base);
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      at += '/';
      at += std::to_string(i);
      collect_long(node[i], at, out);
      at.resize(base);
    }
  }
}

void strip_long(json& node) {
  if (node.is_string()) {
    if (node.get_ref<const std::string&>().size() > kMaxMatchedString) node = "";
  } else if (node.is_object()) {
    for (auto it = node.begin(); it != node.end();) {
      if (it.key().size() > kMaxMatchedString) {
        it = node.erase(it);
      } else {
        strip_long(*it);
        ++it;
      }
    }
  } else if (node.is_array()) {
    for (json& item : node) strip_long(item);
  }
}

}  // namespace

std::optional<std::string> find_ref_cycle(const json& schema) {
  std::map<const json*, Mark> marks;
  std::optional<std::string> cycle;
  each_object(schema, "", [&](const json& node, const std::string& at) {
    if (cycle) return;
    std::vector<std::string> path;
    if (visit(schema, &node, at, marks, path)) {
      std::string shown;
      for (const std::string& step : path) {
        shown += (shown.empty() ? "" : " -> ") + (step.rfind('#', 0) == 0 ? step : "#" + step);
      }
      cycle = shown;
    }
  });
  return cycle;
}

std::vector<LongString> find_long_strings(const json& doc) {
  std::vector<LongString> out;
  std::string at;
  collect_long(doc, at, out);
  return out;
}

json without_long_strings(const json& doc) {
  json copy = doc;
  strip_long(copy);
  return copy;
}

}  // namespace ohm::validate
