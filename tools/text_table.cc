#include "text_table.h"

#include <algorithm>
#include <ostream>

#include "core/text.h"

namespace ohm::cli {

void print_text_table(std::ostream& out, const std::vector<std::vector<std::string>>& rows,
                      const std::set<std::size_t>& right_aligned) {
  std::vector<std::vector<std::string>> shown;
  std::vector<std::size_t> width;
  for (const auto& row : rows) {
    std::vector<std::string> cells;
    for (std::size_t i = 0; i < row.size(); ++i) {
      cells.push_back(escape_control(row[i]));
      if (width.size() <= i) width.push_back(0);
      width[i] = std::max(width[i], cells.back().size());
    }
    shown.push_back(std::move(cells));
  }
  for (const auto& row : shown) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      std::string cell = row[i];
      if (i + 1 < row.size()) {
        std::string pad(width[i] - cell.size(), ' ');
        cell = (right_aligned.count(i) ? pad + cell : cell + pad) + "  ";
      }
      line += cell;
    }
    out << line << '\n';
  }
}

}  // namespace ohm::cli
