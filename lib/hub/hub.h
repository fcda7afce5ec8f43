#pragma once
// Opening a hub: reading its manifest from the source SPEC 9 names, and
// setting up where its files come from.

#include <memory>
#include <vector>

#include "core/diagnostic.h"
#include "hub/content.h"
#include "hub/http.h"
#include "hub/hub_spec.h"
#include "manifest/entry.h"

namespace ohm::hub {

struct OpenedHub {
  HubSpec spec;
  std::string manifest_shown;  // the manifest's path or URL, for messages
  std::vector<manifest::Entry> entries;
  std::unique_ptr<ContentSource> content;  // set when asked for
};

// Reads the manifest (a local file, the zoo's ONNX_HUB_MANIFEST.json, or a
// download) and, with `with_content`, opens the hub's files. Entries that lack
// SPEC 1's form go to `diags` and are left out. A manifest that is not a JSON
// array is a problem failure; an unreadable or unreachable one cannot-run.
Result<OpenedHub> open_hub(const HubSpec& spec, const HttpOptions& http, bool with_content, Diagnostics& diags);

}  // namespace ohm::hub
