// onnx-hub-manifest inspect: what SPEC 5 reads from one model (or from the
// models inside a .tar.gz, read as a stream and never unpacked).
#include <memory>
#include <ostream>
#include <string>

#include "app/inspect.h"
#include "commands.h"
#include "exit_codes.h"
#include "flag_groups.h"
#include "inspect_render.h"
#include "manifest/json_io.h"
#include "output_flags.h"

namespace ohm::cli {
namespace {

struct InspectFlags {
  app::InspectRequest request;
  OutputFlags out;
};

int run_inspect(const InspectFlags& flags, Context& ctx) {
  apply_output_flags(flags.out, ctx);
  auto outcome = app::inspect(flags.request);
  Diagnostics none;
  if (!outcome) return ctx.fail(outcome.failure(), none, "inspect");
  const bool nothing = !outcome->is_archive && outcome->models.empty() && !outcome->content_missing;
  if (flags.out.format == "text") {
    print_inspect_text(ctx.out, flags.request.file, *outcome);
  } else if (!nothing) {
    ctx.out << manifest::dump_python_style(inspect_json(*outcome)) << "\n";
  }
  // A pointer without its content: what it records is printed, but the
  // model could not be read, so the command could not run (exit 2).
  if (outcome->content_missing) {
    ctx.fatal(outcome->content_missing->message);
    return kExitCannotRun;
  }
  return ctx.finish(outcome->findings, "inspect");
}

}  // namespace

void register_inspect(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<InspectFlags>();
  CLI::App* cmd = app.add_subcommand(
      "inspect", "Print a model's sha, opset and io_ports as the manifest would record them (.onnx or .tar.gz)");
  cmd->add_option("FILE", flags->request.file,
                  "An .onnx model, or a .tar.gz holding one (read as a stream, never unpacked); a Git LFS pointer "
                  "is read from the LFS store")
      ->type_name("")  // the name says it
      ->required();
  add_output_flags(*cmd, flags->out, {"json", "text"}, "json (Python json.dumps indent=4 formatting) or text");
  cmd->add_flag("--full-check", flags->request.full_check,
                "Run the ONNX checker with full_check=True (strict shape inference)");
  add_archive_limit_flags(*cmd, flags->request.archive_limits);
  cmd->callback([flags, &ctx] { ctx.run = [flags, &ctx] { return run_inspect(*flags, ctx); }; });
}

}  // namespace ohm::cli
