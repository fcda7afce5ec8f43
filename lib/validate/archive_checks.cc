#include "validate/archive_checks.h"

#include "validate/check_ids.h"
#include "zoo/artifact.h"

namespace ohm::validate {
namespace {

// Reads one archive; false when its content is not at hand.
bool check_one(const zoo::Source& source, const zoo::BuiltEntry& built, const archive::Limits& limits,
               Diagnostics& findings) {
  const std::string& path = *built.entry.model_with_data_path;
  bool absent = false;
  std::string unreadable;
  archive::StreamFn stream = [&](const fs::ChunkSink& sink) -> Result<std::uint64_t> {
    zoo::ContentRequest request{sink, [](const std::string&) { return true; }};
    zoo::ArtifactError problem;
    auto info = zoo::read_artifact(source, path, &request, &problem);
    if (!info) {
      unreadable = problem.message;
      return Error{problem.message};
    }
    if (!info->content_streamed) {
      absent = true;
      return Error{"content absent"};
    }
    return info->bytes;
  };
  archive::ReadOptions options;
  options.limits = limits;
  auto listing = archive::read_tarball(stream, options);
  if (absent) return false;
  const std::string& readme = built.origin.readme;
  const int line = built.origin.line;
  if (!listing) {
    // generate reported a file it could not read; anything else is damage.
    if (unreadable.empty()) {
      findings.add({Severity::kError, readme, line, 0, "archive.damaged", path + ": " + listing.error(), {}});
    }
    return true;
  }
  Diagnostics local;
  archive::report_listing(*listing, path, local);
  for (Diagnostic d : local.all()) {
    d.message = d.file + ": " + d.message;
    d.file = readme;
    d.line = line;
    findings.add(std::move(d));
  }
  if (listing->models.size() == 1) {
    for (const archive::EntryInfo& e : listing->entries) {
      if (e.sha256.empty() || e.sha256 == built.entry.model_sha) continue;
      findings.add({Severity::kWarning, readme, line, 0, check::kArchiveModelSha,
                    path + ": its model " + e.path + " has sha256 " + e.sha256 + ", not model_sha " +
                        built.entry.model_sha + " of " + built.entry.model_path,
                    {}});
    }
  }
  return true;
}

}  // namespace

ArchiveStats check_archives(const zoo::Source& source, const zoo::GenerateResult& regenerated,
                            const archive::Limits& limits, Diagnostics& findings) {
  ArchiveStats stats;
  for (const zoo::BuiltEntry& built : regenerated.entries) {
    if (built.origin.readme.empty() || built.origin.kept_previous) continue;
    if (!built.entry.model_with_data_path) continue;
    if (check_one(source, built, limits, findings)) {
      ++stats.read;
    } else {
      ++stats.content_absent;
    }
  }
  return stats;
}

}  // namespace ohm::validate
