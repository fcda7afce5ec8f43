// onnx-hub-manifest fetch: place a model (and its test data) in the shared hub cache.
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "app/hub.h"
#include "commands.h"
#include "flag_groups.h"
#include "hub/trust.h"
#include "progress_line.h"

namespace ohm::cli {
namespace {

struct FetchFlags {
  HubFlags hub;
  app::FetchRequest request;
};

int run_fetch(FetchFlags& flags, Context& ctx) {
  app::FetchRequest& request = flags.request;
  request.hub = flags.hub.request();
  request.trust = flags.hub.trust;
  DownloadProgress progress(ctx.err);
  if (ctx.err_is_terminal) {
    request.hub.http.progress = [&progress](std::uint64_t done, std::uint64_t total) { progress.update(done, total); };
  }
  request.warn = [&ctx](const std::string& warning) { ctx.err << "onnx-hub-manifest: warning: " << warning << "\n"; };
  if (ctx.in_is_terminal) {
    request.ask = [&ctx](const std::string& warning) {
      ctx.err << "onnx-hub-manifest: warning: " << warning << "\nContinue? [y/N] " << std::flush;
      return hub::is_yes(ctx.read_line ? ctx.read_line() : std::string());
    };
  }
  Diagnostics findings;
  auto fetched = app::fetch(request, findings);
  progress.clear();
  if (!fetched) return ctx.fail(fetched.failure(), findings, "fetch");
  const manifest::Entry& entry = fetched->entry;
  ctx.err << (fetched->report.model_was_cached ? "cached: " : "fetched: ") << entry.model << " (opset "
          << entry.opset_version << ")\n";
  ctx.out << fetched->report.model_file << '\n';
  if (request.with_data) ctx.out << fetched->report.data_folder << '\n';
  return ctx.finish(findings, "fetch");
}

}  // namespace

void register_fetch(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<FetchFlags>();
  app::FetchRequest& r = flags->request;
  CLI::App* cmd =
      app.add_subcommand("fetch", "Place a model in the hub cache, verified by sha256, where onnx.hub finds it");
  add_hub_flags(*cmd, flags->hub);
  cmd->add_option("model", r.model, "Model name (case-insensitive)")->required();
  cmd->add_option("--opset", r.opset, "This opset instead of the highest");
  cmd->add_option("--cache", r.cache,
                  "Cache folder (default: $ONNX_HOME/hub, $XDG_CACHE_HOME/onnx/hub or ~/.cache/onnx/hub)");
  cmd->add_flag("--with-data", r.with_data, "Also fetch the .tar.gz with test data and unpack it safely");
  cmd->add_flag("--force", r.force, "Fetch and unpack again even when the cache holds a verified copy");
  add_archive_limit_flags(*cmd, r.archive_limits);
  cmd->callback([flags, &ctx] { ctx.run = [flags, &ctx] { return run_fetch(*flags, ctx); }; });
}

}  // namespace ohm::cli
