#pragma once
// `validate` (SPEC 7): a manifest checked against its JSON Schema, against
// itself (order, duplicates, paths, keys) and against the zoo it describes
// (regeneration, artifacts, archives, reachability, ports).

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "archive/tarball.h"
#include "core/diagnostic.h"
#include "core/result.h"
#include "manifest/entry.h"
#include "zoo/changed_since.h"
#include "zoo/discovery.h"
#include "zoo/generate.h"
#include "zoo/shard.h"
#include "zoo/source.h"

namespace ohm::validate {

struct ValidateOptions {
  // The manifest to check, and how findings name it. nullopt: the zoo has
  // none (manifest.missing), or it could not be read (manifest.unreadable,
  // saying why).
  std::optional<std::string> manifest_text;
  std::optional<std::string> manifest_object_id;  // zoo::Source::object_id of the zoo's manifest
  std::string manifest_shown = "ONNX_HUB_MANIFEST.json";
  std::string manifest_unreadable;
  // The JSON Schema; empty means the built-in one.
  std::string schema_text;
  std::string schema_shown = "built-in schema";
  zoo::DiscoverMode discover = zoo::DiscoverMode::kAuto;
  // Model name -> feature tensor (SPEC 5); empty when there is no table.
  std::map<std::string, std::string> feature_tensors;
  // The manifest at the base revision (SPEC 7 ports): its name ("HEAD",
  // "origin/main"; "" when there is none) and its text (nullopt when the base
  // has none; text that is not a manifest vouches for nothing).
  std::string base_name;
  std::optional<std::string> base_manifest_text;
  // The base's manifest is the same blob as the one under check (then its
  // text is not read: base_manifest_text stays nullopt).
  bool base_manifest_is_own = false;
  // --changed-since / --staged: only what changed since `base_source` is
  // compared with the zoo; the manifest-wide checks still run in full.
  const zoo::Source* base_source = nullptr;
  std::optional<zoo::ChangeSet> changes;
  archive::Limits archive_limits;
  bool full_check = false;  // the ONNX checker's full_check=True
  bool strict = false;      // warnings become errors
  unsigned jobs = 1;        // rows regenerated at a time (zoo::GenerateOptions::jobs)
  // The zoo's READMEs, when the caller has started reading them
  // (zoo::read_discovered_ahead) while it read the manifests; else validate
  // reads them itself.
  zoo::ReadmeSet* readmes = nullptr;
  // Only the entries and rows of this shard are compared (zoo::GenerateOptions::shard).
  std::optional<zoo::Shard> shard;
  // Called after each model the regeneration reads (zoo::GenerateOptions::on_progress).
  std::function<void(const zoo::Progress&)> on_progress;
};

struct ValidateSummary {
  std::size_t entries = 0;          // entries in the manifest
  std::size_t readmes = 0;          // model READMEs read
  std::size_t ports_unchecked = 0;  // entries whose io_ports nothing could check
  std::size_t archives_read = 0;
  std::size_t archives_absent = 0;   // archives whose content is not at hand
  std::size_t models_unchecked = 0;  // models whose content is not at hand: not checked (SPEC 7)
  bool limited = false;              // only changed rows were compared
};

struct ValidateReport {
  Diagnostics findings;  // sorted by file, then line
  ValidateSummary summary;
};

// Runs every check. Fails (exit 2 material) only when the schema cannot be
// used; everything wrong with the manifest or the zoo is a finding.
Result<ValidateReport> validate(const zoo::Source& zoo, const ValidateOptions& options);

}  // namespace ohm::validate
