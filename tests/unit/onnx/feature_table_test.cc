#include "onnx/feature_table.h"

#include <gtest/gtest.h>

namespace ohm::onnx {
namespace {

TEST(FeatureTableTest, BuiltinTableIsTheShippedJson) {
  FeatureTable t = builtin_feature_table();
  EXPECT_EQ(t.size(), 35u);
  EXPECT_EQ(t["ResNet50"], "resnetv17_pool1_fwd");
  EXPECT_EQ(t["EfficientNet-Lite4"], "efficientnet-lite4/model/head/AvgPool:0");
}

TEST(FeatureTableTest, ParsesAnOverride) {
  auto t = parse_feature_table(R"({"My Net": "pool", "Other": "fc"})");
  ASSERT_TRUE(t.ok()) << t.error();
  EXPECT_EQ(t->size(), 2u);
  EXPECT_EQ(t->at("My Net"), "pool");
}

TEST(FeatureTableTest, RefusesMalformedTables) {
  auto bad_json = parse_feature_table("{\n  \"a\": \"b\",\n  oops\n}");
  ASSERT_FALSE(bad_json.ok());
  EXPECT_EQ(bad_json.error().rfind("line 3, column", 0), 0u) << bad_json.error();
  auto not_object = parse_feature_table("[1, 2]");
  ASSERT_FALSE(not_object.ok());
  auto not_string = parse_feature_table(R"({"a": 1})");
  ASSERT_FALSE(not_string.ok());
  EXPECT_NE(not_string.error().find("\"a\""), std::string::npos);
}

}  // namespace
}  // namespace ohm::onnx
