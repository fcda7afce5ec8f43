#pragma once
// One register function per subcommand, each defined in cmd_<name>.cc. Each
// adds its subcommand, options and help text to `app` and sets ctx.run when chosen.

#include <CLI/CLI.hpp>

#include "context.h"

namespace ohm::cli {

void register_generate(CLI::App& app, Context& ctx);

}  // namespace ohm::cli
