#include "readme/markdown_tables.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstring>
#include <mutex>

#include "core/text.h"
#include "readme/internal/handles.h"

namespace ohm::readme {
namespace {

bool is_type(cmark_node* node, const char* name) {
  const char* t = cmark_node_get_type_string(node);
  return t != nullptr && std::strcmp(t, name) == 0;
}

bool is_line_break_html(std::string_view html) {
  std::string lower = to_lower(trim(html));
  return lower == "<br>" || lower == "<br/>" || lower == "<br />";
}

// Plain text of a cell's inlines: text and code literals, <br> as a space,
// other HTML tags dropped; the first link's destination is kept apart.
Cell read_cell(cmark_node* cell_node) {
  Cell cell;
  cell.line = cmark_node_get_start_line(cell_node);
  cell.column = cmark_node_get_start_column(cell_node);
  std::string text;
  IterPtr iter(cmark_iter_new(cell_node));
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(iter.get());
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* lit = cmark_node_get_literal(n)) text += lit;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        text += ' ';
        break;
      case CMARK_NODE_HTML_INLINE:
        if (const char* lit = cmark_node_get_literal(n); lit && is_line_break_html(lit)) text += ' ';
        break;
      case CMARK_NODE_LINK:
        if (!cell.first_link) {
          const char* url = cmark_node_get_url(n);
          cell.first_link = url ? url : "";
        }
        break;
      default:
        break;
    }
  }
  cell.text = std::string(trim(text));
  return cell;
}

Table read_table(cmark_node* table_node) {
  Table table;
  table.line = cmark_node_get_start_line(table_node);
  for (cmark_node* row = cmark_node_first_child(table_node); row; row = cmark_node_next(row)) {
    // cmark-gfm names the header row "table_header" and body rows "table_row".
    const bool header = is_type(row, "table_header");
    if (!header && !is_type(row, "table_row")) continue;
    Row r;
    r.line = cmark_node_get_start_line(row);
    for (cmark_node* c = cmark_node_first_child(row); c; c = cmark_node_next(c)) {
      if (is_type(c, "table_cell")) r.cells.push_back(read_cell(c));
    }
    if (header) {
      table.header = std::move(r.cells);
      table.line = r.line;
    } else {
      table.rows.push_back(std::move(r));
    }
  }
  return table;
}

}  // namespace

std::vector<Table> parse_tables(std::string_view markdown) {
  // Registration is not thread-safe on first use; READMEs are parsed on several threads.
  static std::once_flag registered;
  std::call_once(registered, cmark_gfm_core_extensions_ensure_registered);
  ParserPtr parser(cmark_parser_new(CMARK_OPT_SOURCEPOS));
  cmark_parser_attach_syntax_extension(parser.get(), cmark_find_syntax_extension("table"));
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  NodePtr doc(cmark_parser_finish(parser.get()));
  std::vector<Table> tables;
  if (!doc) return tables;
  IterPtr iter(cmark_iter_new(doc.get()));
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(iter.get());
    if (ev == CMARK_EVENT_ENTER && is_type(n, "table")) tables.push_back(read_table(n));
  }
  return tables;
}

int find_column(const Table& table, std::initializer_list<std::string_view> names) {
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    for (std::string_view name : names) {
      if (table.header[i].text == name) return static_cast<int>(i);
    }
  }
  return -1;
}

}  // namespace ohm::readme
