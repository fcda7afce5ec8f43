#pragma once
// "Did you mean ...?" for mistyped commands, options and model names: edit
// distance as ninja's EditDistance/SpellcheckStringV compute it (src/util.h).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ohm {

// Levenshtein distance between `a` and `b` (insert, delete, replace: 1 each),
// byte by byte. Stops early and returns max_distance + 1 once every way on is
// longer than `max_distance`.
int edit_distance(std::string_view a, std::string_view b, int max_distance = 1 << 20);

// ninja's SpellcheckStringV: the word within 3 edits of `text` that is
// nearest (the first of equals), or "" when none is.
std::string spellcheck(std::string_view text, const std::vector<std::string>& words);

// The names someone typing `text` may have meant, compared case-insensitively:
// those `text` is a prefix of (or that are a prefix of `text`) or, when there
// are none, those within len/3 edits (1 for text under 4 bytes, else 2 or 3: a
// swapped pair of letters is 2 edits). The nearest `limit` of them,
// each once, in alphabetical order (ASCII, case-insensitive); empty when
// `text` is empty or is itself one of the names.
std::vector<std::string> nearest_names(std::string_view text, const std::vector<std::string>& names,
                                       std::size_t limit = 5);

// "a", "a or b", "a, b or c".
std::string or_list(const std::vector<std::string>& words);

}  // namespace ohm
