#include "hub/query.h"

#include <gtest/gtest.h>

namespace ohm::hub {
namespace {

manifest::Entry entry(std::string model, std::int64_t opset, std::vector<std::string> tags) {
  manifest::Entry e;
  e.model = std::move(model);
  e.opset_version = opset;
  e.tags = std::move(tags);
  e.model_path = e.model + "-" + std::to_string(opset) + ".onnx";
  return e;
}

std::vector<manifest::Entry> sample() {
  return {entry("MNIST", 7, {"vision", "classification"}), entry("MNIST", 12, {"vision"}),
          entry("mnist", 12, {"other"}), entry("BERT", 10, {"text"}), entry("ResNet", 8, {"Vision"})};
}

TEST(Query, ModelIsCaseInsensitive) {
  auto all = sample();
  EXPECT_EQ(match_models(all, "mnist", {}).size(), 3u);
  EXPECT_EQ(match_models(all, "", {}).size(), 5u);
  EXPECT_TRUE(match_models(all, "mnis", {}).empty());
}

TEST(Query, TagsMatchAnyCaseInsensitively) {
  auto all = sample();
  EXPECT_EQ(match_models(all, "", {"VISION"}).size(), 3u);
  EXPECT_EQ(match_models(all, "", {"text", "other"}).size(), 2u);
  EXPECT_EQ(match_models(all, "mnist", {"vision"}).size(), 2u);
}

TEST(Query, HighestOpsetFirstOfEquals) {
  auto all = sample();
  auto chosen = select_model(all, "Mnist", std::nullopt);
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ(*chosen, &all[1]);  // opset 12, the first of the two
}

TEST(Query, GivenOpset) {
  auto all = sample();
  auto chosen = select_model(all, "mnist", 7);
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ(*chosen, &all[0]);
  auto missing = select_model(all, "mnist", 9);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.failure().kind, ErrorKind::kProblem);
  EXPECT_NE(missing.failure().message.find("opsets: 7, 12, 12"), std::string::npos);
  auto none = select_model(all, "vgg", std::nullopt);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.failure().code, "hub.no-such-model");
}

TEST(Query, NoSuchModelSuggestsNearestNames) {
  std::vector<manifest::Entry> all = {entry("TinyNet-12", 12, {}), entry("TinyNet-7", 7, {}), entry("BERT", 10, {})};
  auto none = select_model(all, "tinynet", std::nullopt);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.failure().code, "hub.no-such-model");
  EXPECT_EQ(none.failure().message, "no model named 'tinynet' in the manifest; did you mean TinyNet-12 or TinyNet-7?");
  EXPECT_EQ(no_such_model(all, "bret").message, "no model named 'bret' in the manifest; did you mean BERT?");
  EXPECT_EQ(no_such_model(all, "vgg").message, "no model named 'vgg' in the manifest");
}

}  // namespace
}  // namespace ohm::hub
