// README rows resolved before any file is read (SPEC 3).
#include "zoo/row_plan.h"

#include <gtest/gtest.h>

#include "core/checks.h"
#include "readme/markdown_tables.h"

namespace ohm::zoo {
namespace {

std::vector<RowPlan> plan(const std::string& rel, const std::string& text, Diagnostics* diags = nullptr) {
  ParsedReadme readme{text, readme::parse_tables(text), true};
  Diagnostics local;
  return plan_rows(rel, readme, diags ? *diags : local);
}

const char* kHeader =
    "|Model |Download |Download (with sample test data) |ONNX version |Opset version |\n|-|-|-|-|-|\n";

TEST(RowPlan, ResolvesLinksTagsAndOpset) {
  auto plans = plan("validated/vision/tiny_net/README.md",
                    std::string(kHeader) + "|Tiny |[m](model/t%2D7.onnx) |[d](model/t-7.tar.gz) |1.9 |7 |\n" +
                        "|Pre |[p](/validated/vision/tiny_net/preproc/p.onnx) | |1.9 |13 |\n");
  ASSERT_EQ(plans.size(), 2u);
  EXPECT_TRUE(plans[0].error.empty()) << plans[0].error;
  EXPECT_EQ(plans[0].line, 3);
  EXPECT_EQ(plans[0].model, "Tiny");
  EXPECT_EQ(*plans[0].model_path, "validated/vision/tiny_net/model/t-7.onnx");
  EXPECT_EQ(*plans[0].with_data_path, "validated/vision/tiny_net/model/t-7.tar.gz");
  EXPECT_EQ(plans[0].opset, 7);
  EXPECT_EQ(plans[0].tags, (std::vector<std::string>{"vision", "tiny net"}));
  EXPECT_EQ(*plans[1].model_path, "validated/vision/tiny_net/preproc/p.onnx");
  EXPECT_FALSE(plans[1].with_data_path);
  EXPECT_EQ(plans[1].tags, (std::vector<std::string>{"vision", "tiny net", "preprocessing"}));
}

TEST(RowPlan, RowProblemsStayInThePlanWithTheirCell) {
  auto plans = plan("m/README.md", std::string(kHeader) +
                                       "|A |[m](../../x.onnx) | |1 |7 |\n"
                                       "|B |[m](https://x/y.onnx) | |1 |7 |\n"
                                       "|C |[m](c.onnx) | |1 |seven |\n"
                                       "|D |not a link | |1 |7 |\n"
                                       "| |[m](e.onnx) | |1 |7 |\n"
                                       "|F |[m](f.onnx) | |1 |-1 |\n");
  ASSERT_EQ(plans.size(), 6u);
  EXPECT_EQ(plans[0].error_code, check::kReadmeLinkInvalid);
  EXPECT_NE(plans[0].error.find("outside the zoo"), std::string::npos) << plans[0].error;
  EXPECT_EQ(plans[1].error_code, check::kReadmeLinkInvalid);
  EXPECT_EQ(plans[2].error_code, check::kReadmeRowOpset);
  EXPECT_EQ(plans[2].error_column, 23);
  EXPECT_TRUE(plans[2].model_path);  // resolved: a bad opset keeps the previous entry
  EXPECT_EQ(plans[3].error_code, check::kReadmeRowIncomplete);
  EXPECT_EQ(plans[4].error_code, check::kReadmeRowIncomplete);
  EXPECT_EQ(plans[5].error_code, check::kReadmeRowOpset);
}

TEST(RowPlan, TableEndsAtALineThatIsNotUtf8) {
  // As GitHub renders it (cmark-gfm): the rows before the bad line are read;
  // generate reports readme.encoding at that line (see generate_test).
  auto plans = plan("m/README.md", std::string(kHeader) + "|G |[m](g.onnx) | |1 |7 |\n|A\xff |[m](a.onnx) | |1 |7 |\n" +
                                       "|H |[m](h.onnx) | |1 |7 |\n");
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(plans[0].line, 3);
  EXPECT_TRUE(plans[0].error.empty());
}

TEST(RowPlan, TableFindingsGoToTheSink) {
  Diagnostics diags;
  auto plans = plan("m/README.md", "|Model |Download |\n|-|-|\n|A |[m](a.onnx) |\n", &diags);
  EXPECT_TRUE(plans.empty());
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].code, check::kReadmeMissingColumn);
  EXPECT_EQ(diags.all()[0].line, 1);
}

}  // namespace
}  // namespace ohm::zoo
