#include "app/validate.h"

#include "app/report_paths.h"
#include "core/parallel.h"
#include "fs/file_reader.h"
#include "manifest/json_io.h"
#include "zoo/discovery.h"
#include "zoo/feature_tensors.h"
#include "zoo/manifest_at.h"

namespace ohm::app {
namespace {

constexpr std::uint64_t kMaxSchemaBytes = 16u << 20;

// The manifest under check: --manifest FILE (which must be readable), or the
// zoo's (absent or unreadable ones are findings).
Result<void> manifest_under_check(const ValidateRequest& request, const zoo::Source& source,
                                  validate::ValidateOptions& options) {
  if (request.manifest_file) {
    auto text = fs::read_regular_file(*request.manifest_file, manifest::kMaxManifestBytes);
    if (!text) return with_prefix(text.failure(), "--manifest: ");
    options.manifest_text = std::move(*text);
    options.manifest_shown = *request.manifest_file;
    return {};
  }
  zoo::ZooManifest at = zoo::read_zoo_manifest(source, false);
  if (at.text) options.manifest_text = std::move(*at.text);
  options.manifest_object_id = std::move(at.object_id);
  if (at.unreadable) options.manifest_unreadable = at.unreadable->message;
  return {};
}

}  // namespace

Result<ValidateOutcome> validate(const ValidateRequest& request) {
  Result<git::OpenedZoo> zoo = git::open_zoo(request.where);
  if (!zoo) return zoo.failure();
  // The base revision: its manifest vouches for ports whose content is absent;
  // with --changed-since (or --staged) only what changed since it is compared,
  // and that diff runs while the manifests are read.
  const std::string base_rev = request.changed_since.value_or("HEAD");
  if (request.changed_since && !zoo->in_repository) return cannot_run("--changed-since needs a git repository");
  const bool compare_changes = zoo->in_repository && (request.changed_since || request.where.staged);
  std::optional<std::future<Result<zoo::ChangeSet>>> changes;
  if (compare_changes) changes = git::start_changed_paths(request.where, base_rev);
  validate::ValidateOptions options;
  options.discover = request.discover;
  options.strict = request.strict;
  options.archive_limits = request.archive_limits;
  options.full_check = request.full_check;
  options.on_progress = request.on_progress;
  options.jobs = request.jobs == 0 ? default_jobs() : request.jobs;
  options.shard = request.shard;
  // A whole run's READMEs are read while the manifests are.
  zoo::ReadmeSet readmes(*zoo->source);
  if (!compare_changes) {
    zoo::read_discovered_ahead(readmes, request.discover, options.jobs, true);
    options.readmes = &readmes;
  }
  if (auto read = manifest_under_check(request, *zoo->source, options); !read) return read.failure();
  if (request.schema_file) {
    auto text = fs::read_regular_file(*request.schema_file, kMaxSchemaBytes);
    if (!text) return with_prefix(text.failure(), "--schema: ");
    options.schema_text = std::move(*text);
    options.schema_shown = *request.schema_file;
  }
  auto table = zoo::feature_table_for(*zoo->source, request.feature_tensors);
  if (!table) return table.failure();
  options.feature_tensors = std::move(*table);

  std::optional<git::OpenedZoo> base;
  if (zoo->in_repository) {
    auto opened = git::open_zoo({request.where.repo_dir, base_rev, false});
    if (opened) {
      base = std::move(*opened);
    } else if (request.changed_since) {
      return with_prefix(opened.failure(), "--changed-since: ");
    }
  }
  if (base) {
    options.base_name = base_rev;
    if (zoo::same_manifest_as(options.manifest_object_id, options.manifest_text, *base->source)) {
      options.base_manifest_is_own = true;  // the same blob (HEAD's manifest, staged or checked out): not read again
    } else {
      zoo::ZooManifest at = zoo::read_zoo_manifest(*base->source, false);
      if (at.text) options.base_manifest_text = std::move(*at.text);
    }
    if (compare_changes) {
      auto changed = changes->get();
      if (!changed) return changed.failure();
      options.changes = std::move(*changed);
      options.base_source = base->source.get();
    }
  }

  auto report = validate::validate(*zoo->source, options);
  if (!report) return report.failure();
  std::set<std::string> as_given;
  if (request.manifest_file) as_given.insert(*request.manifest_file);
  name_repository_paths(report->findings, *zoo->source, as_given);
  return ValidateOutcome{std::move(*report), zoo->prefix};
}

}  // namespace ohm::app
