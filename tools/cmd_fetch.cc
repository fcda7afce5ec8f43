// onnx-hub-manifest fetch: place a model (and its test data) in the shared hub cache.
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "commands.h"
#include "exit_codes.h"
#include "hub/cache.h"
#include "hub/fetch.h"
#include "hub/query.h"
#include "hub/trust.h"
#include "hub_flags.h"

namespace ohm::cli {
namespace {

struct FetchFlags {
  HubFlags hub;
  std::string model;
  std::optional<std::int64_t> opset;
  std::string cache;
  bool with_data = false;
  bool force = false;
  std::uint64_t max_entries = archive::kDefaultMaxEntries;
  std::uint64_t max_unpacked_bytes = archive::kDefaultMaxUnpackedBytes;
};

// "\r 12.3 / 40.0 MiB" on a terminal's stderr, at most ten times a second.
class DownloadProgress {
 public:
  explicit DownloadProgress(std::ostream& err) : err_(err) {}
  ~DownloadProgress() { clear(); }
  void update(std::uint64_t done, std::uint64_t total) {
    auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    char line[96];
    if (total > 0) {
      std::snprintf(line, sizeof line, "\rdownloading: %.1f / %.1f MiB", done / 1048576.0, total / 1048576.0);
    } else {
      std::snprintf(line, sizeof line, "\rdownloading: %.1f MiB", done / 1048576.0);
    }
    err_ << line << std::flush;
    shown_ = true;
  }
  void clear() {
    if (shown_) err_ << "\r\033[K" << std::flush;
    shown_ = false;
  }

 private:
  std::ostream& err_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_;
};

// The trust question of SPEC 9, asked only when a download is about to start.
std::function<bool()> trust_gate(const hub::HubSpec& spec, bool trust_flag, Context& ctx) {
  switch (hub::decide_trust(spec.trusted, trust_flag, ctx.in_is_terminal)) {
    case hub::TrustDecision::kTrusted: return nullptr;
    case hub::TrustDecision::kRefuse:
      return [&ctx, name = spec.name] {
        ctx.err << "onnx-hub-manifest: warning: " << hub::untrusted_message(name)
                << "; no terminal to ask, so pass --trust\n";
        return false;
      };
    case hub::TrustDecision::kAsk:
      return [&ctx, name = spec.name] {
        ctx.err << "onnx-hub-manifest: warning: " << hub::untrusted_message(name) << "\nContinue? [y/N] "
                << std::flush;
        return hub::is_yes(ctx.read_line ? ctx.read_line() : std::string());
      };
  }
  return nullptr;
}

int run_fetch(const FetchFlags& flags, Context& ctx) {
  Diagnostics diags;
  int code = kExitClean;
  DownloadProgress progress(ctx.err);
  auto hub = open_hub_or_report(flags.hub, true, ctx, "fetch", diags, &code);
  if (!hub) return code;
  auto chosen = hub::select_model(hub->entries, flags.model, flags.opset);
  if (!chosen) return report_failure(ctx, chosen.failure(), hub->manifest_shown, 0, "fetch", diags);
  const manifest::Entry& entry = **chosen;

  hub::FetchOptions options;
  if (!flags.cache.empty()) {
    options.cache_root = flags.cache;
  } else {
    Result<std::string> root = hub::cache_root(hub::process_env());
    if (!root) {
      ctx.fatal(root.error());
      return kExitCannotRun;
    }
    options.cache_root = *root;
  }
  options.with_data = flags.with_data;
  options.force = flags.force;
  options.limits = {flags.max_entries, flags.max_unpacked_bytes};
  options.allow_download = trust_gate(hub->spec, flags.hub.trust, ctx);
  if (ctx.err_is_terminal && hub->content->is_remote()) {
    // Rebuild the content source with a progress callback: only a terminal gets one.
    hub::HttpOptions http = http_options(flags.hub);
    http.allow_http = hub->spec.files_base.rfind("http://", 0) == 0;
    http.progress = [&progress](std::uint64_t done, std::uint64_t total) { progress.update(done, total); };
    hub->content = hub::remote_content(hub->spec.files_base, http);
  }
  auto fetched = hub::fetch_model(entry, *hub->content, options);
  progress.clear();
  if (!fetched) {
    // The finding is about the manifest's entry; its message names the file.
    return report_failure(ctx, fetched.failure(), hub->manifest_shown, entry.line, "fetch", diags);
  }
  ctx.err << (fetched->model_was_cached ? "cached: " : "fetched: ") << entry.model << " (opset "
          << entry.opset_version << ")\n";
  ctx.out << fetched->model_file << '\n';
  if (flags.with_data) ctx.out << fetched->data_folder << '\n';
  return ctx.finish(diags, "fetch");
}

}  // namespace

void register_fetch(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<FetchFlags>();
  CLI::App* cmd = app.add_subcommand("fetch", "Place a model in the hub cache, verified by sha256, where onnx.hub finds it");
  add_hub_flags(*cmd, flags->hub);
  cmd->add_option("model", flags->model, "Model name (case-insensitive)")->required();
  cmd->add_option("--opset", flags->opset, "This opset instead of the highest");
  cmd->add_option("--cache", flags->cache, "Cache folder (default: $ONNX_HOME/hub, $XDG_CACHE_HOME/onnx/hub or ~/.cache/onnx/hub)");
  cmd->add_flag("--with-data", flags->with_data, "Also fetch the .tar.gz with test data and unpack it safely");
  cmd->add_flag("--force", flags->force, "Fetch and unpack again even when the cache holds a verified copy");
  cmd->add_option("--max-entries", flags->max_entries, "Refuse archives with more entries");
  cmd->add_option("--max-unpacked-bytes", flags->max_unpacked_bytes, "Refuse archives that unpack to more bytes");
  cmd->callback([flags, &ctx] { ctx.run = [flags, &ctx] { return run_fetch(*flags, ctx); }; });
}

}  // namespace ohm::cli
