// onnx-hub-manifest generate: build ONNX_HUB_MANIFEST.json from a zoo's READMEs and files.
#include <memory>
#include <ostream>
#include <string>

#include "app/generate.h"
#include "commands.h"
#include "core/text.h"
#include "exit_codes.h"
#include "flag_groups.h"
#include "manifest/json_io.h"
#include "output_flags.h"
#include "progress_line.h"
#include "report_format.h"

namespace ohm::cli {
namespace {

struct GenerateFlags {
  ZooFlags zoo;
  app::GenerateRequest request;
  OutputFlags out;
  bool stats = false;      // --stats: bytes read from files, on stderr
  bool full_diff = false;  // --full-diff: the whole diff, not its first 200 lines
};

// --check's output: one line per differing entry and field, then the unified
// diff, cut after 200 lines unless `full_diff`.
void print_check(const app::GenerateOutcome& outcome, bool full_diff, std::ostream& out) {
  constexpr std::size_t kMaxDiffLines = 200;
  if (!outcome.changes.empty()) {
    out << counted(outcome.changes.size(), "difference", "differences") << " (the manifest -> what generate writes):\n";
  }
  for (const std::string& line : outcome.changes) out << "  " << line << '\n';
  if (outcome.diff.empty()) return;
  if (!outcome.changes.empty()) out << '\n';
  std::size_t lines = 0, at = 0;
  for (; at < outcome.diff.size() && (full_diff || lines < kMaxDiffLines); ++lines) {
    std::size_t end = outcome.diff.find('\n', at);
    at = end == std::string::npos ? outcome.diff.size() : end + 1;
  }
  out << outcome.diff.substr(0, at);
  std::size_t rest = 0;
  for (std::size_t i = at; i < outcome.diff.size(); ++i) rest += outcome.diff[i] == '\n';
  if (rest > 0) out << "... " << rest << " more lines of the diff (--full-diff shows them all)\n";
}

// --format json: {"findings": [...], "summary": {...}} (and "diff" with --check) on stdout.
void print_json(const GenerateFlags& flags, const app::GenerateOutcome& outcome, Context& ctx) {
  manifest::Json summary = manifest::Json::object();
  summary["errors"] = outcome.findings.error_count();
  summary["warnings"] = outcome.findings.warning_count();
  summary["entries"] = outcome.entries;
  summary["model_readmes"] = outcome.readmes;
  summary["written"] = outcome.target.empty() ? manifest::Json() : manifest::Json(outcome.target);
  if (flags.request.check) summary["up_to_date"] = outcome.diff.empty();
  summary["bytes_read"] = outcome.bytes_read;
  manifest::Json doc = manifest::Json::object();
  doc["findings"] = findings_json(outcome.findings);
  doc["summary"] = std::move(summary);
  if (flags.request.check) {
    doc["changes"] = outcome.changes;
    doc["diff"] = outcome.diff;
  }
  ctx.out << manifest::dump_python_style(doc) << '\n';
}

// The findings in the --format asked for, then the summary line on stderr.
void report(const GenerateFlags& flags, const app::GenerateOutcome& outcome, const std::string& summary, Context& ctx) {
  const std::string& format = flags.out.format;
  const Diagnostics& findings = outcome.findings;
  if (format == "json") {
    print_json(flags, outcome, ctx);
  } else if (format == "github") {
    if (flags.request.check) print_check(outcome, flags.full_diff, ctx.out);
    github_lines(findings, ctx.out);
  } else {
    if (flags.request.check) print_check(outcome, flags.full_diff, ctx.out);
    ctx.print_findings(findings);
  }
  if (!ctx.quiet || !findings.all().empty()) {
    ctx.print_summary(summary + ": " + count_summary(findings.error_count(), findings.warning_count()), findings);
  }
}

int run_generate(GenerateFlags& flags, Context& ctx) {
  apply_output_flags(flags.out, ctx);
  app::GenerateRequest& request = flags.request;
  if (request.output == "-" && flags.out.format != "text") {
    ctx.fatal("-o - writes the manifest to stdout, where --format " + flags.out.format + " writes its report");
    return kExitCannotRun;
  }
  apply_zoo_flags(flags.zoo, request);
  auto outcome = with_progress_line(ctx.err, ctx.err_is_terminal && !ctx.quiet, "models", [&](auto on_progress) {
    request.on_progress = on_progress;
    return app::generate(request);
  });
  Diagnostics none;
  if (!outcome) return ctx.fail(outcome.failure(), none, "generate");
  if (flags.stats) ctx.err << "stats: " << outcome->bytes_read << " bytes read from files\n";

  const std::string what = counted(outcome->entries, "entry", "entries") + " from " +
                           counted(outcome->readmes, "README", "READMEs") +
                           (outcome->since ? " read (changes since " + *outcome->since + ")" : std::string()) +
                           (request.shard ? " (shard " + zoo::to_string(*request.shard) + ")" : "");
  const Diagnostics& findings = outcome->findings;
  if (outcome->nothing_to_write) {
    ctx.quiet = false;  // the summary is the news
    report(flags, *outcome, "generate: nothing written", ctx);
    return kExitProblems;
  }
  if (request.check) {
    ctx.quiet = false;
    report(flags, *outcome, "check: " + what, ctx);
    return findings.has_errors() ? kExitProblems : kExitClean;
  }
  if (outcome->write_error) {
    ctx.quiet = false;
    report(flags, *outcome, "generate: " + what, ctx);
    ctx.fatal(outcome->write_error->message);
    return kExitCannotRun;
  }
  if (request.output == "-") {
    ctx.out << outcome->text;
    if (auto flushed = ctx.flush_out(); !flushed) {
      ctx.quiet = false;
      report(flags, *outcome, "generate: " + what, ctx);
      ctx.fatal(flushed.error());
      return kExitCannotRun;
    }
  }
  report(flags, *outcome, std::string(outcome->unchanged ? "generate: up to date, " : "generate: wrote ") + what, ctx);
  return findings.has_errors() ? kExitProblems : kExitClean;
}

}  // namespace

void register_generate(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<GenerateFlags>();
  app::GenerateRequest& r = flags->request;
  CLI::App* cmd = app.add_subcommand("generate", "Write ONNX_HUB_MANIFEST.json from the zoo's README tables and files");
  add_zoo_flags(*cmd, flags->zoo);
  add_jobs_flag(*cmd, r.jobs);
  add_shard_flag(*cmd, r.shard);
  cmd->add_option("-o,--output", r.output,
                  "Write here instead of <zoo>/ONNX_HUB_MANIFEST.json ('-' for stdout); --rev needs it")
      ->type_name("FILE|-");
  cmd->add_flag("--check", r.check, "Write nothing; exit 1 with a diff when the manifest is not up to date");
  add_output_flags(*cmd, flags->out, {"text", "json", "github"},
                   "Findings as text (stderr), json or github workflow commands (stdout)");
  auto reuse = cmd->add_option("--reuse", r.reuse_file, "Take io_ports/extra_ports by model_sha from this manifest")
                   ->type_name("FILE");
  cmd->add_flag("--no-reuse", r.no_reuse, "Take no ports from a previous manifest")->excludes(reuse);
  cmd->add_flag("--recompute-ports", r.recompute_ports,
                "Inspect every model whose content is at hand, even when its sha is known");
  cmd->add_option("--changed-since", r.changed_since,
                  "Rebuild only the rows whose README, .onnx or .tar.gz changed since this revision")
      ->type_name("REV");
  cmd->add_flag("--full-check", r.full_check, "Run the ONNX checker with full_check=True (strict shape inference)");
  cmd->add_flag("--full-diff", flags->full_diff, "With --check, print the whole diff, not only its first 200 lines");
  cmd->add_flag("--stats", flags->stats, "Print how many bytes were read from files, on stderr");
  cmd->callback([flags, &ctx] { ctx.run = [flags, &ctx] { return run_generate(*flags, ctx); }; });
}

}  // namespace ohm::cli
