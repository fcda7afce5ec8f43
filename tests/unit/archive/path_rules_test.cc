#include "archive/path_rules.h"

#include <gtest/gtest.h>

#include <set>

namespace ohm::archive {
namespace {

TEST(PathRules, ClassifiesEntryPaths) {
  EXPECT_EQ(check_entry_path("mnist/model.onnx"), PathProblem::kNone);
  EXPECT_EQ(check_entry_path("./mnist/"), PathProblem::kNone);
  EXPECT_EQ(check_entry_path("/etc/passwd"), PathProblem::kAbsolute);
  EXPECT_EQ(check_entry_path("../x"), PathProblem::kDotDot);
  EXPECT_EQ(check_entry_path("a/../b"), PathProblem::kDotDot);
  EXPECT_EQ(check_entry_path("a/..b"), PathProblem::kNone);
  EXPECT_EQ(check_entry_path("./"), PathProblem::kEmpty);
}

TEST(PathRules, Normalizes) {
  EXPECT_EQ(normalize_entry_path("./a//b/./c/"), "a/b/c");
  EXPECT_EQ(normalize_entry_path("."), "");
}

TEST(PathRules, ResolvesLinkTargetsLexically) {
  EXPECT_EQ(resolve_link_target("m/link", "model.onnx"), "m/model.onnx");
  EXPECT_EQ(resolve_link_target("m/link", "../other"), "other");
  EXPECT_EQ(resolve_link_target("m/link", "../../x"), std::nullopt);
  EXPECT_EQ(resolve_link_target("m/link", "/etc/shadow"), std::nullopt);
  EXPECT_EQ(resolve_link_target("link", ".."), std::nullopt);
}

TEST(PathRules, FindsModelsAndDataSets) {
  EXPECT_TRUE(is_model_path("m/Model.ONNX"));
  EXPECT_FALSE(is_model_path("m/model.onnx.txt"));
  EXPECT_EQ(test_data_set_of("m/test_data_set_0/input_0.pb"), "m/test_data_set_0");
  EXPECT_EQ(test_data_set_of("m/model.onnx"), std::nullopt);
}

}  // namespace
}  // namespace ohm::archive
