// onnx-hub-manifest generate: build ONNX_HUB_MANIFEST.json from a zoo's READMEs and files.
#include <memory>
#include <ostream>
#include <string>

#include "app/generate.h"
#include "commands.h"
#include "core/text.h"
#include "exit_codes.h"
#include "flag_groups.h"
#include "progress_line.h"

namespace ohm::cli {
namespace {

struct GenerateFlags {
  ZooFlags zoo;
  app::GenerateRequest request;
  bool quiet = false;
  bool stats = false;      // --stats: bytes read from files, on stderr
  bool full_diff = false;  // --full-diff: the whole diff, not its first 200 lines
};

// --check's output: one line per differing entry and field, then the unified
// diff, cut after 200 lines unless `full_diff`.
void print_check(const app::GenerateOutcome& outcome, bool full_diff, std::ostream& out) {
  constexpr std::size_t kMaxDiffLines = 200;
  if (!outcome.changes.empty()) {
    out << outcome.changes.size() << (outcome.changes.size() == 1 ? " difference" : " differences")
        << " (the manifest -> what generate writes):\n";
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

int run_generate(GenerateFlags& flags, Context& ctx) {
  app::GenerateRequest& request = flags.request;
  request.where = flags.zoo.where;
  request.discover = flags.zoo.discover;
  request.feature_tensors = flags.zoo.feature_tensors;
  ProgressLine progress(ctx.err, ctx.err_is_terminal && !flags.quiet);
  request.on_progress = [&progress](const zoo::Progress& p) { progress.update(p); };
  auto outcome = app::generate(request);
  progress.finish();
  Diagnostics none;
  if (!outcome) return ctx.fail(outcome.failure(), none, "generate");
  if (flags.stats) ctx.err << "stats: " << outcome->bytes_read << " bytes read from files\n";

  const std::string what =
      counted(outcome->entries, "entry", "entries") + " from " + counted(outcome->readmes, "README", "READMEs");
  const Diagnostics& findings = outcome->findings;
  if (outcome->nothing_to_write) {
    ctx.print_diagnostics(findings, "generate: nothing written");
    return kExitProblems;
  }
  if (request.check) {
    print_check(*outcome, flags.full_diff, ctx.out);
    ctx.print_diagnostics(findings, "check: " + what);
    return findings.has_errors() ? kExitProblems : kExitClean;
  }
  if (outcome->write_error) {
    ctx.print_diagnostics(findings, "generate: " + what);
    ctx.fatal(outcome->write_error->message);
    return kExitCannotRun;
  }
  if (request.output == "-") ctx.out << outcome->text;
  if (!flags.quiet || !findings.all().empty()) ctx.print_diagnostics(findings, "generate: wrote " + what);
  return findings.has_errors() ? kExitProblems : kExitClean;
}

}  // namespace

void register_generate(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<GenerateFlags>();
  app::GenerateRequest& r = flags->request;
  CLI::App* cmd = app.add_subcommand("generate", "Write ONNX_HUB_MANIFEST.json from the zoo's README tables and files");
  add_zoo_flags(*cmd, flags->zoo);
  cmd->add_option("-o,--output", r.output,
                  "Write here instead of <zoo>/ONNX_HUB_MANIFEST.json ('-' for stdout); --rev needs it");
  cmd->add_flag("--check", r.check, "Write nothing; exit 1 with a diff when the manifest is not up to date");
  cmd->add_flag("-q,--quiet", flags->quiet, "No progress line, and no summary when nothing was found");
  auto reuse = cmd->add_option("--reuse", r.reuse_file, "Take io_ports/extra_ports by model_sha from this manifest");
  cmd->add_flag("--no-reuse", r.no_reuse, "Take no ports from a previous manifest")->excludes(reuse);
  cmd->add_flag("--recompute-ports", r.recompute_ports,
                "Inspect every model whose content is at hand, even when its sha is known");
  cmd->add_option("--changed-since", r.changed_since,
                  "Rebuild only the rows whose README, .onnx or .tar.gz changed since this revision");
  cmd->add_flag("--full-check", r.full_check, "Run the ONNX checker with full_check=True (strict shape inference)");
  cmd->add_flag("--full-diff", flags->full_diff, "With --check, print the whole diff, not only its first 200 lines");
  cmd->add_flag("--stats", flags->stats, "Print how many bytes were read from files, on stderr");
  cmd->callback([flags, &ctx] { ctx.run = [flags, &ctx] { return run_generate(*flags, ctx); }; });
}

}  // namespace ohm::cli
