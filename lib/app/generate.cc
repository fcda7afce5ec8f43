#include "app/generate.h"

#include "core/checks.h"
#include "fs/atomic_file.h"
#include "git/text_diff.h"
#include "manifest/json_io.h"
#include "zoo/changed_since.h"
#include "zoo/counting_source.h"
#include "zoo/feature_tensors.h"
#include "zoo/manifest_at.h"

namespace ohm::app {
namespace {

using manifest::kManifestName;
using manifest::kMaxManifestBytes;

// The zoo's manifest as generate sees it: bad JSON is a warning and no
// previous entries; entries that lack SPEC 1's form are replaced, and said so.
zoo::ZooManifest previous_manifest(const zoo::Source& source, Diagnostics& findings) {
  zoo::ZooManifest at = zoo::read_zoo_manifest(source, true);
  if (at.unreadable) findings.warning(kManifestName, 0, check::kManifestUnreadable, at.unreadable->message);
  if (at.invalid) {
    findings.warning(kManifestName, 0, check::kManifestInvalid,
                     at.invalid->message + "; previous entries are not reused");
  }
  for (Diagnostic d : at.entry_problems.take()) {
    d.severity = Severity::kWarning;
    d.message += "; it is not kept";
    findings.add(std::move(d));
  }
  return at;
}

// The entries of --reuse FILE; fails (exit 2) when it cannot be read or is not a manifest.
Result<std::vector<manifest::Entry>> read_reuse_file(const std::string& path, Diagnostics& findings) {
  auto text = fs::read_regular_file(path, kMaxManifestBytes);
  if (!text) return with_prefix(text.failure(), "--reuse: ");
  auto parsed = manifest::parse_manifest(*text, path, findings);
  if (!parsed) return cannot_run("--reuse: " + path + ": " + parsed.error());
  return std::move(*parsed);
}

// What --check compares with: the manifest at the source, or the -o file.
std::string checked_text(const GenerateRequest& request, const zoo::ZooManifest& at) {
  if (request.output.empty() || request.output == "-") return at.text.value_or("");
  auto other = fs::read_regular_file(request.output, kMaxManifestBytes);
  return other ? *other : std::string();
}

}  // namespace

Result<GenerateOutcome> generate(const GenerateRequest& request) {
  if (request.where.rev && request.output.empty() && !request.check) {
    return cannot_run("--rev reads a commit, which has no manifest file to replace: name the output with -o FILE");
  }
  Result<git::OpenedZoo> zoo = git::open_zoo(request.where);
  if (!zoo) return zoo.failure();
  zoo::CountingSource source(*zoo->source);
  GenerateOutcome out;
  out.repo_prefix = zoo->prefix;
  zoo::GenerateOptions options;
  options.discover = request.discover;
  options.reuse = !request.no_reuse;
  options.recompute_ports = request.recompute_ports;
  options.on_progress = request.on_progress;
  // The zoo's CI checks, as warnings: the entry is still written (SPEC 7).
  options.check_models = true;
  options.full_check = request.full_check;
  options.read_archives = true;
  auto features = zoo::feature_table_for(source, request.feature_tensors);
  if (!features) return features.failure();
  options.feature_tensors = std::move(*features);

  // The manifest at the source (compared by --check, kept by --changed-since),
  // and the previous one for reuse: the same, unless --reuse names another.
  zoo::ZooManifest at = previous_manifest(source, out.findings);
  if (at.entries) options.previous = *at.entries;
  if (request.reuse_file) {
    auto other = read_reuse_file(*request.reuse_file, out.findings);
    if (!other) return other.failure();
    options.previous = std::move(*other);
  }

  zoo::ReadmeSet readmes(source);
  zoo::GenerateResult result;
  if (request.changed_since) {
    auto changes = git::changed_paths(request.where, *request.changed_since);
    if (!changes) return changes.failure();
    auto base = git::open_zoo({request.where.repo_dir, request.changed_since, false});
    if (!base) return base.failure();
    // Every entry not rebuilt is kept from the target's manifest; with no
    // readable manifest there is nothing to keep, so the whole zoo is built.
    zoo::ReadmeSet base_readmes(*base->source);
    result = at.entries
                 ? zoo::generate_changed_since(readmes, base_readmes, *changes, *at.entries, options, out.findings)
                 : zoo::generate(readmes, options, out.findings);
  } else {
    result = zoo::generate(readmes, options, out.findings);
  }
  out.text = manifest::write_manifest(zoo::entries_of(result));
  out.entries = result.entries.size();
  out.readmes = result.readmes.size();
  out.bytes_read = source.bytes_read();
  if (result.discovery_failed) {
    out.nothing_to_write = true;
    return out;
  }
  if (request.check) {
    out.diff = git::unified_diff(checked_text(request, at), out.text, kManifestName, kManifestName);
    if (!out.diff.empty()) {
      out.findings.error(request.output.empty() || request.output == "-" ? kManifestName : request.output, 0,
                         check::kManifestStale,
                         "the manifest differs from what generate would write; run onnx-hub-manifest generate");
    }
    return out;
  }
  if (request.output == "-") return out;
  const std::string target = request.output.empty() ? zoo->root_on_disk + "/" + kManifestName : request.output;
  if (auto written = fs::write_file_atomically(target, out.text); !written) {
    out.write_error = written.failure();
  } else {
    out.target = target;
  }
  return out;
}

}  // namespace ohm::app
