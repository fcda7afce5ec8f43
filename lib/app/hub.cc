#include "app/hub.h"

#include "hub/cache.h"
#include "hub/query.h"
#include "hub/trust.h"

namespace ohm::app {
namespace {

// A problem about the hub's data names the manifest it came from.
Error located(Error e, const std::string& file, int line = 0) {
  if (e.kind == ErrorKind::kProblem && e.file.empty()) {
    e.file = file;
    e.line = line;
  }
  return e;
}

Result<hub::OpenedHub> open(const HubRequest& request, bool with_content, Diagnostics& findings) {
  Result<hub::HubSpec> spec = hub::resolve_hub_spec(request.source);
  if (!spec) return spec.failure();
  Result<hub::OpenedHub> opened = hub::open_hub(*spec, request.http, with_content, findings);
  if (!opened) return located(opened.failure(), spec->kind == hub::HubKind::kRemote ? spec->manifest_url : spec->name);
  return opened;
}

// The trust rule as a gate asked before the first download.
std::function<bool()> trust_gate(const hub::HubSpec& spec, const FetchRequest& request) {
  switch (hub::decide_trust(spec.trusted, request.trust, static_cast<bool>(request.ask))) {
    case hub::TrustDecision::kTrusted:
      return nullptr;
    case hub::TrustDecision::kRefuse:
      return [&request, name = spec.name] {
        if (request.warn) request.warn(hub::untrusted_message(name) + "; no terminal to ask, so pass --trust");
        return false;
      };
    case hub::TrustDecision::kAsk:
      return [&request, name = spec.name] { return request.ask(hub::untrusted_message(name)); };
  }
  return nullptr;
}

}  // namespace

Result<HubAnswer> list_models(const HubRequest& request, const std::string& model, const std::vector<std::string>& tags,
                              Diagnostics& findings) {
  HubAnswer out;
  auto opened = open(request, false, findings);
  if (!opened) return opened.failure();
  out.manifest_shown = opened->manifest_shown;
  // A name that matches nothing is a typo more often than a question.
  if (!model.empty() && hub::match_models(opened->entries, model, {}).empty()) {
    return located(hub::no_such_model(opened->entries, model), opened->manifest_shown);
  }
  for (const manifest::Entry* e : hub::match_models(opened->entries, model, tags)) out.entries.push_back(*e);
  return out;
}

Result<HubAnswer> model_info(const HubRequest& request, const std::string& model, std::optional<std::int64_t> opset,
                             Diagnostics& findings) {
  HubAnswer out;
  auto opened = open(request, false, findings);
  if (!opened) return opened.failure();
  out.manifest_shown = opened->manifest_shown;
  auto chosen = hub::select_model(opened->entries, model, opset);
  if (!chosen) return located(chosen.failure(), opened->manifest_shown);
  out.entries.push_back(**chosen);
  return out;
}

Result<FetchAnswer> fetch(const FetchRequest& request, Diagnostics& findings) {
  FetchAnswer out;
  auto opened = open(request.hub, true, findings);
  if (!opened) return opened.failure();
  auto chosen = hub::select_model(opened->entries, request.model, request.opset);
  if (!chosen) return located(chosen.failure(), opened->manifest_shown);
  out.entry = **chosen;

  hub::FetchOptions options;
  if (!request.cache.empty()) {
    options.cache_root = request.cache;
  } else {
    Result<std::string> root = hub::cache_root(hub::process_env());
    if (!root) return root.failure();
    options.cache_root = *root;
  }
  options.with_data = request.with_data;
  options.force = request.force;
  options.limits = request.archive_limits;
  options.allow_download = trust_gate(opened->spec, request);
  auto fetched = hub::fetch_model(out.entry, *opened->content, options);
  if (!fetched) return located(fetched.failure(), opened->manifest_shown, out.entry.line);
  out.report = std::move(*fetched);
  return out;
}

}  // namespace ohm::app
