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
#include "report_format.h"

namespace ohm::cli {
namespace {

struct ValidateFlags {
  ZooFlags zoo;
  app::ValidateRequest request;
  std::string format = "text";
};

int run_validate(ValidateFlags& flags, Context& ctx) {
  app::ValidateRequest& request = flags.request;
  request.where = flags.zoo.where;
  request.discover = flags.zoo.discover;
  request.feature_tensors = flags.zoo.feature_tensors;
  auto outcome = app::validate(request);
  Diagnostics none;
  if (!outcome) return ctx.fail(outcome.failure(), none, "validate");
  const validate::ValidateReport& report = outcome->report;
  if (flags.format == "json") {
    render_json(report, ctx.out, ctx.err);
  } else if (flags.format == "github") {
    render_github(report, ctx.out, ctx.err);
    // In GitHub Actions every finding also goes to the job summary.
    if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY"); summary && *summary) {
      std::ofstream file(summary, std::ios::app);
      render_step_summary(report, file);
      if (!file) ctx.err << "onnx-hub-manifest: warning: cannot append to $GITHUB_STEP_SUMMARY (" << summary << ")\n";
    }
  } else {
    render_text(report, ctx.err);
  }
  return report.findings.has_errors() ? kExitProblems : kExitClean;
}

}  // namespace

void register_validate(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<ValidateFlags>();
  app::ValidateRequest& r = flags->request;
  CLI::App* cmd = app.add_subcommand(
      "validate", "Check ONNX_HUB_MANIFEST.json against its JSON Schema and the zoo's READMEs and files");
  add_zoo_flags(*cmd, flags->zoo);
  cmd->add_option("--manifest", r.manifest_file, "Validate this file instead of the zoo's ONNX_HUB_MANIFEST.json");
  cmd->add_option("--schema", r.schema_file, "Use this JSON Schema (draft-07) instead of the built-in one");
  cmd->add_option("--changed-since", r.changed_since,
                  "Compare only the rows and files changed since this revision; ports of absent models are checked "
                  "against its manifest");
  cmd->add_option("--format", flags->format, "Report form: text (stderr), json or github (stdout)")
      ->check(CLI::IsMember({"text", "json", "github"}));
  cmd->add_flag("--full-check", r.full_check, "Run the ONNX checker with full_check=True (strict shape inference)");
  cmd->add_flag("--strict", r.strict, "Treat warnings as errors");
  add_archive_limit_flags(*cmd, r.archive_limits);
  cmd->callback([flags, &ctx] { ctx.run = [flags, &ctx] { return run_validate(*flags, ctx); }; });
}

}  // namespace ohm::cli
