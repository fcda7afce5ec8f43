#include "hub/hub.h"

#include "core/checks.h"
#include "fs/file_reader.h"
#include "git/open_zoo.h"
#include "manifest/json_io.h"
#include "zoo/manifest_at.h"

namespace ohm::hub {
namespace {

using manifest::kManifestName;
using manifest::kMaxManifestBytes;

std::string folder_of(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

Result<std::unique_ptr<zoo::Source>> open_local_zoo(const std::string& dir) {
  git::OpenOptions options;
  options.repo_dir = dir;
  Result<git::OpenedZoo> opened = git::open_zoo(options);
  if (!opened) return opened.failure();
  return std::move(opened->source);
}

Result<std::string> download_manifest(const HubSpec& spec, const HttpOptions& http) {
  std::string text;
  HttpOptions options = http;
  options.progress = nullptr;                                       // a manifest is small; no progress line for it
  options.allow_http = spec.manifest_url.rfind("http://", 0) == 0;  // hub_spec allowed it: loopback
  Result<std::uint64_t> got = http_get(
      spec.manifest_url,
      [&](std::string_view chunk) {
        if (text.size() + chunk.size() > kMaxManifestBytes) return false;
        text.append(chunk);
        return true;
      },
      options);
  if (text.size() >= kMaxManifestBytes) {
    return problem(check::kManifestTooLarge, spec.manifest_url + " is larger than 256 MiB");
  }
  if (!got) return cannot_run("cannot read the hub's manifest: " + got.error());
  return text;
}

// The manifest text of a local zoo, read like generate and validate read it.
Result<std::string> zoo_manifest_text(const zoo::Source& zoo, const HubSpec& spec) {
  zoo::ZooManifest at = zoo::read_zoo_manifest(zoo, false);
  if (!at.present) {
    return cannot_run("no " + std::string(kManifestName) + " in " + spec.name + " (run onnx-hub-manifest generate)");
  }
  if (!at.text) return cannot_run("cannot read the manifest: " + at.unreadable->message);
  return std::move(*at.text);
}

}  // namespace

Result<OpenedHub> open_hub(const HubSpec& spec, const HttpOptions& http, bool with_content, Diagnostics& diags) {
  OpenedHub hub;
  hub.spec = spec;
  std::string text;
  if (spec.kind == HubKind::kRemote) {
    hub.manifest_shown = spec.manifest_url;
    Result<std::string> got = download_manifest(spec, http);
    if (!got) return got.failure();
    text = std::move(*got);
    HttpOptions files = http;
    files.allow_http = spec.files_base.rfind("http://", 0) == 0;  // hub_spec allowed it: loopback
    if (with_content) hub.content = remote_content(spec.files_base, files);
  } else if (spec.kind == HubKind::kManifestFile) {
    hub.manifest_shown = spec.path;
    Result<std::string> read = fs::read_regular_file(spec.path, kMaxManifestBytes);
    if (!read) return cannot_run("cannot read the manifest: " + read.error());
    text = std::move(*read);
    if (with_content) {
      // A lone manifest's paths are relative to its folder, as a hub's are to its root.
      auto opened = open_local_zoo(folder_of(spec.path));
      if (!opened) return opened.failure();
      hub.content = local_content(std::move(*opened));
    }
  } else {
    auto opened = open_local_zoo(spec.path);
    if (!opened) return opened.failure();
    hub.manifest_shown = spec.path.empty() ? kManifestName : spec.path + "/" + kManifestName;
    Result<std::string> read = zoo_manifest_text(**opened, spec);
    if (!read) return read.failure();
    text = std::move(*read);
    if (with_content) hub.content = local_content(std::move(*opened));
  }
  Result<std::vector<manifest::Entry>> parsed = manifest::parse_manifest(text, hub.manifest_shown, diags);
  if (!parsed) return parsed.failure();
  hub.entries = std::move(*parsed);
  return hub;
}

}  // namespace ohm::hub
