#include "validate/schema_check.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace ohm::validate {
namespace {

using nlohmann::json;
using testkit::slurp;
using testkit::source_file;

constexpr const char* kDraft7 = "/usr/lib/python3/dist-packages/jsonschema/schemas/draft7.json";

SchemaChecker builtin() {
  auto checker = SchemaChecker::compile(builtin_manifest_schema(), "built-in");
  EXPECT_TRUE(checker.ok()) << checker.error();
  return *checker;
}

json good_entry() {
  return json::parse(R"json({
    "model": "TinyNet", "model_path": "vision/tinynet/model/tinynet-7.onnx",
    "onnx_version": "1.2", "opset_version": 7,
    "metadata": {
      "model_sha": "6c3d2b0b5a3f0e6f1c1a5b4a0e8f7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e",
      "model_bytes": 100, "tags": ["vision"],
      "io_ports": {"inputs": [{"name": "x", "shape": ["N", 3, null], "type": "tensor(float)"}], "outputs": []},
      "extra_ports": {"features": [{"name": "f", "shape": [1, 4]}]},
      "model_with_data_path": "vision/tinynet/model/tinynet-7.tar.gz",
      "model_with_data_sha": "6c3d2b0b5a3f0e6f1c1a5b4a0e8f7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e",
      "model_with_data_bytes": 0,
      "publisher": "extra metadata is allowed"
    }})json");
}

TEST(SchemaCheck, SchemaFileIsTheBuiltInOne) {
  EXPECT_EQ(source_file("schemas/onnx_hub_manifest.schema.json"), std::string(builtin_manifest_schema()));
}

TEST(SchemaCheck, SchemaConformsToDraft07MetaSchema) {
  std::string meta = slurp(kDraft7);
  ASSERT_FALSE(meta.empty()) << "python3-jsonschema's draft7.json is missing";
  auto checker = SchemaChecker::compile(meta, "draft7.json");
  ASSERT_TRUE(checker.ok()) << checker.error();
  auto violations = checker->check(json::parse(builtin_manifest_schema()));
  for (const auto& v : violations) ADD_FAILURE() << v.json_pointer << ": " << v.message;
  // The meta-schema does catch a broken schema.
  EXPECT_FALSE(checker->check(json::parse(R"({"type": 12, "required": "model"})")).empty());
}

TEST(SchemaCheck, AcceptsCommittedManifests) {
  SchemaChecker checker = builtin();
  for (const char* rel : {"samples/ONNX_HUB_MANIFEST.json", "tests/fixtures/zoo-b1eeaa1/ONNX_HUB_MANIFEST.json"}) {
    json doc = json::parse(source_file(rel));
    for (const auto& v : checker.check(doc)) ADD_FAILURE() << rel << " " << v.json_pointer << ": " << v.message;
  }
  EXPECT_TRUE(checker.check(json::array({good_entry()})).empty());
}

TEST(SchemaCheck, OneViolationPerValueWithPointer) {
  json e = good_entry();
  e["opset_version"] = "7";
  e["metadata"]["model_sha"] = "ABC";
  e["metadata"]["io_ports"]["inputs"][0]["shape"][1] = 1.5;
  e["metadata"].erase("tags");
  json doc = json::array({good_entry(), e});
  auto violations = builtin().check(doc);
  std::map<std::string, std::string> by_pointer;
  for (const auto& v : violations) by_pointer[v.json_pointer] = v.message;
  EXPECT_EQ(violations.size(), 4u);
  EXPECT_EQ(by_pointer.size(), 4u);
  EXPECT_NE(by_pointer["/1/opset_version"].find("type"), std::string::npos) << by_pointer["/1/opset_version"];
  EXPECT_NE(by_pointer["/1/opset_version"].find("\"7\""), std::string::npos);
  EXPECT_NE(by_pointer["/1/metadata/model_sha"].find("regex"), std::string::npos);
  EXPECT_TRUE(by_pointer.count("/1/metadata/io_ports/inputs/0/shape/1"));
  EXPECT_NE(by_pointer["/1/metadata"].find("tags"), std::string::npos) << by_pointer["/1/metadata"];
}

TEST(SchemaCheck, PathsAndDependencies) {
  SchemaChecker checker = builtin();
  for (const char* bad : {"/abs/m.onnx", "a/../m.onnx", "..", "a\\m.onnx", ""}) {
    json e = good_entry();
    e["model_path"] = bad;
    auto v = checker.check(json::array({e}));
    ASSERT_EQ(v.size(), 1u) << bad;
    EXPECT_EQ(v[0].json_pointer, "/0/model_path");
  }
  json e = good_entry();
  e["metadata"].erase("model_with_data_sha");
  auto v = checker.check(json::array({e}));
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].json_pointer, "/0/metadata");
  EXPECT_NE(v[0].message.find("model_with_data_sha"), std::string::npos) << v[0].message;
}

TEST(SchemaCheck, NotAnArray) {
  auto v = builtin().check(json::parse(R"({"model": "x"})"));
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].json_pointer, "");
}

TEST(SchemaCheck, BadSchemaIsAnError) {
  EXPECT_FALSE(SchemaChecker::compile("{not json", "s.json").ok());
  auto bad = SchemaChecker::compile(R"({"$ref": "#/definitions/nowhere"})", "s.json");
  EXPECT_FALSE(bad.ok());
  if (!bad.ok()) {
    EXPECT_NE(bad.error().find("s.json"), std::string::npos);
  }
}

TEST(SchemaCheck, ASchemaThatAppliesItselfToTheSameValueIsRefused) {
  for (const char* schema : {R"({"$ref": "#"})", R"({"definitions": {"a": {"$ref": "#/definitions/b"},
                                                   "b": {"allOf": [{"$ref": "#/definitions/a"}]}},
                                   "$ref": "#/definitions/a"})",
                             R"({"anyOf": [{"not": {"$ref": "#"}}]})"}) {
    auto compiled = SchemaChecker::compile(schema, "s.json");
    ASSERT_FALSE(compiled.ok()) << schema;
    EXPECT_NE(compiled.error().find("applies itself to the same value without end"), std::string::npos)
        << compiled.error();
  }
}

TEST(SchemaCheck, ARecursiveSchemaThatDescendsIsAccepted) {
  auto tree = SchemaChecker::compile(
      R"({"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#"}}}})", "s.json");
  ASSERT_TRUE(tree.ok()) << tree.error();
  EXPECT_TRUE(tree->check(json::parse(R"({"children": [{"children": []}]})")).empty());
  EXPECT_EQ(tree->check(json::parse(R"({"children": [{"children": 3}]})")).size(), 1u);
}

TEST(SchemaCheck, AStringLongerThanAnyPathIsReportedNotMatched) {
  json doc = json::array({good_entry()});
  doc[0]["model_path"] = std::string(30000, 'a') + ".onnx";  // std::regex overflows its stack on this
  doc[0]["metadata"]["model_sha"] = "not a sha";
  auto v = builtin().check(doc);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].json_pointer, "/0/model_path");
  EXPECT_NE(v[0].message.find("a string of 30005 bytes"), std::string::npos) << v[0].message;
  EXPECT_EQ(v[1].json_pointer, "/0/metadata/model_sha");
}

TEST(SchemaCheck, ManyViolationsAreFoldedInLinearTime) {
  // 20,000 bad values: each with its own violation, no wrapper left over.
  json doc = json::array();
  for (int i = 0; i < 20000; ++i) {
    json e = good_entry();
    e["metadata"]["model_sha"] = "bad";
    doc.push_back(e);
  }
  auto v = builtin().check(doc);
  ASSERT_EQ(v.size(), 20000u);
  EXPECT_EQ(v[19999].json_pointer, "/19999/metadata/model_sha");
}

// The built-in schema with one more keyword at its root: `extra` (an array
// constraint), which makes it ask more of the array than of each item.
SchemaChecker builtin_with(const json& extra) {
  json schema = json::parse(builtin_manifest_schema());
  schema.update(extra);
  auto checker = SchemaChecker::compile(schema.dump(), "built-in+");
  EXPECT_TRUE(checker.ok()) << checker.error();
  return *checker;
}

TEST(SchemaCheck, ALargeArrayCheckedOnEveryCoreGivesWhatTheWholeDocumentsCheckGives) {
  // The built-in schema asks only that each item match: a large array's items
  // are checked on every core. "minItems": 0 asks nothing more but makes the
  // whole document be checked at once: the reference.
  const SchemaChecker per_item = builtin();
  const SchemaChecker whole = builtin_with({{"minItems", 0}});
  json doc = json::array();
  for (int i = 0; i < 6000; ++i) doc.push_back(good_entry());
  EXPECT_TRUE(per_item.check(doc).empty());
  EXPECT_TRUE(whole.check(doc).empty());
  doc[0]["opset_version"] = "7";
  doc[2999]["metadata"].erase("tags");
  doc[5999]["model_path"] = "/abs/m.onnx";
  const auto a = per_item.check(doc), b = whole.check(doc);
  ASSERT_EQ(a.size(), 3u);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].json_pointer, b[i].json_pointer);
    EXPECT_EQ(a[i].message, b[i].message);
  }
  EXPECT_EQ(a[1].json_pointer, "/2999/metadata");
}

TEST(SchemaCheck, ASchemaAskingMoreOfTheArrayThanOfItsItemsIsCheckedWhole) {
  json doc = json::array();
  for (int i = 0; i < 3000; ++i) doc.push_back(good_entry());
  const auto v = builtin_with({{"minItems", 3001}}).check(doc);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].json_pointer, "");
  EXPECT_TRUE(builtin_with({{"minItems", 3000}}).check(doc).empty());
}

}  // namespace
}  // namespace ohm::validate
