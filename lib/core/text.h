#pragma once
// Small string helpers with no knowledge of zoos or manifests.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ohm {

// Strips ASCII whitespace from both ends.
std::string_view trim(std::string_view s);

// ASCII lower case.
std::string to_lower(std::string_view s);

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view s);

// The byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view s);

// `s` safe to print on one line of a terminal: C0 controls and DEL as \n,
// \r, \t or \xHH, C1 controls (U+0080..U+009F) as \u0080.., and bytes
// that are not UTF-8 as \xHH. Text from a README, a model or a manifest
// then never breaks a line, moves the cursor or retitles the window.
std::string escape_control(std::string_view s);

// Decodes %XX escapes; nullopt when a % is not followed by two hex digits.
std::optional<std::string> percent_decode(std::string_view s);

// Parses a whole string as a base-10 integer (optional leading '-'); nullopt
// on anything else, including overflow.
std::optional<std::int64_t> parse_int64(std::string_view s);

// "1 entry", "3 entries": a count with the word in the number it needs.
std::string counted(std::size_t n, std::string_view one, std::string_view many);

// Splits on `sep`, keeping empty parts.
std::vector<std::string> split(std::string_view s, char sep);

// 1-based line and column of byte `offset` in `text`.
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn line_column_at(std::string_view text, std::size_t offset);

}  // namespace ohm
