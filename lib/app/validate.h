#pragma once
// `validate` as one call: open the zoo where it lives and its base revision,
// read the manifest, the schema and the feature table, and run every check
// (SPEC 7).

#include <functional>
#include <optional>
#include <string>

#include "archive/tarball.h"
#include "core/result.h"
#include "git/open_zoo.h"
#include "validate/validate.h"
#include "zoo/discovery.h"
#include "zoo/generate.h"

namespace ohm::app {

struct ValidateRequest {
  git::OpenOptions where;                    // --repo, --rev, --staged
  std::optional<std::string> manifest_file;  // --manifest FILE instead of the zoo's
  std::optional<std::string> schema_file;    // --schema FILE instead of the built-in one
  std::optional<std::string> changed_since;  // --changed-since BASE
  zoo::DiscoverMode discover = zoo::DiscoverMode::kAuto;
  std::string feature_tensors;  // --feature-tensors FILE
  bool strict = false;
  bool full_check = false;  // --full-check: the ONNX checker's full_check=True
  archive::Limits archive_limits;
  // Called after each model the comparison regenerates (zoo::GenerateOptions::on_progress).
  unsigned jobs = 0;                // --jobs: rows built at a time; 0 is the machine's cores
  std::optional<zoo::Shard> shard;  // --shard K/N: only the models of that shard
  std::function<void(const zoo::Progress&)> on_progress;
};

struct ValidateOutcome {
  validate::ValidateReport report;
  std::string repo_prefix;  // the zoo inside its repository ("" at the top)
};

// Runs validate. Fails (cannot run) when the zoo, the base revision, the
// --manifest or --schema file, or the feature table cannot be read, or the
// schema cannot be used; everything wrong with the manifest is a finding.
Result<ValidateOutcome> validate(const ValidateRequest& request);

}  // namespace ohm::app
