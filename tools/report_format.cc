#include "report_format.h"

#include <ostream>
#include <utility>
#include <vector>

#include "core/text.h"
#include "manifest/json_io.h"

namespace ohm::cli {
namespace {

const char* severity_name(Severity s) { return s == Severity::kError ? "error" : "warning"; }

// Text in a Markdown table cell: no pipes, tags or line breaks.
std::string markdown_cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '|':
        out += "\\|";
        break;
      case '<':
        out += "&lt;";
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string summary_line(const validate::ValidateReport& report) {
  const validate::ValidateSummary& s = report.summary;
  std::string line = "validate: " + counted(s.entries, "entry", "entries") + ", " +
                     counted(s.readmes, "model README", "model READMEs");
  if (s.limited) line += " (changed rows only)";
  if (s.ports_unchecked > 0) {
    line += ", " + counted(s.ports_unchecked, "entry", "entries") + " with ports not checked";
  }
  if (s.models_unchecked > 0) {
    line += ", " + counted(s.models_unchecked, "model", "models") + " not checked";
  }
  if (s.archives_absent > 0) {
    line += ", " + counted(s.archives_absent, "archive", "archives") + " not at hand";
  }
  const Diagnostics& f = report.findings;
  return line + ": " + count_summary(f.error_count(), f.warning_count());
}

manifest::Json findings_json(const Diagnostics& diags) {
  manifest::Json findings = manifest::Json::array();
  for (const Diagnostic& d : diags.all()) {
    manifest::Json f = manifest::Json::object();
    f["check"] = d.code;
    f["severity"] = severity_name(d.severity);
    f["file"] = d.file;
    f["line"] = d.line;
    f["column"] = d.column;
    f["json_pointer"] = d.json_pointer.empty() ? manifest::Json() : manifest::Json(d.json_pointer);
    f["message"] = d.message;
    findings.push_back(std::move(f));
  }
  return findings;
}

void render_json(const validate::ValidateReport& report, std::ostream& out) {
  manifest::Json findings = findings_json(report.findings);
  const validate::ValidateSummary& s = report.summary;
  manifest::Json summary = manifest::Json::object();
  summary["errors"] = report.findings.error_count();
  summary["warnings"] = report.findings.warning_count();
  summary["entries"] = s.entries;
  summary["model_readmes"] = s.readmes;
  summary["ports_unchecked"] = s.ports_unchecked;
  summary["archives_read"] = s.archives_read;
  summary["archives_not_at_hand"] = s.archives_absent;
  summary["models_not_checked"] = s.models_unchecked;
  summary["changed_rows_only"] = s.limited;
  manifest::Json doc = manifest::Json::object();
  doc["findings"] = std::move(findings);
  doc["summary"] = std::move(summary);
  out << manifest::dump_python_style(doc) << '\n';
}

std::string github_escape(const std::string& s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void github_lines(const Diagnostics& diags, std::ostream& out) {
  constexpr std::size_t kCap = 10;
  const std::size_t errors = diags.error_count(), warnings = diags.warning_count();
  std::size_t shown_errors = 0, shown_warnings = 0;
  std::vector<const Diagnostic*> in_log;
  for (const Diagnostic& d : diags.all()) {
    const bool error = d.severity == Severity::kError;
    std::size_t& shown = error ? shown_errors : shown_warnings;
    if ((error ? errors : warnings) > kCap && shown + 1 >= kCap) {
      in_log.push_back(&d);
      continue;
    }
    ++shown;
    out << "::" << severity_name(d.severity) << " file=" << github_escape(d.file, true);
    if (d.line > 0) out << ",line=" << d.line;
    if (d.line > 0 && d.column > 0) out << ",col=" << d.column;
    out << ",title=" << github_escape(d.code, true) << "::" << github_escape(d.message, false) << '\n';
  }
  for (const auto& [severity, hidden] : {std::make_pair(Severity::kError, errors - shown_errors),
                                         std::make_pair(Severity::kWarning, warnings - shown_warnings)}) {
    if (hidden == 0) continue;
    const std::string what = severity_name(severity);
    out << "::" << what << " title=" << what << "s not shown::" << hidden << " more " << what
        << (hidden == 1 ? " is" : "s are")
        << " not shown as annotations (GitHub shows 10 per step): see this step's log and the job summary\n";
  }
  for (const Diagnostic* d : in_log) out << format_text(*d) << '\n';
}

void render_github(const validate::ValidateReport& report, std::ostream& out) { github_lines(report.findings, out); }

void render_step_summary(const validate::ValidateReport& report, std::ostream& out) {
  out << "### onnx-hub-manifest validate\n\n" << markdown_cell(summary_line(report)) << "\n\n";
  if (report.findings.all().empty()) return;
  out << "| severity | check | location | message |\n| --- | --- | --- | --- |\n";
  for (const Diagnostic& d : report.findings.all()) {
    std::string where = d.file;
    if (d.line > 0) where += ":" + std::to_string(d.line);
    out << "| " << severity_name(d.severity) << " | `" << d.code << "` | `" << markdown_cell(where) << "` | "
        << markdown_cell(d.message) << " |\n";
  }
  out << "\n";
}

}  // namespace ohm::cli
