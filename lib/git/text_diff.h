#pragma once
// Unified diffs of two texts (generate --check), computed by libgit2.

#include <string>
#include <string_view>

namespace ohm::git {

// A unified diff ("--- a/<old_name>", "+++ b/<new_name>", hunks with 3 lines of
// context) turning `old_text` into `new_text`; "" when they are equal.
std::string unified_diff(std::string_view old_text, std::string_view new_text, const std::string& old_name,
                         const std::string& new_name);

}  // namespace ohm::git
