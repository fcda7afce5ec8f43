#include "hub/hub_spec.h"

#include <cctype>

#include "core/text.h"
#include "manifest/json_io.h"

namespace ohm::hub {
namespace {

using manifest::kManifestName;

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'; }

bool is_repo_name(std::string_view s) {
  if (s.empty() || s == "." || s == "..") return false;
  for (char c : s) {
    if (!is_name_char(c)) return false;
  }
  return true;
}

// A git ref as it may appear in a URL path: branch names with slashes, tags, shas.
bool is_ref(std::string_view s) {
  if (s.empty() || s.front() == '/' || s.back() == '/') return false;
  for (const std::string& part : split(s, '/')) {
    if (!is_repo_name(part)) return false;
  }
  return true;
}

Result<HubSpec> github_spec(const std::string& text) {
  std::string_view rest = text;
  std::string ref = "main";
  if (auto colon = rest.find(':'); colon != std::string_view::npos) {
    ref = std::string(rest.substr(colon + 1));
    rest = rest.substr(0, colon);
  }
  auto slash = rest.find('/');
  std::string owner(rest.substr(0, slash == std::string_view::npos ? rest.size() : slash));
  std::string name(slash == std::string_view::npos ? "" : rest.substr(slash + 1));
  if (!is_repo_name(owner) || !is_repo_name(name) || !is_ref(ref)) {
    return Error{"--hub " + text + ": expected owner/name[:ref] or an https:// URL"};
  }
  HubSpec spec;
  spec.kind = HubKind::kRemote;
  spec.name = owner + "/" + name + ":" + ref;
  spec.manifest_url = "https://raw.githubusercontent.com/" + owner + "/" + name + "/" + ref + "/" + kManifestName;
  spec.files_base = "https://media.githubusercontent.com/media/" + owner + "/" + name + "/" + ref + "/";
  // The hub's own rule (onnx.hub _verify_repo_ref): only the official zoo's main branch.
  spec.trusted = owner == "onnx" && name == "models" && ref == "main";
  return spec;
}

// The host part of "scheme://[user@]host[:port]/path", brackets kept for IPv6.
std::string host_of(std::string_view after_scheme) {
  std::string_view authority = after_scheme.substr(0, after_scheme.find_first_of("/?#"));
  if (auto at = authority.rfind('@'); at != std::string_view::npos) authority = authority.substr(at + 1);
  if (!authority.empty() && authority.front() == '[') {
    auto close = authority.find(']');
    return std::string(authority.substr(0, close == std::string_view::npos ? authority.size() : close + 1));
  }
  return std::string(authority.substr(0, authority.find(':')));
}

Result<HubSpec> url_spec(const std::string& text) {
  std::string lower = to_lower(text);
  bool https = lower.rfind("https://", 0) == 0;
  bool http = lower.rfind("http://", 0) == 0;
  if (!https && !http) return Error{"--hub " + text + ": only https:// URLs (or owner/name[:ref]) are supported"};
  std::string host = host_of(std::string_view(text).substr(https ? 8 : 7));
  if (host.empty()) return Error{"--hub " + text + ": the URL has no host"};
  if (http && !is_loopback_host(host)) {
    return Error{"--hub " + text + ": plain http:// is allowed only to a loopback address; use https://"};
  }
  for (char c : text) {
    if (static_cast<unsigned char>(c) <= ' ') return Error{"--hub " + text + ": the URL holds whitespace"};
  }
  HubSpec spec;
  spec.kind = HubKind::kRemote;
  spec.files_base = text.back() == '/' ? text : text + "/";
  spec.manifest_url = spec.files_base + kManifestName;
  spec.name = spec.files_base;
  return spec;
}

}  // namespace

bool is_loopback_host(std::string_view host) {
  std::string h = to_lower(host);
  if (h == "localhost" || h == "[::1]") return true;
  std::vector<std::string> parts = split(h, '.');
  if (parts.size() != 4 || parts[0] != "127") return false;
  for (const std::string& p : parts) {
    auto v = parse_int64(p);
    if (p.empty() || p.size() > 3 || !v || *v < 0 || *v > 255) return false;
  }
  return true;
}

Result<HubSpec> resolve_hub_spec(const SourceFlags& flags) {
  int given = !flags.manifest.empty() + !flags.repo.empty() + !flags.hub.empty();
  if (given > 1) return Error{"give only one of --manifest, --repo and --hub"};
  if (!flags.hub.empty()) {
    return flags.hub.find("://") != std::string::npos ? url_spec(flags.hub) : github_spec(flags.hub);
  }
  HubSpec spec;
  spec.trusted = true;
  if (!flags.manifest.empty()) {
    spec.kind = HubKind::kManifestFile;
    spec.path = spec.name = flags.manifest;
    return spec;
  }
  spec.kind = HubKind::kRepository;
  spec.path = flags.repo;
  spec.name = flags.repo.empty() ? "the enclosing repository" : flags.repo;
  return spec;
}

}  // namespace ohm::hub
