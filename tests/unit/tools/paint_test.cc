#include "paint.h"

#include <gtest/gtest.h>

namespace ohm::cli {
namespace {

TEST(Paint, ColourOnlyWhereAsked) {
  EXPECT_TRUE(use_color("always", false, std::string("1"), std::string("dumb")));
  EXPECT_FALSE(use_color("never", true, std::nullopt, std::nullopt));
  EXPECT_TRUE(use_color("auto", true, std::nullopt, std::string("xterm")));
  EXPECT_FALSE(use_color("auto", false, std::nullopt, std::nullopt));
  EXPECT_FALSE(use_color("auto", true, std::string("1"), std::nullopt));  // no-color.org: any non-empty value
  EXPECT_TRUE(use_color("auto", true, std::string(""), std::nullopt));
  EXPECT_FALSE(use_color("auto", true, std::nullopt, std::string("dumb")));
}

TEST(Paint, FindingLinesKeepTheirTextAndPaintTheWord) {
  Diagnostic d{Severity::kError, "a/README.md", 7, 3, "entry.missing", "no entry", {}};
  EXPECT_EQ(paint_finding(d, false), format_text(d));
  EXPECT_EQ(paint_finding(d, true), "a/README.md:7:3: \033[1;31merror\033[0m: no entry [entry.missing]");
  Diagnostic w{Severity::kWarning, "", 0, 0, "", "odd: error: text", {}};
  EXPECT_EQ(paint_finding(w, true), "<input>: \033[1;33mwarning\033[0m: odd: error: text");
}

TEST(Paint, SummaryCountsArePaintedWhenNotZero) {
  EXPECT_EQ(paint_summary("validate: 3 entries: 2 errors, 0 warnings", 2, 0, true),
            "validate: 3 entries: \033[1;31m2 errors\033[0m, 0 warnings");
  EXPECT_EQ(paint_summary("x: 0 errors, 1 warning", 0, 1, true), "x: 0 errors, \033[1;33m1 warning\033[0m");
  EXPECT_EQ(paint_summary("x: 0 errors, 1 warning", 0, 1, false), "x: 0 errors, 1 warning");
  EXPECT_EQ(paint_summary("no counts here", 1, 1, true), "no counts here");
}

}  // namespace
}  // namespace ohm::cli
