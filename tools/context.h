#pragma once
// What every command gets from main: streams and terminal facts. No globals.

#include <functional>
#include <iosfwd>
#include <string>

#include "core/diagnostic.h"
#include "core/result.h"

namespace ohm::cli {

struct Context {
  std::ostream& out;  // results
  std::ostream& err;  // diagnostics, progress, logs
  bool err_is_terminal = false;
  bool in_is_terminal = false;
  bool out_is_terminal = false;
  // Set from the command's --color and --quiet before it prints (output_flags.h).
  bool color = false;  // paint "error"/"warning" on `err`
  bool quiet = false;  // no progress, no summary when nothing was found
  // Reads one line from the user (for y/N questions); empty on end of input.
  std::function<std::string()> read_line;
  // Set by the chosen subcommand; main runs it after parsing.
  std::function<int()> run;

  // Prints each finding as one line on `err`, then the summary line.
  void print_diagnostics(const Diagnostics& diags, const std::string& what_was_done) const;
  // Prints the findings (if any) with their summary line, and returns the
  // exit code they deserve: kExitProblems when one is an error, else kExitClean.
  int finish(const Diagnostics& diags, const std::string& what_was_done) const;
  // A call that stopped: a problem is one more finding (with the summary
  // "<what>: 1 error"), exit 1; anything else prints the findings so far and
  // "onnx-hub-manifest: error: <message>", exit 2.
  int fail(const Error& error, Diagnostics& diags, const std::string& what) const;
  // Pushes everything written to `out` to where it goes (a file, a pipe, a
  // full disk): a failure names the reason, so a command never exits 0 having
  // lost its result.
  Result<void> flush_out() const;
  // "onnx-hub-manifest: error: <message>" on `err`.
  void fatal(const std::string& message) const;
  // "onnx-hub-manifest: warning: <message>" on `err`.
  void warn(const std::string& message) const;
  // Each finding as one line on `err` (painted when `color`).
  void print_findings(const Diagnostics& diags) const;
  // `line` (ending in the findings' count_summary) on `err`, painted when `color`.
  void print_summary(const std::string& line, const Diagnostics& diags) const;
};

}  // namespace ohm::cli
