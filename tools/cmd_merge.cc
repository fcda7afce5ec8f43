// onnx-hub-manifest merge: join the parts of generate --shard K/N into the
// manifest one full run writes.
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "app/merge.h"
#include "commands.h"
#include "core/text.h"
#include "exit_codes.h"
#include "output_flags.h"

namespace ohm::cli {
namespace {

struct MergeFlags {
  app::MergeRequest request;
  OutputFlags out;
};

int run_merge(MergeFlags& flags, Context& ctx) {
  apply_output_flags(flags.out, ctx);
  Diagnostics findings;
  if (flags.request.output == "-") flags.request.output.clear();
  auto outcome = app::merge(flags.request);
  if (!outcome) return ctx.fail(outcome.failure(), findings, "merge");
  if (outcome->write_error) {
    ctx.fatal(outcome->write_error->message);
    return kExitCannotRun;
  }
  if (flags.request.output.empty()) {
    ctx.out << outcome->text;
    if (auto flushed = ctx.flush_out(); !flushed) {
      ctx.fatal(flushed.error());
      return kExitCannotRun;
    }
  }
  const std::string what = "merge: " + std::string(outcome->target.empty() ? "joined " : "wrote ") +
                           counted(outcome->entries, "entry", "entries") + " from " +
                           counted(outcome->shards, "shard", "shards");
  if (!ctx.quiet) ctx.print_summary(what + ": " + count_summary(0, 0), findings);
  return kExitClean;
}

}  // namespace

void register_merge(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<MergeFlags>();
  CLI::App* cmd =
      app.add_subcommand("merge", "Join the parts of generate --shard K/N into the manifest one full run writes");
  cmd->add_option("parts", flags->request.parts, "The parts (each with its PART.shard.json beside it)")
      ->required()
      ->type_name("PART");
  cmd->add_option("-o,--output", flags->request.output, "Write here (atomically) instead of stdout ('-')")
      ->type_name("FILE|-");
  add_output_flags(*cmd, flags->out, {"text"}, "Findings as text (stderr)");
  cmd->callback([flags, &ctx] { ctx.run = [flags, &ctx] { return run_merge(*flags, ctx); }; });
}

}  // namespace ohm::cli
