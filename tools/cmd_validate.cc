// onnx-hub-manifest validate: check ONNX_HUB_MANIFEST.json against its schema
// and the zoo (SPEC 7), and report in text, JSON or GitHub annotations.
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include "app/validate.h"
#include "commands.h"
#include "exit_codes.h"
#include "flag_groups.h"
#include "output_flags.h"
#include "progress_line.h"
#include "report_format.h"

namespace ohm::cli {
namespace {

struct ValidateFlags {
  ZooFlags zoo;
  app::ValidateRequest request;
  OutputFlags out;
};

int run_validate(ValidateFlags& flags, Context& ctx) {
  apply_output_flags(flags.out, ctx);
  app::ValidateRequest& request = flags.request;
  apply_zoo_flags(flags.zoo, request);
  auto outcome = with_progress_line(ctx.err, ctx.err_is_terminal && !ctx.quiet, "models", [&](auto on_progress) {
    request.on_progress = on_progress;
    return app::validate(request);
  });
  Diagnostics none;
  if (!outcome) return ctx.fail(outcome.failure(), none, "validate");
  const validate::ValidateReport& report = outcome->report;
  const std::string& format = flags.out.format;
  if (format == "json") {
    render_json(report, ctx.out);
  } else if (format == "github") {
    render_github(report, ctx.out);
    // In GitHub Actions every finding also goes to the job summary.
    if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY"); summary && *summary) {
      std::ofstream file(summary, std::ios::app);
      render_step_summary(report, file);
      if (!file) ctx.warn(std::string("cannot append to $GITHUB_STEP_SUMMARY (") + summary + ")");
    }
  } else {
    ctx.print_findings(report.findings);
  }
  if (!ctx.quiet || !report.findings.all().empty()) ctx.print_summary(summary_line(report), report.findings);
  return report.findings.has_errors() ? kExitProblems : kExitClean;
}

}  // namespace

void register_validate(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<ValidateFlags>();
  app::ValidateRequest& r = flags->request;
  CLI::App* cmd = app.add_subcommand(
      "validate", "Check ONNX_HUB_MANIFEST.json against its JSON Schema and the zoo's READMEs and files");
  add_zoo_flags(*cmd, flags->zoo);
  add_jobs_flag(*cmd, r.jobs);
  add_shard_flag(*cmd, r.shard);
  cmd->add_option("--manifest", r.manifest_file, "Validate this file instead of the zoo's ONNX_HUB_MANIFEST.json")
      ->type_name("FILE");
  cmd->add_option("--schema", r.schema_file, "Use this JSON Schema (draft-07) instead of the built-in one")
      ->type_name("FILE");
  cmd->add_option("--changed-since", r.changed_since,
                  "Compare only the rows and files changed since this revision; ports of absent models are checked "
                  "against its manifest")
      ->type_name("REV");
  add_output_flags(*cmd, flags->out, {"text", "json", "github"},
                   "Report form: text (findings on stderr), json or github (workflow commands), both on stdout");
  cmd->add_flag("--full-check", r.full_check, "Run the ONNX checker with full_check=True (strict shape inference)");
  cmd->add_flag("--strict", r.strict, "Treat warnings as errors");
  add_archive_limit_flags(*cmd, r.archive_limits);
  cmd->callback([flags, &ctx] { ctx.run = [flags, &ctx] { return run_validate(*flags, ctx); }; });
}

}  // namespace ohm::cli
