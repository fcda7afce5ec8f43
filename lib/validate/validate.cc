#include "validate/validate.h"

#include <algorithm>
#include <set>

#include "git/changed_since.h"
#include "manifest/json_io.h"
#include "validate/archive_checks.h"
#include "validate/check_ids.h"
#include "validate/document_checks.h"
#include "validate/json_positions.h"
#include "validate/manifest_doc.h"
#include "validate/reachability.h"
#include "validate/schema_check.h"
#include "validate/zoo_checks.h"

namespace ohm::validate {
namespace {

// generate's findings that say nothing about the manifest: validate checks
// ports of models whose content is absent by itself (ports.*).
bool is_generate_noise(const Diagnostic& d) { return d.code == "model.content.missing"; }

zoo::GenerateResult regenerate(const zoo::Source& zoo, const ValidateOptions& options,
                               const std::vector<manifest::Entry>& entries, Diagnostics& diags) {
  zoo::GenerateOptions g;
  g.discover = options.discover;
  g.previous = entries;  // rows with errors keep their entry, as generate would
  g.reuse = true;
  g.recompute_ports = true;  // ports of models at hand come from the models
  g.repo_prefix = options.repo_prefix;
  g.feature_tensors = options.feature_tensors;
  if (options.changes && options.base_source) {
    return git::generate_changed_since(zoo, *options.base_source, *options.changes, entries, g, diags);
  }
  return zoo::generate(zoo, g, diags);
}

// The base manifest's entries by sha; when its text is the manifest's own
// (a clean work tree), the entries already read.
BaseManifest base_of(const ValidateOptions& options, const ManifestDoc& doc) {
  BaseManifest base;
  base.name = options.base_name;
  if (!options.base_manifest_text) return base;
  std::vector<manifest::Entry> parsed;
  const std::vector<manifest::Entry>* entries = &doc.entries;
  if (*options.base_manifest_text != *options.manifest_text) {
    if (json_nesting_depth(*options.base_manifest_text) > kMaxJsonDepth) return base;
    Diagnostics ignored;  // a broken base manifest vouches for nothing
    auto read = manifest::parse_manifest(*options.base_manifest_text, options.base_name, ignored);
    if (read) parsed = std::move(*read);
    entries = &parsed;
  }
  for (const manifest::Entry& e : *entries) base.by_sha.emplace(e.model_sha, e);
  return base;
}

void check_zoo(const zoo::Source& zoo, const ValidateOptions& options, const ManifestDoc& doc,
               ValidateReport& report) {
  Diagnostics& findings = report.findings;
  Diagnostics generate_diags;
  zoo::GenerateResult regenerated = regenerate(zoo, options, doc.entries, generate_diags);
  for (const Diagnostic& d : generate_diags.all()) {
    if (!is_generate_noise(d)) findings.add(d);
  }
  report.summary.readmes = regenerated.readmes.size();
  CompareStats compared = compare_with_zoo(doc, regenerated, base_of(options, doc), findings);
  report.summary.ports_unchecked = compared.ports_unchecked;
  ArchiveStats archives = check_archives(zoo, regenerated, options.archive_limits, findings);
  report.summary.archives_read = archives.read;
  report.summary.archives_absent = archives.content_absent;

  if (options.changes) {
    Diagnostics ignored;  // the regeneration above reported the index's problems
    zoo::Discovery all = zoo::discover_readmes(zoo, options.discover, ignored);
    std::set<std::string> changed(options.changes->paths.begin(), options.changes->paths.end());
    check_reachability(zoo, all.mode_used, all.readmes, changed, findings);
  } else {
    check_reachability(zoo, regenerated.mode_used, regenerated.readmes, std::nullopt, findings);
  }
}

void finish(ValidateReport& report, bool strict) {
  std::vector<Diagnostic> all = report.findings.all();
  if (strict) {
    for (Diagnostic& d : all) d.severity = Severity::kError;
  }
  std::stable_sort(all.begin(), all.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.file != b.file) return a.file < b.file;
    return a.line < b.line;
  });
  Diagnostics sorted;
  for (Diagnostic& d : all) sorted.add(std::move(d));
  report.findings = std::move(sorted);
}

}  // namespace

Result<ValidateReport> validate(const zoo::Source& zoo, const ValidateOptions& options) {
  auto schema = options.schema_text.empty()
                    ? SchemaChecker::compile(builtin_manifest_schema(), options.schema_shown)
                    : SchemaChecker::compile(options.schema_text, options.schema_shown);
  if (!schema) return Error{schema.error()};

  ValidateReport report;
  report.summary.limited = options.changes.has_value();
  if (!options.manifest_text) {
    if (!options.manifest_unreadable.empty()) {
      report.findings.error(options.manifest_shown, 0, check::kManifestUnreadable, options.manifest_unreadable);
    } else {
      report.findings.error(options.manifest_shown, 0, check::kManifestMissing,
                            "the zoo has no manifest; run onnx-hub-manifest generate");
    }
    finish(report, options.strict);
    return report;
  }
  auto doc = read_manifest_doc(*options.manifest_text, options.manifest_shown, report.findings);
  if (doc) {
    report.summary.entries = doc->json.is_array() ? doc->json.size() : 0;
    check_document(*doc, *schema, report.findings);
    if (doc->json.is_array()) check_zoo(zoo, options, *doc, report);
  }
  finish(report, options.strict);
  return report;
}

}  // namespace ohm::validate
