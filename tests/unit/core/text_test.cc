#include "core/text.h"

#include <gtest/gtest.h>

#include "core/diagnostic.h"

namespace ohm {
namespace {

TEST(Utf8, ValidAndInvalid) {
  EXPECT_TRUE(is_valid_utf8("plain"));
  EXPECT_TRUE(is_valid_utf8("caf\xc3\xa9 \xf0\x9f\xa4\x97"));
  EXPECT_FALSE(is_valid_utf8("\xc3"));              // truncated
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_EQ(first_invalid_utf8("ab\xff"), 2u);
}

TEST(ParseInt, WholeStringOnly) {
  EXPECT_EQ(*parse_int64("12"), 12);
  EXPECT_EQ(*parse_int64("-3"), -3);
  EXPECT_FALSE(parse_int64(""));
  EXPECT_FALSE(parse_int64("1.0"));
  EXPECT_FALSE(parse_int64("12 "));
  EXPECT_FALSE(parse_int64("99999999999999999999"));
  EXPECT_EQ(*parse_int64("9223372036854775807"), INT64_MAX);
}

TEST(PercentDecode, Escapes) {
  EXPECT_EQ(*percent_decode("a%20b%2f"), "a b/");
  EXPECT_FALSE(percent_decode("%"));
  EXPECT_FALSE(percent_decode("%4"));
  EXPECT_FALSE(percent_decode("%g0"));
}

TEST(LineColumn, CountsNewlines) {
  auto lc = line_column_at("ab\ncd\nef", 4);
  EXPECT_EQ(lc.line, 2);
  EXPECT_EQ(lc.column, 2);
}

TEST(Diagnostic, OneLineTextForm) {
  Diagnostic d{Severity::kError, "a/README.md", 12, 3, "readme.row.opset", "bad\ncell", {}};
  EXPECT_EQ(format_text(d), "a/README.md:12:3: error: bad cell [readme.row.opset]");
  d.column = 0;
  d.severity = Severity::kWarning;
  EXPECT_EQ(format_text(d), "a/README.md:12: warning: bad cell [readme.row.opset]");
  EXPECT_EQ(count_summary(1, 2), "1 error, 2 warnings");
}

TEST(Diagnostic, ATerminalNeverObeysWhatAFindingQuotes) {
  Diagnostic d{Severity::kError, "a\x1b[2J/README.md", 1, 0, "x", "model \"\x1b]0;owned\x07\"", {}};
  EXPECT_EQ(format_text(d), "a\\x1b[2J/README.md:1: error: model \"\\x1b]0;owned\\x07\" [x]");
}

TEST(EscapeControl, PlainTextAndUtf8StayAsTheyAre) {
  EXPECT_EQ(escape_control("resnet50 v1-7 (ä, 模型, 🙂)"), "resnet50 v1-7 (ä, 模型, 🙂)");
  EXPECT_EQ(escape_control(""), "");
}

TEST(EscapeControl, ControlsThatMoveTheCursorOrRetitleTheWindowAreShownNotObeyed) {
  EXPECT_EQ(escape_control("a\nb\rc\td"), "a\\nb\\rc\\td");
  EXPECT_EQ(escape_control("\x1b]0;owned\x07"), "\\x1b]0;owned\\x07");  // window title
  EXPECT_EQ(escape_control("\x1b[2J"), "\\x1b[2J");                     // clear screen
  EXPECT_EQ(escape_control(std::string("nul\0x", 5)), "nul\\x00x");
  EXPECT_EQ(escape_control("del\x7f"), "del\\x7f");
}

TEST(EscapeControl, C1ControlsAndBytesThatAreNotUtf8AreEscaped) {
  EXPECT_EQ(escape_control("\xc2\x9b"
                           "31m"),
            "\\u009b31m");  // CSI as UTF-8
  EXPECT_EQ(escape_control("\x9b"
                           "31m"),
            "\\x9b31m");                                       // CSI as a raw byte
  EXPECT_EQ(escape_control("\xc2\xa0"), "\xc2\xa0");           // U+00A0 is printable
  EXPECT_EQ(escape_control("\xe6\xa8"), "\\xe6\\xa8");         // a truncated sequence
  EXPECT_EQ(escape_control("\xc3\xa4\xe6"), "\xc3\xa4\\xe6");  // valid, then truncated
}

}  // namespace
}  // namespace ohm
