#pragma once
// What a README may cost before cmark-gfm sees it. cmark-gfm 0.29 pads every
// table row to its header's width, and some inputs cost far more than their
// size (6 GB for a 244 KB header of 60,000 columns, seconds for `![[]()`
// repeated); each limit below is checked in one pass over the bytes and sits
// far above any real zoo (onnx/models: 18 KB, 510-byte lines, 11 columns,
// about 600 brackets in its largest README).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ohm::readme {

struct InputLimits {
  std::uint64_t max_bytes = 4u << 20;
  std::size_t max_line_bytes = 64u << 10;
  std::size_t max_row_cells = 1000;      // cells of one table row
  std::size_t max_table_cells = 100000;  // all rows of all tables, each as wide as its header
  std::size_t max_brackets = 10000;      // '[' characters, whose nesting costs cmark-gfm quadratic time
};

struct LimitExceeded {
  int line = 0;  // 1-based; 0 for the size of the whole README
  std::string message;
};

// The size limit, for a README not read yet.
std::optional<LimitExceeded> exceeds_size(std::uint64_t bytes, const InputLimits& limits = {});

// The first limit `markdown` exceeds (its size included), or nullopt.
std::optional<LimitExceeded> exceeds_limits(std::string_view markdown, const InputLimits& limits = {});

}  // namespace ohm::readme
