#pragma once
// Flags several commands share, each declared once: where the zoo is
// (--repo/--rev/--staged/--discover), the feature-tensor table, archive
// limits, and the hub source with its network knobs.

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "app/hub.h"
#include "archive/tarball.h"
#include "git/open_zoo.h"
#include "zoo/discovery.h"
#include "zoo/shard.h"

namespace ohm::cli {

struct ZooFlags {
  git::OpenOptions where;
  zoo::DiscoverMode discover = zoo::DiscoverMode::kAuto;
  std::string feature_tensors;
};

// --repo, --rev, --staged (exclusive with --rev), --discover, --feature-tensors.
void add_zoo_flags(CLI::App& cmd, ZooFlags& flags);

// Copies the zoo flags into a request that has the same fields (generate's, validate's).
template <class Request>
void apply_zoo_flags(const ZooFlags& flags, Request& request) {
  request.where = flags.where;
  request.discover = flags.discover;
  request.feature_tensors = flags.feature_tensors;
}

// --max-entries, --max-unpacked-bytes.
void add_archive_limit_flags(CLI::App& cmd, archive::Limits& limits);

// More threads than this buy nothing but memory.
constexpr unsigned kMaxJobs = 256;

// -j/--jobs N: 1..kMaxJobs.
void add_jobs_flag(CLI::App& cmd, unsigned& jobs);

// --shard K/N (zoo/shard.h).
void add_shard_flag(CLI::App& cmd, std::optional<zoo::Shard>& shard);

struct HubFlags {
  hub::SourceFlags source;
  bool trust = false;
  long connect_timeout_s = 20;
  long stall_timeout_s = 30;
  long min_speed = 1024;
  long min_average_speed = 16384;
  int retries = 2;

  app::HubRequest request() const;
};

// --manifest, --repo, --hub, --trust, --connect-timeout, --stall-timeout, --retries.
void add_hub_flags(CLI::App& cmd, HubFlags& flags);

}  // namespace ohm::cli
