#include "readme/model_table.h"

#include <gtest/gtest.h>

namespace ohm::readme {
namespace {

constexpr const char* kHeader =
    "|Model |Download |Download (with sample test data) |ONNX version |Opset version |\n"
    "|---|---|---|---|---|\n";

std::vector<ModelRow> rows_of(const std::string& md, Diagnostics* diags = nullptr) {
  Diagnostics local;
  return read_model_rows(md, "x/README.md", diags ? *diags : local);
}

TEST(ModelTable, ReadsCellsAndLinks) {
  auto rows = rows_of(std::string("# T\n\n") + kHeader +
                      "|Net-7 |[1 MB](model/net-7.onnx) |[2 MB](model/net-7.tar.gz) |1.2 |7 |\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].line, 5);
  EXPECT_EQ(rows[0].model.text, "Net-7");
  EXPECT_EQ(*rows[0].download.first_link, "model/net-7.onnx");
  EXPECT_EQ(rows[0].download.text, "1 MB");
  EXPECT_EQ(*rows[0].with_data->first_link, "model/net-7.tar.gz");
  EXPECT_EQ(rows[0].onnx_version.text, "1.2");
  EXPECT_EQ(rows[0].opset.text, "7");
}

TEST(ModelTable, ModelCellThatIsALinkGivesItsText) {
  auto rows = rows_of(std::string(kHeader) + "|[googlenet_age](https://example.org/x) |[23 MB](m.onnx) | |1.6 |11 |\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].model.text, "googlenet_age");
  EXPECT_FALSE(rows[0].with_data->first_link);
}

TEST(ModelTable, PlainTextOfInlines) {
  auto rows = rows_of(std::string(kHeader) + "|**Bold** `code`<br>next |[a](a.onnx) | |1 |7 |\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].model.text, "Bold code next");
}

TEST(ModelTable, AcceptsOpsetVersionCapitalised) {
  auto rows = rows_of("|Model |Download |ONNX version |Opset Version |\n|-|-|-|-|\n|A |[a](a.onnx) |1.3 |8 |\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].opset.text, "8");
  EXPECT_FALSE(rows[0].with_data);
}

TEST(ModelTable, KeepsNonIntegerOpsetCellForTheCallerToReport) {
  auto rows = rows_of(std::string(kHeader) + "|A |[a](a.onnx) | |1.3 |twelve |\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].opset.text, "twelve");
}

TEST(ModelTable, SkipsAllEmptyRowsButKeepsHalfEmptyOnes) {
  auto rows = rows_of(std::string(kHeader) + "| | | |1 |7 |\n|A | | |1 |7 |\n| |[a](a.onnx) | |1 |7 |\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].model.text, "A");
  EXPECT_FALSE(rows[0].download.first_link);
  EXPECT_EQ(rows[1].model.text, "");
}

TEST(ModelTable, SkipsOtherTablesSilently) {
  Diagnostics diags;
  auto rows = rows_of("|Model |MNLI |QNLI |\n|-|-|-|\n|A |1 |2 |\n\n|Name |Download |\n|-|-|\n|A |[x](x) |\n", &diags);
  EXPECT_TRUE(rows.empty());
  EXPECT_TRUE(diags.all().empty());
}

TEST(ModelTable, WarnsAboutModelTableWithoutOpsetColumn) {
  Diagnostics diags;
  auto rows = rows_of("text\n\n|Model |Download |ONNX version |\n|-|-|-|\n|A |[a](a.onnx) |1 |\n", &diags);
  EXPECT_TRUE(rows.empty());
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].code, "readme.table.missing-column");
  EXPECT_EQ(diags.all()[0].severity, Severity::kWarning);
  EXPECT_EQ(diags.all()[0].line, 3);
}

TEST(ModelTable, ExtraColumnsAreIgnoredAndOrderDoesNotMatter) {
  auto rows = rows_of(
      "|Opset version |Accuracy |ONNX version |Download |Model |\n|-|-|-|-|-|\n"
      "|9 |99 |1.4 |[d](d.onnx) |M |\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].model.text, "M");
  EXPECT_EQ(rows[0].opset.text, "9");
}

TEST(IndexLinks, FirstLinkOfModelClassCells) {
  auto links = read_index_links(parse_tables(
      "# Zoo\n\n|Model Class |Reference |\n|-|-|\n|<b>[ResNet](validated/vision/resnet)</b>|[He](https://x)|\n"
      "|no link |x |\n"));
  ASSERT_TRUE(links);
  ASSERT_EQ(links->size(), 1u);
  EXPECT_EQ((*links)[0].destination, "validated/vision/resnet");
  EXPECT_EQ((*links)[0].line, 5);
}

TEST(IndexLinks, NoModelClassTableMeansNoIndex) {
  EXPECT_FALSE(read_index_links(parse_tables("|A |B |\n|-|-|\n|1 |2 |\n")));
  EXPECT_FALSE(read_index_links(parse_tables("no tables")));
}

TEST(MarkdownTables, GarbageNeverCrashes) {
  std::string s;
  for (int i = 0; i < 2000; ++i) s += static_cast<char>((i * 37) % 256);
  (void)parse_tables(s);
  (void)parse_tables(std::string(10000, '|'));
  SUCCEED();
}

}  // namespace
}  // namespace ohm::readme
