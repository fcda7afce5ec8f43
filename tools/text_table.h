#pragma once
// Columns for people: the tables of `list` and `cache list`. Cells come from
// manifests and file names, so each is shown with escape_control: a model
// name cannot clear the screen or retitle the terminal.

#include <cstddef>
#include <iosfwd>
#include <set>
#include <string>
#include <vector>

namespace ohm::cli {

// Prints `rows` (the first is the header) as aligned columns two spaces
// apart: the columns in `right_aligned` right-aligned, the others left-aligned,
// the last column not padded.
void print_text_table(std::ostream& out, const std::vector<std::vector<std::string>>& rows,
                      const std::set<std::size_t>& right_aligned);

}  // namespace ohm::cli
