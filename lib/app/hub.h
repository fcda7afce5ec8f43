#pragma once
// The hub commands as calls (SPEC 9): `list` and `info` query a hub's
// manifest as onnx.hub.list_models / get_model_info do; `fetch` places a model
// (and its test data) in the cache shared with onnx.hub, after the trust rule.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "archive/tarball.h"
#include "core/diagnostic.h"
#include "core/result.h"
#include "hub/fetch.h"
#include "hub/hub.h"
#include "hub/hub_spec.h"
#include "manifest/entry.h"

namespace ohm::app {

// Which hub, and how to reach it.
struct HubRequest {
  hub::SourceFlags source;  // --manifest, --repo or --hub
  hub::HttpOptions http;    // timeouts, retries, and a progress callback for downloads
};

// Findings that do not stop a call (manifest entries that lack SPEC 1's form,
// left out) go to the `findings` sink of each call, failure or not.

struct HubAnswer {
  std::string manifest_shown;
  std::vector<manifest::Entry> entries;  // list: the matches in manifest order; info: the chosen one
};

// list: the entries matching `model` (any when empty) and any of `tags`. A
// `model` that no entry has is the problem hub.no-such-model (with the
// nearest names); a known model none of whose entries has the tags is an
// empty answer.
Result<HubAnswer> list_models(const HubRequest& hub, const std::string& model, const std::vector<std::string>& tags,
                              Diagnostics& findings);

// info: the entry `model` names (with `opset`, else the highest). A problem
// (hub.no-such-model, hub.no-such-opset) names the manifest.
Result<HubAnswer> model_info(const HubRequest& hub, const std::string& model, std::optional<std::int64_t> opset,
                             Diagnostics& findings);

struct FetchRequest {
  HubRequest hub;
  std::string model;
  std::optional<std::int64_t> opset;
  std::string cache;  // "" for $ONNX_HOME/hub, $XDG_CACHE_HOME/onnx/hub or ~/.cache/onnx/hub
  bool with_data = false;
  bool force = false;
  bool trust = false;  // --trust
  archive::Limits archive_limits;
  // The trust question for an untrusted hub (SPEC 9): asked with the warning
  // before the first download, true to go on. Empty: there is nobody to ask
  // (no terminal), so such a hub needs --trust; `warn` is told why.
  std::function<bool(const std::string& warning)> ask;
  std::function<void(const std::string& warning)> warn;
};

struct FetchAnswer {
  manifest::Entry entry;
  hub::FetchReport report;
};

// fetch. Problems (no such model, a sha mismatch, an unsafe archive) name
// the manifest and its entry's line; the rest cannot run.
Result<FetchAnswer> fetch(const FetchRequest& request, Diagnostics& findings);

}  // namespace ohm::app
