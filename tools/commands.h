#pragma once
// One register function per subcommand, each defined in cmd_<name>.cc. Each
// adds its subcommand, options and help text to `app` and sets ctx.run when chosen.

#include <CLI/CLI.hpp>

#include "context.h"

namespace ohm::cli {

void register_generate(CLI::App& app, Context& ctx);
void register_validate(CLI::App& app, Context& ctx);
void register_inspect(CLI::App& app, Context& ctx);
void register_list(CLI::App& app, Context& ctx);
void register_info(CLI::App& app, Context& ctx);
void register_fetch(CLI::App& app, Context& ctx);
void register_cache(CLI::App& app, Context& ctx);
void register_merge(CLI::App& app, Context& ctx);

}  // namespace ohm::cli
