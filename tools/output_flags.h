#pragma once
// The flags every command shares (one CLI grammar): -q/--quiet,
// --format FORM, --color WHEN and --version.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "context.h"

namespace ohm::cli {

struct OutputFlags {
  bool quiet = false;
  std::string format;  // one of the command's forms (the first is the default)
  std::string color = "auto";
};

// Adds -q/--quiet, --format (one of `forms`; `help` says what each prints),
// --color auto|always|never and --version to `cmd`.
void add_output_flags(CLI::App& cmd, OutputFlags& flags, const std::vector<std::string>& forms,
                      const std::string& help);

// --version alone (for a command whose verbs carry the other flags).
void add_version_flag(CLI::App& cmd);

// Sets ctx.color (for stderr, honouring NO_COLOR and TERM) and ctx.quiet.
void apply_output_flags(const OutputFlags& flags, Context& ctx);

}  // namespace ohm::cli
