#include "context.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <ostream>

#include "exit_codes.h"
#include "paint.h"

namespace ohm::cli {

void Context::print_findings(const Diagnostics& diags) const {
  for (const Diagnostic& d : diags.all()) err << paint_finding(d, color) << '\n';
}

void Context::print_summary(const std::string& line, const Diagnostics& diags) const {
  err << paint_summary(line, diags.error_count(), diags.warning_count(), color) << '\n';
}

void Context::print_diagnostics(const Diagnostics& diags, const std::string& what_was_done) const {
  print_findings(diags);
  print_summary(what_was_done + ": " + count_summary(diags.error_count(), diags.warning_count()), diags);
}

int Context::finish(const Diagnostics& diags, const std::string& what_was_done) const {
  if (!diags.all().empty()) print_diagnostics(diags, what_was_done);
  return diags.has_errors() ? kExitProblems : kExitClean;
}

int Context::fail(const Error& error, Diagnostics& diags, const std::string& what) const {
  if (error.kind == ErrorKind::kProblem) {
    diags.add(to_diagnostic(error, Severity::kError));
    print_diagnostics(diags, what);
    return kExitProblems;
  }
  print_findings(diags);
  fatal(error.message);
  return kExitCannotRun;
}

Result<void> Context::flush_out() const {
  errno = 0;
  out.flush();
  // std::cout writes through C's stdout (sync_with_stdio): its buffer is the
  // one to flush, and the one whose error flag tells.
  const bool c_failed = &out == &std::cout && (std::fflush(stdout) != 0 || std::ferror(stdout));
  if (out.good() && !c_failed) return {};
  // errno names the reason only when this flush was the failing write.
  return cannot_run(std::string("cannot write to stdout") + (errno ? std::string(": ") + std::strerror(errno) : ""));
}

void Context::fatal(const std::string& message) const {
  err << "onnx-hub-manifest: " << paint_severity(Severity::kError, color) << ": " << message << '\n';
}

void Context::warn(const std::string& message) const {
  err << "onnx-hub-manifest: " << paint_severity(Severity::kWarning, color) << ": " << message << '\n';
}

}  // namespace ohm::cli
