#pragma once
// "Did you mean" for a command line CLI11 refused (ninja's SpellcheckStringV):
// CLI11 says "A subcommand is required" for `genrate` and "The following
// argument was not expected" for `--formt`.

#include <CLI/CLI.hpp>

#include <string>

namespace ohm::cli {

// Walks the words as CLI11 would and names the first one that fits nothing:
//   "unknown command 'genrate'; did you mean generate?"
//   "validate has no option --formt; did you mean --format?"
// (without a near name: "...; see onnx-hub-manifest validate --help").
// "" when every command and option is known (the fault is elsewhere).
std::string spelling_hint(CLI::App& app, int argc, const char* const* argv);

}  // namespace ohm::cli
