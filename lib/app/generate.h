#pragma once
// `generate` as one call: open the zoo where it lives, read the previous
// manifest, build the entries (in full or --changed-since), then write the
// manifest atomically or, with --check, compare it (SPEC 1-6).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/result.h"
#include "git/open_zoo.h"
#include "zoo/discovery.h"
#include "zoo/generate.h"

namespace ohm::app {

struct GenerateRequest {
  git::OpenOptions where;  // --repo, --rev, --staged
  zoo::DiscoverMode discover = zoo::DiscoverMode::kAuto;
  // "" writes <zoo>/ONNX_HUB_MANIFEST.json; "-" writes nothing (the caller
  // prints the text); anything else is the file to write.
  std::string output;
  bool check = false;                     // compare instead of writing
  std::optional<std::string> reuse_file;  // --reuse FILE
  bool no_reuse = false;
  bool recompute_ports = false;
  std::optional<std::string> changed_since;  // --changed-since BASE
  std::string feature_tensors;               // --feature-tensors FILE ("" for the zoo's or built-in table)
  bool full_check = false;                   // --full-check: the ONNX checker's full_check=True
  unsigned jobs = 0;                         // --jobs: rows built at a time; 0 is the machine's cores
  std::optional<zoo::Shard> shard;           // --shard K/N: only the models of that shard
  std::function<void(const zoo::Progress&)> on_progress;
};

struct GenerateOutcome {
  Diagnostics findings;
  std::string text;  // the manifest generate writes (or, with check, would write)
  std::size_t entries = 0;
  std::size_t readmes = 0;           // READMEs read (with `since`, only those that changed)
  std::optional<std::string> since;  // the base only what changed since was rebuilt against
  bool nothing_to_write = false;     // no model READMEs could be looked for
  std::string target;                // the file written ("" when nothing was)
  bool unchanged = false;            // the target already held these bytes and was left as it was
  std::string shard_file;            // --shard: the side file written beside it
  std::optional<Error> write_error;  // the file could not be written (the findings still stand)
  std::string diff;                  // check: the unified diff, "" when up to date
  std::vector<std::string> changes;  // check: one line per differing entry and field (manifest::entry_changes)
  std::uint64_t bytes_read = 0;      // from the zoo's files and the LFS store
};

// Runs generate. Fails (cannot run) when the zoo, a revision, --reuse or the
// feature-tensor table cannot be opened, or --rev has no -o.
Result<GenerateOutcome> generate(const GenerateRequest& request);

}  // namespace ohm::app
