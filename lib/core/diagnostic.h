#pragma once
// Findings about user input (READMEs, models, manifests) that do not stop a run.

#include <cstddef>
#include <string>
#include <vector>

#include "core/result.h"

namespace ohm {

enum class Severity { kError, kWarning };

// One finding. line and column are 1-based; 0 means unknown.
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;
  int line = 0;
  int column = 0;
  std::string code;  // stable check id (core/checks.h), e.g. "readme.table.missing-column"
  std::string message;
  std::string json_pointer;  // empty unless the finding is inside a JSON document
};

// "path:line[:col]: error|warning: message [code]" (SPEC 8).
std::string format_text(const Diagnostic& d);

// An Error that stopped one step, reported as a finding of that step: its
// code, file and line, or `file`/`line` when it has none.
Diagnostic to_diagnostic(const Error& e, Severity severity, const std::string& file = {}, int line = 0);

// A sink that collects diagnostics in the order they are reported.
class Diagnostics {
 public:
  void add(Diagnostic d);
  void error(std::string file, int line, std::string code, std::string message);
  void warning(std::string file, int line, std::string code, std::string message);
  // Appends every finding of `other`.
  void merge(const Diagnostics& other);
  // Orders the findings by file, then line, keeping the order of equals (so
  // a report reads top to bottom whatever step found what).
  void sort_by_location();
  // Takes the findings out, leaving the sink empty.
  std::vector<Diagnostic> take() { return std::move(items_); }

  const std::vector<Diagnostic>& all() const { return items_; }
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }

 private:
  std::vector<Diagnostic> items_;
};

// "N errors, M warnings" with singulars where they apply.
std::string count_summary(std::size_t errors, std::size_t warnings);

}  // namespace ohm
