#include "readme/input_limits.h"

#include <algorithm>

namespace ohm::readme {
namespace {

// Cells a table line would have: its unescaped pipes, plus one.
std::size_t cells_of(std::string_view line) {
  std::size_t pipes = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
    } else if (line[i] == '|') {
      ++pipes;
    }
  }
  return pipes + 1;
}

std::string at_most(std::size_t limit, const char* what) {
  return std::string(" (") + what + " may have at most " + std::to_string(limit) + ")";
}

bool is_blank(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

// A GFM delimiter row ("|---|:-:|"): only pipes, dashes, colons and spaces,
// with at least one dash and one pipe.
bool is_delimiter_row(std::string_view line) {
  bool dash = false;
  bool pipe = false;
  for (char c : line) {
    if (c == '-') {
      dash = true;
    } else if (c == '|') {
      pipe = true;
    } else if (c != ':' && c != ' ' && c != '\t' && c != '\r') {
      return false;
    }
  }
  return dash && pipe;
}

}  // namespace

std::optional<LimitExceeded> exceeds_size(std::uint64_t bytes, const InputLimits& limits) {
  if (bytes <= limits.max_bytes) return std::nullopt;
  return LimitExceeded{0, "the README is " + std::to_string(bytes) + " bytes" + at_most(limits.max_bytes, "a README")};
}

std::optional<LimitExceeded> exceeds_limits(std::string_view markdown, const InputLimits& limits) {
  if (auto over = exceeds_size(markdown.size(), limits)) return over;
  std::size_t brackets = 0;
  std::size_t table_cells = 0;
  std::size_t table_width = 0;  // the header's cells while inside a table
  int line_no = 0;
  std::size_t start = 0;
  while (start < markdown.size()) {
    std::size_t end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = markdown.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (line.size() > limits.max_line_bytes) {
      return LimitExceeded{
          line_no, "a line of " + std::to_string(line.size()) + " bytes" + at_most(limits.max_line_bytes, "a line")};
    }
    brackets += static_cast<std::size_t>(std::count(line.begin(), line.end(), '['));
    if (brackets > limits.max_brackets) {
      return LimitExceeded{line_no, std::to_string(brackets) + " '[' characters by this line" +
                                        at_most(limits.max_brackets, "a README")};
    }
    if (is_blank(line)) {
      table_width = 0;
      continue;
    }
    const std::size_t cells = cells_of(line);
    if (cells > limits.max_row_cells) {
      return LimitExceeded{
          line_no, "a table row of " + std::to_string(cells) + " cells" + at_most(limits.max_row_cells, "a row")};
    }
    // cmark-gfm gives every row of a table as many cells as its header.
    if (is_delimiter_row(line)) table_width = std::max(table_width, cells);
    if (table_width > 0 || cells > 1) table_cells += std::max(cells, table_width);
    if (table_cells > limits.max_table_cells) {
      return LimitExceeded{line_no, "tables of " + std::to_string(table_cells) +
                                        " cells by this line, every row as wide as its header" +
                                        at_most(limits.max_table_cells, "a README")};
    }
  }
  return std::nullopt;
}

}  // namespace ohm::readme
