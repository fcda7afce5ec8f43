#include "manifest/entry.h"

#include <gtest/gtest.h>

#include <functional>

namespace ohm::manifest {
namespace {

// An entry with every field the SPEC names set, and one unknown key.
Entry full_entry() {
  Entry e;
  e.model = "ResNet50";
  e.model_path = "vision/resnet/model/resnet50.onnx";
  e.onnx_version = "1.9";
  e.opset_version = 13;
  e.model_sha = std::string(64, 'a');
  e.model_bytes = 10;
  e.tags = {"vision", "classification"};
  e.io_ports = Json{{"inputs", Json::array()}, {"outputs", Json::array()}};
  e.extra_ports = Json{{"features", Json::array()}};
  e.model_with_data_path = "vision/resnet/model/resnet50.tar.gz";
  e.model_with_data_sha = std::string(64, 'b');
  e.model_with_data_bytes = 20;
  e.external_data = Json::array({Json{{"path", "w.bin"}, {"sha", std::string(64, 'c')}, {"bytes", 3}}});
  e.unknown_metadata = Json{{"x_note", "kept"}};
  return e;
}

TEST(SameEntry, AgreesWithToJsonWhicheverFieldDiffers) {
  const std::vector<std::pair<const char*, std::function<void(Entry&)>>> changes = {
      {"model", [](Entry& e) { e.model += "x"; }},
      {"model_path", [](Entry& e) { e.model_path += "x"; }},
      {"onnx_version", [](Entry& e) { e.onnx_version = "1.10"; }},
      {"opset_version", [](Entry& e) { e.opset_version = 14; }},
      {"model_sha", [](Entry& e) { e.model_sha[0] = 'f'; }},
      {"model_bytes", [](Entry& e) { e.model_bytes = 11; }},
      {"tags", [](Entry& e) { e.tags.pop_back(); }},
      {"io_ports",
       [](Entry& e) {
         e.io_ports.edit()["inputs"].push_back(Json{{"name", "x"}});
       }},
      {"io_ports absent", [](Entry& e) { e.io_ports.reset(); }},
      {"extra_ports", [](Entry& e) { e.extra_ports.reset(); }},
      {"model_with_data_path", [](Entry& e) { e.model_with_data_path = "other.tar.gz"; }},
      {"model_with_data_sha", [](Entry& e) { e.model_with_data_sha.reset(); }},
      {"model_with_data_bytes", [](Entry& e) { e.model_with_data_bytes = 21; }},
      {"external_data", [](Entry& e) { e.external_data.edit()[0]["bytes"] = 4; }},
      {"unknown metadata", [](Entry& e) { e.unknown_metadata["x_other"] = 1; }},
  };
  const Entry base = full_entry();
  for (const auto& [field, change] : changes) {
    Entry other = base;
    change(other);
    ASSERT_NE(to_json(base), to_json(other)) << field;
    EXPECT_FALSE(same_entry(base, other)) << field;
    EXPECT_FALSE(same_entry(other, base)) << field;
  }
  Entry moved = base;
  moved.line = 40;  // where it was read is not part of the entry
  EXPECT_TRUE(same_entry(base, moved));
  EXPECT_EQ(to_json(base), to_json(moved));
}

TEST(SharedJson, CopiesShareTheValueAndAnEditChangesOnlyItsOwn) {
  SharedJson a = Json{{"inputs", Json::array()}};
  const SharedJson b = a;
  EXPECT_EQ(&*a, &*b);  // one tree, two holders
  a.edit()["inputs"].push_back("x");
  EXPECT_NE(&*a, &*b);
  EXPECT_EQ(*b, (Json{{"inputs", Json::array()}}));
  EXPECT_EQ((*a)["inputs"].size(), 1u);
  EXPECT_NE(a, b);
  SharedJson same_text = Json{{"inputs", Json::array()}};
  EXPECT_EQ(same_text, b);  // equal by value, not by holder
  SharedJson absent;
  EXPECT_FALSE(absent);
  EXPECT_NE(absent, b);
  EXPECT_EQ(absent, SharedJson(std::nullopt));
  absent.edit() = 3;
  EXPECT_EQ(*absent, Json(3));
}

}  // namespace
}  // namespace ohm::manifest
