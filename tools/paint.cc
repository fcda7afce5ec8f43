#include "paint.h"

namespace ohm::cli {
namespace {

constexpr const char* kRed = "\033[1;31m";
constexpr const char* kYellow = "\033[1;33m";
constexpr const char* kReset = "\033[0m";

std::string counted(std::size_t n, const char* word, const char* colour, bool color) {
  std::string text = std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  return color && n > 0 ? colour + text + kReset : text;
}

}  // namespace

bool use_color(const std::string& mode, bool is_terminal, const std::optional<std::string>& no_color,
               const std::optional<std::string>& term) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  return is_terminal && (!no_color || no_color->empty()) && (!term || *term != "dumb");
}

std::string paint_severity(Severity severity, bool color) {
  const char* word = severity == Severity::kError ? "error" : "warning";
  if (!color) return word;
  return std::string(severity == Severity::kError ? kRed : kYellow) + word + kReset;
}

std::string paint_finding(const Diagnostic& d, bool color) {
  std::string text = format_text(d);
  if (!color) return text;
  // The location is what format_text writes before ": <severity>: ".
  Diagnostic bare = d;
  bare.message.clear();
  bare.code.clear();
  const std::string head = format_text(bare);
  const std::string word = d.severity == Severity::kError ? "error" : "warning";
  const std::size_t location = head.size() - word.size() - 4;  // ": " + word + ": "
  return text.substr(0, location) + ": " + paint_severity(d.severity, true) + ": " + text.substr(head.size());
}

std::string paint_summary(const std::string& line, std::size_t errors, std::size_t warnings, bool color) {
  const std::string plain = count_summary(errors, warnings);
  if (!color || line.size() < plain.size() || line.compare(line.size() - plain.size(), plain.size(), plain) != 0) {
    return line;
  }
  return line.substr(0, line.size() - plain.size()) + counted(errors, "error", kRed, true) + ", " +
         counted(warnings, "warning", kYellow, true);
}

}  // namespace ohm::cli
