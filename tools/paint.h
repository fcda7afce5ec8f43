#pragma once
// Colour for people at a terminal: the "error" and "warning" words of finding
// lines and of summary counts. Text is unchanged when colour is off, so logs,
// pipes and tests see exactly the plain forms (SPEC 8).

#include <cstddef>
#include <optional>
#include <string>

#include "core/diagnostic.h"

namespace ohm::cli {

// Whether to colour a stream: "always", "never", or "auto" = the stream is a
// terminal, NO_COLOR is unset or empty (no-color.org) and TERM is not "dumb".
// `no_color` and `term` are the variables' values (nullopt when unset).
bool use_color(const std::string& mode, bool is_terminal, const std::optional<std::string>& no_color,
               const std::optional<std::string>& term);

// The word in bold red ("error") or bold yellow ("warning"), or as is.
std::string paint_severity(Severity severity, bool color);

// format_text(d) with its severity word painted.
std::string paint_finding(const Diagnostic& d, bool color);

// `line` ending in count_summary(errors, warnings), with non-zero counts painted.
std::string paint_summary(const std::string& line, std::size_t errors, std::size_t warnings, bool color);

}  // namespace ohm::cli
