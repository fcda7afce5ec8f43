#include "hub/query.h"

#include <set>

#include "core/checks.h"
#include "core/spellcheck.h"
#include "core/text.h"

namespace ohm::hub {

std::vector<const manifest::Entry*> match_models(const std::vector<manifest::Entry>& entries, const std::string& model,
                                                 const std::vector<std::string>& tags) {
  std::string wanted = to_lower(model);
  std::set<std::string> wanted_tags;
  for (const std::string& t : tags) wanted_tags.insert(to_lower(t));
  std::vector<const manifest::Entry*> out;
  for (const manifest::Entry& e : entries) {
    if (!model.empty() && to_lower(e.model) != wanted) continue;
    if (!wanted_tags.empty()) {
      bool any = false;
      for (const std::string& t : e.tags) any = any || wanted_tags.count(to_lower(t)) > 0;
      if (!any) continue;
    }
    out.push_back(&e);
  }
  return out;
}

Result<const manifest::Entry*> select_model(const std::vector<manifest::Entry>& entries, const std::string& model,
                                            std::optional<std::int64_t> opset) {
  std::vector<const manifest::Entry*> matches = match_models(entries, model, {});
  if (matches.empty()) return no_such_model(entries, model);
  const manifest::Entry* best = nullptr;
  for (const manifest::Entry* e : matches) {
    if (opset ? e->opset_version == *opset && !best : !best || e->opset_version > best->opset_version) {
      best = e;
    }
  }
  if (best) return best;
  std::string valid;
  for (const manifest::Entry* e : matches) {
    valid += (valid.empty() ? "" : ", ") + std::to_string(e->opset_version);
  }
  return problem(check::kHubNoSuchOpset,
                 model + " has no version with opset " + std::to_string(*opset) + "; opsets: " + valid);
}

Error no_such_model(const std::vector<manifest::Entry>& entries, const std::string& model) {
  std::vector<std::string> names;
  for (const manifest::Entry& e : entries) names.push_back(e.model);
  std::string message = "no model named '" + model + "' in the manifest";
  std::vector<std::string> near = nearest_names(model, names);
  if (!near.empty()) message += "; did you mean " + or_list(near) + "?";
  return problem(check::kHubNoSuchModel, message);
}

}  // namespace ohm::hub
