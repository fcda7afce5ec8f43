#pragma once
// The three forms of a validate report (SPEC 8): text lines on stderr, one
// JSON object on stdout, or GitHub Actions workflow commands on stdout.

#include <functional>
#include <iosfwd>
#include <string>

#include "manifest/entry.h"
#include "validate/validate.h"

namespace ohm::cli {

// "validate: 8 entries, 5 model READMEs, ...: 0 errors, 1 warning"
std::string summary_line(const validate::ValidateReport& report);

// (Text is the findings' lines and the summary line, printed by Context.)

// JSON: {"findings": [{check, severity, file, line, column, json_pointer, message}...],
// "summary": {...}} on `out`, python-style indented.
void render_json(const validate::ValidateReport& report, std::ostream& out);

// GitHub: "::error file=F,line=L,col=C,title=CHECK::message" (or ::warning) per
// finding on `out` (see github_lines).
void render_github(const validate::ValidateReport& report, std::ostream& out);

// A Markdown table of every finding, with the summary line, for
// $GITHUB_STEP_SUMMARY (where annotations beyond GitHub's cap still show).
void render_step_summary(const validate::ValidateReport& report, std::ostream& out);

// The findings as JSON objects {check, severity, file, line, column, json_pointer, message}.
manifest::Json findings_json(const Diagnostics& diags);

// Each finding as a GitHub workflow command on `out` (files are repository
// paths already): at most 10 of each severity, as GitHub shows no more per
// step; past that the 10th says how many more there are, and they follow as
// plain lines for the log.
void github_lines(const Diagnostics& diags, std::ostream& out);

// One workflow-command property or message, escaped as GitHub's toolkit does.
std::string github_escape(const std::string& s, bool property);

}  // namespace ohm::cli
