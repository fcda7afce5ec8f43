#include "validate/validate.h"
#include "core/checks.h"

#include <algorithm>

#include "manifest/json_io.h"
#include "validate/archive_checks.h"
#include "validate/document_checks.h"
#include "validate/json_positions.h"
#include "validate/manifest_doc.h"
#include "validate/reachability.h"
#include "validate/schema_check.h"
#include "validate/zoo_checks.h"

namespace ohm::validate {
namespace {

// generate's findings that validate reports its own way: ports of models
// whose content is absent (ports.*), and unportable paths (at the manifest's
// entry rather than the README row).
bool is_generate_noise(const Diagnostic& d) {
  return d.code == check::kModelContentMissing || d.code == check::kPathUnportable;
}

zoo::GenerateResult regenerate(zoo::ReadmeSet& readmes, const ValidateOptions& options,
                               const std::optional<zoo::ChangeSet>& changes,
                               const std::vector<manifest::Entry>& entries, Diagnostics& diags) {
  zoo::GenerateOptions g;
  g.discover = options.discover;
  g.previous = zoo::SharedEntries::borrowed(entries);  // rows with errors keep their entry, as generate would
  g.reuse = true;
  g.recompute_ports = true;  // ports of models at hand come from the models
  g.feature_tensors = options.feature_tensors;
  g.read_archives = true;  // archive checks ride on the read that hashes each archive
  g.archive_limits = options.archive_limits;
  g.check_models = true;  // the checker, tensor sizes and test data, as errors
  g.full_check = options.full_check;
  g.check_severity = Severity::kError;
  g.on_progress = options.on_progress;
  g.jobs = options.jobs;
  g.shard = options.shard;
  if (changes && options.base_source) {
    zoo::ReadmeSet base(*options.base_source);
    return zoo::generate_changed_since(readmes, base, *changes, entries, g, diags);
  }
  return zoo::generate(readmes, g, diags);
}

// The base manifest's entries (nullptr when the base has none, or it is not
// a manifest: it vouches for nothing); when its text is the manifest's own
// (a clean work tree), the entries already read. `own` holds them otherwise.
const std::vector<manifest::Entry>* base_entries(const ValidateOptions& options, const ManifestDoc& doc,
                                                 std::optional<std::vector<manifest::Entry>>& own) {
  if (options.base_manifest_is_own) return &doc.entries;
  if (!options.base_manifest_text) return nullptr;
  if (*options.base_manifest_text == *options.manifest_text) return &doc.entries;
  if (json_nesting_depth(*options.base_manifest_text) > kMaxJsonDepth) return nullptr;
  Diagnostics reported_at_the_base;  // findings about the base's own manifest are not this manifest's
  auto read = manifest::parse_manifest(*options.base_manifest_text, options.base_name, reported_at_the_base);
  if (!read) return nullptr;
  own = std::move(*read);
  return &*own;
}

BaseManifest by_sha(const std::string& name, const std::vector<manifest::Entry>* entries) {
  BaseManifest base;
  base.name = name;
  if (entries) {
    for (const manifest::Entry& e : *entries) base.by_sha.emplace(e.model_sha, &e);
  }
  return base;
}

void check_zoo(const zoo::Source& zoo, const ValidateOptions& options, const ManifestDoc& doc, ValidateSummary& summary,
               Diagnostics& findings) {
  std::optional<zoo::ReadmeSet> own_readmes;
  const bool given = options.readmes && &options.readmes->source() == &zoo;  // read ahead from this zoo
  zoo::ReadmeSet& readmes = given ? *options.readmes : own_readmes.emplace(zoo);
  std::optional<std::vector<manifest::Entry>> own_base;
  const std::vector<manifest::Entry>* base = base_entries(options, doc, own_base);
  // With --changed-since, what the manifest changes by itself is compared too:
  // a hand edit of it can never pass as "unchanged" (SPEC 6).
  // A base with no manifest it can read vouches for nothing: then every row
  // is compared (the first commit of a manifest must list the READMEs that
  // were there before it).
  std::optional<zoo::ChangeSet> changes = base ? options.changes : std::nullopt;
  if (changes) changes = zoo::with_paths(std::move(*changes), zoo::manifest_changes(doc.entries, *base));
  summary.limited = changes.has_value();
  Diagnostics generate_diags;
  zoo::GenerateResult regenerated = regenerate(readmes, options, changes, doc.entries, generate_diags);
  for (Diagnostic& d : generate_diags.take()) {
    if (!is_generate_noise(d)) findings.add(std::move(d));
  }
  summary.readmes = regenerated.readmes.size();
  // --shard: the regeneration built this shard's rows only, so only this
  // shard's entries are compared with it.
  CompareStats compared = compare_with_zoo(zoo, doc, regenerated, by_sha(options.base_name, base), findings,
                                           options.shard ? &*options.shard : nullptr);
  summary.ports_unchecked = compared.ports_unchecked;
  ArchiveStats archives = check_archives(regenerated, findings);
  summary.archives_read = archives.read;
  summary.archives_absent = archives.content_absent;
  for (const zoo::BuiltEntry& b : regenerated.entries) {
    const bool own_row = !b.origin.readme.empty() && !b.origin.kept_previous;
    if (own_row && !b.origin.content_present) ++summary.models_unchecked;
  }

  // Reachability needs every README the index reaches; --changed-since looks
  // only at the changed READMEs for ones it does not.
  std::optional<std::vector<std::string>> only;
  if (changes) only = changes->paths;
  check_reachability(readmes, regenerated.mode_used, regenerated.all_readmes.value_or(regenerated.readmes), only,
                     findings);
}

void finish(ValidateReport& report, bool strict) {
  if (strict) {
    for (Diagnostic d : report.findings.take()) {
      d.severity = Severity::kError;
      report.findings.add(std::move(d));
    }
  }
  report.findings.sort_by_location();
}

}  // namespace

Result<ValidateReport> validate(const zoo::Source& zoo, const ValidateOptions& options) {
  auto schema = options.schema_text.empty() ? SchemaChecker::compile(builtin_manifest_schema(), options.schema_shown)
                                            : SchemaChecker::compile(options.schema_text, options.schema_shown);
  if (!schema) return schema.failure();

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
  auto doc = read_manifest_doc(*options.manifest_text, options.manifest_shown, report.findings, &*schema);
  if (doc) {
    report.summary.entries = doc->elements;
    // The schema may still be checking the document: the zoo is compared
    // meanwhile, and its findings come after the document's, as they always have.
    Diagnostics compared;
    if (doc->is_array) check_zoo(zoo, options, *doc, report.summary, compared);
    check_document(*doc, report.findings);
    report.findings.merge(compared);
  }
  finish(report, options.strict);
  return report;
}

}  // namespace ohm::validate
