#include "context.h"

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

void Context::fatal(const std::string& message) const {
  err << "onnx-hub-manifest: " << paint_severity(Severity::kError, color) << ": " << message << '\n';
}

void Context::warn(const std::string& message) const {
  err << "onnx-hub-manifest: " << paint_severity(Severity::kWarning, color) << ": " << message << '\n';
}

}  // namespace ohm::cli
