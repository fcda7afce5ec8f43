#include "context.h"

#include <ostream>

#include "exit_codes.h"

namespace ohm::cli {

void Context::print_diagnostics(const Diagnostics& diags, const std::string& what_was_done) const {
  for (const Diagnostic& d : diags.all()) err << format_text(d) << '\n';
  err << what_was_done << ": " << count_summary(diags.error_count(), diags.warning_count()) << '\n';
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
  for (const Diagnostic& d : diags.all()) err << format_text(d) << '\n';
  fatal(error.message);
  return kExitCannotRun;
}

void Context::fatal(const std::string& message) const { err << "onnx-hub-manifest: error: " << message << '\n'; }

}  // namespace ohm::cli
