// onnx-hub-manifest: generate and validate ONNX_HUB_MANIFEST.json, and fetch
// models from a hub. Parses arguments and dispatches; the work is in lib/.
#include <unistd.h>

#include <exception>
#include <iostream>
#include <optional>
#include <string>

#include "arg_rules.h"
#include "commands.h"
#include "exit_codes.h"
#include "onnx/isolation.h"
#include "output_flags.h"
#include "spelling_hints.h"

int main(int argc, char** argv) {
  // First, before any thread: a libonnx worker process serves and ends here.
  if (std::optional<int> worker = ohm::onnx::serve_worker_if_asked(argc, argv)) return *worker;
  using namespace ohm::cli;
  Context ctx{std::cout, std::cerr, false, false, false, false, false, {}, {}};
  ctx.err_is_terminal = ::isatty(STDERR_FILENO) == 1;
  ctx.in_is_terminal = ::isatty(STDIN_FILENO) == 1;
  ctx.out_is_terminal = ::isatty(STDOUT_FILENO) == 1;
  ctx.read_line = [] {
    std::string line;
    std::getline(std::cin, line);
    return line;
  };
  try {
    CLI::App app{"Generate and validate ONNX_HUB_MANIFEST.json, and fetch models from an ONNX Model Hub",
                 "onnx-hub-manifest"};
    app.require_subcommand(1);
    add_version_flag(app);
    register_generate(app, ctx);
    register_validate(app, ctx);
    register_merge(app, ctx);
    register_inspect(app, ctx);
    register_list(app, ctx);
    register_info(app, ctx);
    register_fetch(app, ctx);
    register_cache(app, ctx);
    refuse_empty_values(app);
    try {
      app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
      return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
      return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
      return app.exit(e);
    } catch (const CLI::ParseError& e) {
      // A mistyped command or option gets a "did you mean"; CLI11 says only
      // "A subcommand is required" or "...not expected".
      if (std::string hint = spelling_hint(app, argc, argv); !hint.empty()) {
        ctx.fatal(hint);
        return kExitCannotRun;
      }
      // CLI11's own codes are not ours: every argument problem is "could not run".
      app.exit(e, std::cout, std::cerr);
      return kExitCannotRun;
    }
    if (!ctx.run) return kExitCannotRun;
    const int code = ctx.run();
    // A command that could not run has said why; its stdout failing too is the same story.
    if (auto flushed = ctx.flush_out(); !flushed && code != kExitCannotRun) {
      ctx.fatal(flushed.error());
      return kExitCannotRun;
    }
    return code;
  } catch (const std::exception& e) {
    ctx.fatal(std::string("internal error: ") + e.what());
    return kExitCannotRun;
  }
}
