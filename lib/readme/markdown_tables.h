#pragma once
// GitHub-flavoured markdown tables, as cmark-gfm (the renderer GitHub uses) sees them.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ohm::readme {

struct Cell {
  std::string text;                       // plain text of the inlines, trimmed
  std::optional<std::string> first_link;  // destination of the first link, as written
  int line = 0;                           // 1-based source position
  int column = 0;
};

struct Row {
  int line = 0;
  std::vector<Cell> cells;
};

struct Table {
  int line = 0;  // line of the header row
  std::vector<Cell> header;
  std::vector<Row> rows;  // body rows, each padded to the header's width by cmark
};

// Every table in `markdown`, in document order (nested ones included).
std::vector<Table> parse_tables(std::string_view markdown);

// Index of the header cell whose text equals one of `names`, or -1.
int find_column(const Table& table, std::initializer_list<std::string_view> names);

}  // namespace ohm::readme
