#include "hub_flags.h"

#include "exit_codes.h"

namespace ohm::cli {

void add_hub_flags(CLI::App& cmd, HubFlags& flags) {
  cmd.add_option("--manifest", flags.source.manifest, "Read this ONNX_HUB_MANIFEST.json (files relative to its folder)");
  cmd.add_option("--repo", flags.source.repo, "Read the hub from this local zoo (default: the enclosing repository)");
  cmd.add_option("--hub", flags.source.hub, "A remote hub: owner/name[:ref] on GitHub, or an https:// base URL");
  cmd.add_flag("--trust", flags.trust, "Download from a hub other than onnx/models:main without asking");
  cmd.add_option("--connect-timeout", flags.connect_timeout_s, "Seconds to wait for a connection")
      ->check(CLI::Range(1L, 3600L));
  cmd.add_option("--stall-timeout", flags.stall_timeout_s, "Give up when no data arrives for this many seconds")
      ->check(CLI::Range(1L, 3600L));
  cmd.add_option("--retries", flags.retries, "Further attempts after a transient network failure")
      ->check(CLI::Range(0, 10));
}

hub::HttpOptions http_options(const HubFlags& flags) {
  hub::HttpOptions options;
  options.connect_timeout_s = flags.connect_timeout_s;
  options.stall_timeout_s = flags.stall_timeout_s;
  options.retries = flags.retries;
  return options;
}

int report_failure(const Context& ctx, const hub::Failure& failure, const std::string& file,
                   int line, const std::string& what, Diagnostics& diags) {
  if (failure.kind == hub::FailureKind::kProblem) {
    diags.error(file, line, failure.code, failure.message);
    ctx.print_diagnostics(diags, what);
    return kExitProblems;
  }
  for (const Diagnostic& d : diags.all()) ctx.err << format_text(d) << '\n';
  ctx.fatal(failure.message);
  return kExitCannotRun;
}

std::optional<hub::OpenedHub> open_hub_or_report(const HubFlags& flags, bool with_content,
                                                 const Context& ctx, const std::string& what,
                                                 Diagnostics& diags, int* exit_code) {
  Result<hub::HubSpec> spec = hub::resolve_hub_spec(flags.source);
  if (!spec) {
    ctx.fatal(spec.error());
    *exit_code = kExitCannotRun;
    return std::nullopt;
  }
  hub::Outcome<hub::OpenedHub> opened = hub::open_hub(*spec, http_options(flags), with_content, diags);
  if (!opened) {
    std::string file = spec->kind == hub::HubKind::kRemote ? spec->manifest_url : spec->name;
    *exit_code = report_failure(ctx, opened.failure(), file, 0, what, diags);
    return std::nullopt;
  }
  return std::move(*opened);
}

}  // namespace ohm::cli
