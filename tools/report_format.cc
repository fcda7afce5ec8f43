#include "report_format.h"

#include <ostream>

#include "manifest/json_io.h"

namespace ohm::cli {
namespace {

const char* severity_name(Severity s) { return s == Severity::kError ? "error" : "warning"; }

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string summary_line(const validate::ValidateReport& report) {
  const validate::ValidateSummary& s = report.summary;
  std::string line =
      "validate: " + plural(s.entries, "entry", "entries") + ", " + plural(s.readmes, "model README", "model READMEs");
  if (s.limited) line += " (changed rows only)";
  if (s.ports_unchecked > 0) {
    line += ", " + plural(s.ports_unchecked, "entry", "entries") + " with ports not checked";
  }
  if (s.models_unchecked > 0) {
    line += ", " + plural(s.models_unchecked, "model", "models") + " not checked";
  }
  if (s.archives_absent > 0) {
    line += ", " + plural(s.archives_absent, "archive", "archives") + " not at hand";
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

void github_lines(const Diagnostics& diags, const std::function<std::string(const std::string&)>& repo_path,
                  std::ostream& out) {
  for (const Diagnostic& d : diags.all()) {
    out << "::" << severity_name(d.severity) << " file=" << github_escape(repo_path(d.file), true);
    if (d.line > 0) out << ",line=" << d.line;
    if (d.line > 0 && d.column > 0) out << ",col=" << d.column;
    out << ",title=" << github_escape(d.code, true) << "::" << github_escape(d.message, false) << '\n';
  }
}

void render_github(const validate::ValidateReport& report,
                   const std::function<std::string(const std::string&)>& repo_path, std::ostream& out) {
  github_lines(report.findings, repo_path, out);
}

}  // namespace ohm::cli
