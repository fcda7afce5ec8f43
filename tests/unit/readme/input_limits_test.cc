// The caps a README meets before cmark-gfm: each at its line, none near a real zoo.
#include "readme/input_limits.h"

#include <gtest/gtest.h>

#include <string>

namespace ohm::readme {
namespace {

const char kTable[] = "|Model|Download|ONNX version|Opset version|\n|-|-|-|-|\n|a|[x](a.onnx)|1.9|12|\n";

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST(InputLimits, ARealReadmeIsWithinEveryLimit) {
  EXPECT_FALSE(exceeds_limits(repeat(kTable, 500) + repeat("[a](b) text\n", 1000)));
  EXPECT_FALSE(exceeds_limits(""));
}

TEST(InputLimits, SizeIsCheckedBeforeReading) {
  InputLimits small;
  small.max_bytes = 10;
  EXPECT_FALSE(exceeds_size(10, small));
  auto over = exceeds_size(11, small);
  ASSERT_TRUE(over);
  EXPECT_EQ(over->line, 0);
  EXPECT_EQ(over->message, "the README is 11 bytes (a README may have at most 10)");
  EXPECT_TRUE(exceeds_limits("01234567890", small));
}

TEST(InputLimits, ALongLineNamesItsLine) {
  InputLimits limits;
  limits.max_line_bytes = 8;
  EXPECT_FALSE(exceeds_limits("12345678\n12345678", limits));
  auto over = exceeds_limits("short\n123456789\n", limits);
  ASSERT_TRUE(over);
  EXPECT_EQ(over->line, 2);
  EXPECT_EQ(over->message, "a line of 9 bytes (a line may have at most 8)");
}

TEST(InputLimits, ARowPastTheCellLimitIsReportedNotDropped) {
  // cmark-gfm keeps a row's cell count in 16 bits: 65,536 cells made the row vanish.
  InputLimits long_lines;
  long_lines.max_line_bytes = 1u << 20;
  auto over = exceeds_limits(std::string(kTable) + "|" + repeat("x|", 65536) + "\n", long_lines);
  ASSERT_TRUE(over);
  EXPECT_EQ(over->line, 4);
  EXPECT_EQ(over->message, "a table row of 65538 cells (a row may have at most 1000)");
}

TEST(InputLimits, EscapedPipesAreNotCells) {
  InputLimits limits;
  limits.max_row_cells = 4;
  EXPECT_FALSE(exceeds_limits("|a\\|b\\|c\\|d|e|\n", limits));
  EXPECT_TRUE(exceeds_limits("|a|b|c|d|e|\n", limits));
}

TEST(InputLimits, EveryRowCountsAsWideAsItsHeader) {
  // 600 columns by 170 one-cell rows: cmark-gfm would build 100,000 cells.
  const std::string wide = "|" + repeat("a|", 600) + "\n|" + repeat("-|", 600) + "\n" + repeat("x\n", 170);
  auto over = exceeds_limits(wide);
  ASSERT_TRUE(over);
  EXPECT_EQ(over->line, 167);  // 167 lines of 602 cells
  // A blank line ends the table: the same rows after it are one cell each.
  EXPECT_FALSE(exceeds_limits("|" + repeat("a|", 600) + "\n|" + repeat("-|", 600) + "\n\n" + repeat("x\n", 170)));
}

TEST(InputLimits, NestedBracketsAreCapped) {
  auto over = exceeds_limits(repeat("![[]()\n", 5001));
  ASSERT_TRUE(over);
  EXPECT_EQ(over->line, 5001);
  EXPECT_EQ(over->message, "10002 '[' characters by this line (a README may have at most 10000)");
}

}  // namespace
}  // namespace ohm::readme
