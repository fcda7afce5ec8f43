// onnx-hub-manifest fetch: place a model (and its test data) in the shared hub cache.
#include <limits>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "app/hub.h"
#include "arg_rules.h"
#include "commands.h"
#include "core/text.h"
#include "flag_groups.h"
#include "hub/trust.h"
#include "manifest/json_io.h"
#include "output_flags.h"
#include "progress_line.h"

namespace ohm::cli {
namespace {

struct FetchFlags {
  HubFlags hub;
  app::FetchRequest request;
  OutputFlags out;
};

// --format json: where each file is and whether it was already there.
manifest::Json fetched_json(const app::FetchAnswer& fetched, bool with_data) {
  const hub::FetchReport& r = fetched.report;
  manifest::Json j = manifest::Json::object();
  j["model"] = fetched.entry.model;
  j["opset_version"] = fetched.entry.opset_version;
  j["model_file"] = r.model_file;
  j["model_was_cached"] = r.model_was_cached;
  if (!r.side_files.empty()) {
    manifest::Json sides = manifest::Json::array();
    for (const hub::FetchedSideFile& f : r.side_files) {
      manifest::Json one = manifest::Json::object();
      one["file"] = f.file;
      one["was_cached"] = f.was_cached;
      sides.push_back(std::move(one));
    }
    j["side_files"] = std::move(sides);
  }
  if (with_data) {
    j["archive_file"] = r.archive_file;
    j["archive_was_cached"] = r.archive_was_cached;
    j["data_folder"] = r.data_folder;
    j["data_was_cached"] = r.data_was_cached;
  }
  return j;
}

int run_fetch(FetchFlags& flags, Context& ctx) {
  apply_output_flags(flags.out, ctx);
  app::FetchRequest& request = flags.request;
  request.hub = flags.hub.request();
  request.trust = flags.hub.trust;
  DownloadProgress progress(ctx.err);
  if (ctx.err_is_terminal && !ctx.quiet) {
    request.hub.http.progress = [&progress](std::uint64_t done, std::uint64_t total) { progress.update(done, total); };
  }
  request.warn = [&ctx, &progress](const std::string& warning) {
    progress.clear();
    ctx.warn(warning);
  };
  if (ctx.in_is_terminal) {
    request.ask = [&ctx, &progress](const std::string& warning) {
      progress.clear();
      ctx.warn(warning);
      ctx.err << "Continue? [y/N] " << std::flush;
      return hub::is_yes(ctx.read_line ? ctx.read_line() : std::string());
    };
  }
  Diagnostics findings;
  auto fetched = app::fetch(request, findings);
  progress.clear();
  if (!fetched) return ctx.fail(fetched.failure(), findings, "fetch");
  const manifest::Entry& entry = fetched->entry;
  if (!ctx.quiet) {
    bool cached = fetched->report.model_was_cached;
    for (const hub::FetchedSideFile& f : fetched->report.side_files) cached = cached && f.was_cached;
    ctx.err << (cached ? "cached: " : "fetched: ") << escape_control(entry.model) << " (opset " << entry.opset_version
            << ")\n";
  }
  if (flags.out.format == "json") {
    ctx.out << manifest::dump_python_style(fetched_json(*fetched, request.with_data)) << '\n';
  } else {
    ctx.out << fetched->report.model_file << '\n';
    if (request.with_data) ctx.out << fetched->report.data_folder << '\n';
  }
  return ctx.finish(findings, "fetch");
}

}  // namespace

void register_fetch(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<FetchFlags>();
  app::FetchRequest& r = flags->request;
  CLI::App* cmd =
      app.add_subcommand("fetch", "Place a model in the hub cache, verified by sha256, where onnx.hub finds it");
  add_hub_flags(*cmd, flags->hub);
  cmd->add_option("MODEL", r.model, "Model name (case-insensitive)")
      ->type_name("")  // the name says it
      ->required();
  cmd->add_option("--opset", r.opset, "This opset instead of the highest")
      ->type_name("N")
      ->check(whole_number(1, std::numeric_limits<std::int64_t>::max()));
  cmd->add_option("--cache", r.cache,
                  "Cache folder (default: $ONNX_HOME/hub, $XDG_CACHE_HOME/onnx/hub or ~/.cache/onnx/hub)")
      ->type_name("DIR");
  cmd->add_flag("--with-data", r.with_data, "Also fetch the .tar.gz with test data and unpack it safely");
  cmd->add_flag("--force", r.force, "Fetch and unpack again even when the cache holds a verified copy");
  add_output_flags(*cmd, flags->out, {"text", "json"},
                   "text (the cached paths, one a line) or json (paths and whether each was cached)");
  add_archive_limit_flags(*cmd, r.archive_limits);
  cmd->callback([flags, &ctx] { ctx.run = [flags, &ctx] { return run_fetch(*flags, ctx); }; });
}

}  // namespace ohm::cli
