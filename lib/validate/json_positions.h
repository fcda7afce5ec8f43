#pragma once
// Where each value of a JSON document sits in its text, by JSON Pointer.
// nlohmann/json keeps no positions, and its SAX events carry none either:
// the index runs sax_parse over an input iterator that counts the bytes read,
// and maps the offset at each event back to the token's first byte.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "manifest/json_io.h"

namespace ohm::validate {

using manifest::json_nesting_depth;
using manifest::kMaxJsonDepth;

// A syntax error: where it is and what nlohmann said.
struct JsonSyntaxError {
  int line = 0;
  int column = 0;
  std::string message;
};

class JsonPositions {
 public:
  // Indexes `text` (a whole JSON document) and, when `dom` is given, parses
  // it into `dom` in the same pass. On malformed JSON (including invalid UTF-8
  // in strings, nesting deeper than kMaxJsonDepth, and text over 4 GiB)
  // returns the error and leaves the index and `dom` empty. `text` must
  // outlive the index.
  std::optional<JsonSyntaxError> index(std::string_view text, nlohmann::json* dom = nullptr);

  // Indexes only the root array of `text` and its elements (`elements`, views
  // into `text`, which the caller has found to be valid JSON): enough to place
  // an entry. A pointer below an element indexes the whole text on first use,
  // once, whichever thread asks first (a valid manifest seldom needs it).
  void index_elements(std::string_view text, const std::vector<std::string_view>& elements);

  // Line and column of the value at `pointer` ("" for the root; a member's
  // position is its key's). A pointer that does not exist gives its nearest
  // existing ancestor's position; {0, 0} when there is none.
  LineColumn find(std::string_view pointer) const;

 private:
  friend class PositionSax;
  LineColumn locate(std::size_t offset) const;

  // One node per value, the root first; a member's offset is its key's (the
  // key itself is read again from the text when a pointer names it). 16 bytes
  // a value plus 4 per child: a fraction of what the document takes.
  struct Node {
    std::uint32_t offset = 0;
    std::uint32_t first = 0;  // containers: children_[first, first + count) are their values in order
    std::uint32_t count = 0;
    bool is_object = false;
  };
  // The key of the member whose node starts at `offset` (its opening quote).
  std::string key_at(std::uint32_t offset) const;

  void index_lines(std::string_view text);

  std::string_view text_;
  std::vector<std::uint32_t> line_starts_;
  std::vector<Node> nodes_;
  std::vector<std::uint32_t> children_;
  // index_elements(): the whole text's index, made on the first deeper find().
  struct Deeper {
    std::once_flag once;
    JsonPositions* index = nullptr;  // owned; a unique_ptr needs the complete type here
    ~Deeper() { delete index; }
  };
  std::shared_ptr<Deeper> deeper_;
};

// One reference token, escaped ("~" as "~0", "/" as "~1").
std::string pointer_token(std::string_view key);

// The JSON Pointer of an entry's field: entry_pointer(3, "metadata", "model_sha")
// is "/3/metadata/model_sha". Empty parts are left out.
std::string entry_pointer(std::size_t index, std::string_view a = {}, std::string_view b = {});

}  // namespace ohm::validate
