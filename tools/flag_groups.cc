#include "flag_groups.h"

#include <cstdint>
#include <limits>

#include "arg_rules.h"

namespace ohm::cli {

void add_zoo_flags(CLI::App& cmd, ZooFlags& flags) {
  cmd.add_option("--repo", flags.where.repo_dir, "Zoo root (default: the enclosing git work tree, else .)")
      ->type_name("DIR");
  auto rev = cmd.add_option("--rev", flags.where.rev,
                            "Read the zoo at this commit (branch, tag, sha, HEAD~3) without a checkout")
                 ->type_name("REV");
  auto staged = cmd.add_flag("--staged", flags.where.staged,
                             "Read the zoo from the git index (GIT_INDEX_FILE when set), as pre-commit does");
  rev->excludes(staged);
  cmd.add_option_function<std::string>(
         "--discover",
         [&flags](const std::string& mode) {
           flags.discover = mode == "index"  ? zoo::DiscoverMode::kIndex
                            : mode == "tree" ? zoo::DiscoverMode::kTree
                                             : zoo::DiscoverMode::kAuto;
         },
         "How model READMEs are found")
      ->type_name("auto|index|tree")
      ->check(CLI::IsMember({"auto", "index", "tree"}).description(""));
  cmd.add_option("--feature-tensors", flags.feature_tensors,
                 "Feature-tensor table (JSON: model name -> tensor) instead of the zoo's "
                 ".onnx-hub-manifest/feature_tensors.json or the built-in one")
      ->type_name("FILE");
}

void add_jobs_flag(CLI::App& cmd, unsigned& jobs) {
  cmd.add_option("-j,--jobs", jobs,
                 "Models and archives read at a time, on as many threads (default: the machine's cores); the "
                 "output is the same for every N")
      ->type_name("N")
      ->check(whole_number(1, kMaxJobs));
}

void add_shard_flag(CLI::App& cmd, std::optional<zoo::Shard>& shard) {
  cmd.add_option_function<std::string>(
         "--shard", [&shard](const std::string& text) { shard = zoo::parse_shard(text); },
         "Take only shard K of N of the models (a stable hash of model_path); merge joins the parts")
      ->type_name("K/N")
      ->check(CLI::Validator(
          [](std::string& text) {
            return zoo::parse_shard(text)
                       ? std::string()
                       : "'" + text +
                             "' is not K/N with whole numbers 1 <= K <= N <= " + std::to_string(zoo::kMaxShards);
          },
          "", "SHARD"));
}

// Past this a limit is no limit; it stays clear of unsigned wrap-around.
constexpr std::uint64_t kMaxLimit = std::numeric_limits<std::int64_t>::max();

void add_archive_limit_flags(CLI::App& cmd, archive::Limits& limits) {
  cmd.add_option("--max-entries", limits.max_entries,
                 "Archive entries beyond which an archive is unsafe (default 100000)")
      ->type_name("N")
      ->check(whole_number(1, kMaxLimit));
  cmd.add_option("--max-unpacked-bytes", limits.max_unpacked_bytes,
                 "Unpacked bytes beyond which an archive is unsafe (default 16 GiB)")
      ->type_name("N")
      ->check(whole_number(1, kMaxLimit));
}

app::HubRequest HubFlags::request() const {
  app::HubRequest r;
  r.source = source;
  r.http.connect_timeout_s = connect_timeout_s;
  r.http.stall_timeout_s = stall_timeout_s;
  r.http.min_speed = min_speed;
  r.http.min_average_speed = min_average_speed;
  r.http.retries = retries;
  return r;
}

void add_hub_flags(CLI::App& cmd, HubFlags& flags) {
  cmd.add_option("--manifest", flags.source.manifest, "Read this ONNX_HUB_MANIFEST.json (files relative to its folder)")
      ->type_name("FILE");
  cmd.add_option("--repo", flags.source.repo, "Read the hub from this local zoo (default: the enclosing repository)")
      ->type_name("DIR");
  cmd.add_option("--hub", flags.source.hub, "A remote hub: owner/name[:ref] on GitHub, or an https:// base URL")
      ->type_name("OWNER/NAME[:REF]|URL");
  cmd.add_flag("--trust", flags.trust, "Download from a hub other than onnx/models:main without asking");
  cmd.add_option("--connect-timeout", flags.connect_timeout_s, "Seconds to wait for a connection (1-3600)")
      ->type_name("SECONDS")
      ->check(CLI::Range(1L, 3600L).description(""));
  cmd.add_option("--stall-timeout", flags.stall_timeout_s,
                 "Give up when no data arrives for this many seconds (1-3600)")
      ->type_name("SECONDS")
      ->check(CLI::Range(1L, 3600L).description(""));
  cmd.add_option("--min-speed", flags.min_speed,
                 "Give up when fewer bytes per second than this arrive over --stall-timeout (1-1073741824)")
      ->type_name("BYTES")
      ->check(CLI::Range(1L, 1L << 30).description(""));
  cmd.add_option("--min-average-speed", flags.min_average_speed,
                 "Each file must arrive within its size at this rate plus the timeouts; 0: no deadline")
      ->type_name("BYTES")
      ->check(CLI::Range(0L, 1L << 30).description(""));
  cmd.add_option("--retries", flags.retries, "Further attempts after a transient network failure (0-10)")
      ->type_name("N")
      ->check(CLI::Range(0, 10).description(""));
}

}  // namespace ohm::cli
