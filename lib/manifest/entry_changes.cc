#include "manifest/entry_changes.h"

#include <map>
#include <set>

namespace ohm::manifest {
namespace {

std::string shown(const Json* value) {
  if (value == nullptr) return "(none)";
  std::string s = value->dump(-1, ' ', false, Json::error_handler_t::replace);
  return s.size() <= 80 ? s : s.substr(0, 77) + "...";
}

// The fields of `entry` as "name" or "metadata.name" -> value.
std::map<std::string, Json> fields_of(const Entry& entry) {
  std::map<std::string, Json> out;
  const Json json = to_json(entry);
  for (const auto& [key, value] : json.items()) {
    if (key != "metadata") {
      out[key] = value;
      continue;
    }
    for (const auto& [meta_key, meta_value] : value.items()) out["metadata." + meta_key] = meta_value;
  }
  return out;
}

}  // namespace

std::vector<std::string> entry_changes(const std::vector<Entry>& before, const std::vector<Entry>& after) {
  std::map<std::string, const Entry*> old_by_path, new_by_path;
  for (const Entry& e : before) old_by_path.emplace(e.model_path, &e);
  for (const Entry& e : after) new_by_path.emplace(e.model_path, &e);
  std::set<std::string> paths;
  for (const auto& [path, e] : old_by_path) paths.insert(path);
  for (const auto& [path, e] : new_by_path) paths.insert(path);
  std::vector<std::string> out;
  for (const std::string& path : paths) {
    auto o = old_by_path.find(path);
    auto n = new_by_path.find(path);
    if (o == old_by_path.end()) {
      out.push_back(path + ": added");
      continue;
    }
    if (n == new_by_path.end()) {
      out.push_back(path + ": removed");
      continue;
    }
    if (same_entry(*o->second, *n->second)) continue;
    const std::map<std::string, Json> a = fields_of(*o->second), b = fields_of(*n->second);
    std::set<std::string> keys;
    for (const auto& [k, v] : a) keys.insert(k);
    for (const auto& [k, v] : b) keys.insert(k);
    for (const std::string& k : keys) {
      auto x = a.find(k);
      auto y = b.find(k);
      const Json* old_value = x == a.end() ? nullptr : &x->second;
      const Json* new_value = y == b.end() ? nullptr : &y->second;
      if (old_value && new_value && *old_value == *new_value) continue;
      out.push_back(path + ": " + k + ": " + shown(old_value) + " -> " + shown(new_value));
    }
  }
  return out;
}

}  // namespace ohm::manifest
