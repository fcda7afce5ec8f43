#include "validate/archive_checks.h"

#include "core/checks.h"

namespace ohm::validate {
namespace {

void report(const zoo::BuiltEntry& built, const archive::Listing& listing, Diagnostics& findings) {
  const std::string& path = *built.entry.model_with_data_path;
  const std::string& readme = built.origin.readme;
  const int line = built.origin.line;
  Diagnostics local;
  archive::report_listing(listing, path, local);
  for (Diagnostic d : local.take()) {
    d.message = d.file + ": " + d.message;
    d.file = readme;
    d.line = line;
    findings.add(std::move(d));
  }
  if (listing.models.size() != 1) return;
  for (const archive::EntryInfo& e : listing.entries) {
    if (e.sha256.empty() || e.sha256 == built.entry.model_sha) continue;
    findings.add({Severity::kWarning,
                  readme,
                  line,
                  0,
                  check::kArchiveModelSha,
                  path + ": its model " + e.path + " has sha256 " + e.sha256 + ", not model_sha " +
                      built.entry.model_sha + " of " + built.entry.model_path,
                  {}});
  }
}

}  // namespace

ArchiveStats check_archives(const zoo::GenerateResult& regenerated, Diagnostics& findings) {
  ArchiveStats stats;
  for (const zoo::BuiltEntry& built : regenerated.entries) {
    const zoo::EntryOrigin& origin = built.origin;
    if (origin.readme.empty() || origin.kept_previous || !built.entry.model_with_data_path) continue;
    if (origin.archive_absent) {
      ++stats.content_absent;
      continue;
    }
    ++stats.read;
    if (origin.archive) {
      report(built, *origin.archive, findings);
    } else if (origin.archive_error) {
      findings.add({Severity::kError,
                    origin.readme,
                    origin.line,
                    0,
                    check::kArchiveDamaged,
                    *built.entry.model_with_data_path + ": " + origin.archive_error->message,
                    {}});
    }
  }
  return stats;
}

}  // namespace ohm::validate
