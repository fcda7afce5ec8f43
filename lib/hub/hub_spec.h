#pragma once
// Where a hub's manifest and files come from (SPEC 9): --manifest FILE,
// --repo DIR, --hub owner/name[:ref] or --hub https://BASE/.

#include <string>
#include <string_view>

#include "core/result.h"

namespace ohm::hub {

enum class HubKind {
  kManifestFile,  // a local manifest; files relative to its folder
  kRepository,    // a local zoo (empty path: the enclosing repository)
  kRemote,        // over HTTPS (http:// only to loopback)
};

struct HubSpec {
  HubKind kind = HubKind::kRepository;
  std::string path;          // local kinds: the file or folder as given
  std::string manifest_url;  // remote: the manifest's URL
  std::string files_base;    // remote: base URL of model_path files, ends in '/'
  std::string name;          // for messages: "onnx/models:main", a URL or a path
  bool trusted = false;      // local sources and onnx/models:main
};

// The three source flags as given on the command line (empty: not given).
struct SourceFlags {
  std::string manifest;
  std::string repo;
  std::string hub;
};

// Chooses the source. Fails when more than one flag is given or --hub is
// malformed, uses a scheme other than https, or http:// to a non-loopback host.
Result<HubSpec> resolve_hub_spec(const SourceFlags& flags);

// True for "localhost", 127.0.0.0/8 and [::1] (a URL host, brackets included).
bool is_loopback_host(std::string_view host);

}  // namespace ohm::hub
