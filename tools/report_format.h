#pragma once
// The three forms of a validate report (SPEC 8): text lines on stderr, one
// JSON object on stdout, or GitHub Actions workflow commands on stdout.

#include <functional>
#include <iosfwd>
#include <string>

#include "validate/validate.h"

namespace ohm::cli {

// "validate: 8 entries, 5 model READMEs, ...: 0 errors, 1 warning"
std::string summary_line(const validate::ValidateReport& report);

// Text: each finding as "path:line[:col]: severity: message [check]" on `err`, then the summary.
void render_text(const validate::ValidateReport& report, std::ostream& err);

// JSON: {"findings": [{check, severity, file, line, column, json_pointer, message}...],
// "summary": {...}} on `out`, python-style indented. The summary line also goes to `err`.
void render_json(const validate::ValidateReport& report, std::ostream& out, std::ostream& err);

// GitHub: "::error file=F,line=L,col=C,title=CHECK::message" (or ::warning) per
// finding on `out` (files are repository paths already), at most 10 of each
// severity, the 10th saying how many more there are, which follow as plain
// lines for the log. The summary line goes to `err`.
void render_github(const validate::ValidateReport& report, std::ostream& out, std::ostream& err);

// A Markdown table of every finding, with the summary line, for
// $GITHUB_STEP_SUMMARY (where annotations beyond GitHub's cap still show).
void render_step_summary(const validate::ValidateReport& report, std::ostream& out);

// One workflow-command property or message, escaped as GitHub's toolkit does.
std::string github_escape(const std::string& s, bool property);

}  // namespace ohm::cli
