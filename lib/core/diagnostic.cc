#include "core/diagnostic.h"

#include <algorithm>
#include <utility>

#include "core/text.h"

namespace ohm {

std::string format_text(const Diagnostic& d) {
  std::string out = d.file.empty() ? std::string("<input>") : escape_control(d.file);
  if (d.line > 0) {
    out += ':' + std::to_string(d.line);
    if (d.column > 0) out += ':' + std::to_string(d.column);
  }
  out += d.severity == Severity::kError ? ": error: " : ": warning: ";
  // One line, and nothing a terminal acts on, whatever the message holds (a
  // library's multi-line text reads best with its breaks as spaces).
  std::string message = d.message;
  std::replace_if(
      message.begin(), message.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  out += escape_control(message);
  if (!d.code.empty()) out += " [" + d.code + "]";
  return out;
}

Diagnostic to_diagnostic(const Error& e, Severity severity, const std::string& file, int line) {
  Diagnostic d;
  d.severity = severity;
  d.file = e.file.empty() ? file : e.file;
  d.line = e.file.empty() ? line : e.line;
  d.code = e.code;
  d.message = e.message;
  return d;
}

void Diagnostics::add(Diagnostic d) { items_.push_back(std::move(d)); }

void Diagnostics::error(std::string file, int line, std::string code, std::string message) {
  add({Severity::kError, std::move(file), line, 0, std::move(code), std::move(message), {}});
}

void Diagnostics::warning(std::string file, int line, std::string code, std::string message) {
  add({Severity::kWarning, std::move(file), line, 0, std::move(code), std::move(message), {}});
}

void Diagnostics::merge(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

void Diagnostics::sort_by_location() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.file != b.file) return a.file < b.file;
    return a.line < b.line;
  });
}

std::size_t Diagnostics::error_count() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

std::size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

std::string count_summary(std::size_t errors, std::size_t warnings) {
  auto plural = [](std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); };
  return plural(errors, "error") + ", " + plural(warnings, "warning");
}

}  // namespace ohm
