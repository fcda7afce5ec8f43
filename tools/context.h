#pragma once
// What every command gets from main: streams and terminal facts. No globals.

#include <functional>
#include <iosfwd>
#include <string>

#include "core/diagnostic.h"

namespace ohm::cli {

struct Context {
  std::ostream& out;  // results
  std::ostream& err;  // diagnostics, progress, logs
  bool err_is_terminal = false;
  bool in_is_terminal = false;
  // Reads one line from the user (for y/N questions); empty on end of input.
  std::function<std::string()> read_line;
  // Set by the chosen subcommand; main runs it after parsing.
  std::function<int()> run;

  // Prints each finding as one line on `err`, then the summary line.
  void print_diagnostics(const Diagnostics& diags, const std::string& what_was_done) const;
  // Prints the findings (if any) with their summary line, and returns the
  // exit code they deserve: kExitProblems when one is an error, else kExitClean.
  int finish(const Diagnostics& diags, const std::string& what_was_done) const;
  // "onnx-hub-manifest: error: <message>" on `err`.
  void fatal(const std::string& message) const;
};

}  // namespace ohm::cli
