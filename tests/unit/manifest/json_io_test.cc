#include "manifest/json_io.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace ohm::manifest {
namespace {

class JsonWriter : public testkit::TempDirTest {
 protected:
  // What Debian's Python writes for the manifest in `json_text` (json.dumps(indent=4)).
  std::string python_dumps(const std::string& json_text) {
    write("in.json", json_text);
    std::string cmd =
        std::string(OHM_PYTHON) +
        " -c 'import json,sys,collections; d=json.load(open(sys.argv[1]), "
        "object_pairs_hook=collections.OrderedDict); open(sys.argv[2],\"w\").write(json.dumps(d, indent=4))' " +
        path("in.json") + " " + path("out.json");
    EXPECT_EQ(std::system(cmd.c_str()), 0);
    return testkit::slurp(path("out.json"));
  }
};

Entry tricky_entry() {
  Entry e;
  e.model = "quote\" backslash\\ tab\t nl\n ctl\x01 del\x7f caf\xc3\xa9 emoji\xf0\x9f\xa4\x97 slash/";
  e.model_path = "a/b/m.onnx";
  e.onnx_version =
      "1.\xe2\x80\x8b"
      "2";
  e.opset_version = 12;
  e.model_sha = std::string(64, 'a');
  e.model_bytes = 1ull << 40;
  e.io_ports =
      Json{{"inputs", Json::array()},
           {"outputs",
            Json::array({Json{{"name", "y"}, {"shape", Json::array({1, "N", nullptr})}, {"type", "tensor(float)"}}})}};
  e.extra_ports = Json{{"features", Json::array()}};
  return e;
}

TEST_F(JsonWriter, ByteIdenticalWithPython) {
  Entry plain;
  plain.model = "M";
  plain.model_path = "m.onnx";
  std::vector<Entry> entries{tricky_entry(), plain};
  std::string ours = write_manifest(entries);
  EXPECT_EQ(ours, python_dumps(ours));
  EXPECT_NE(ours.find("\\ud83e\\udd17"), std::string::npos);  // surrogate pair, lower case
  EXPECT_NE(ours.find("\"tags\": []"), std::string::npos);
  EXPECT_NE(ours.back(), '\n');
}

TEST_F(JsonWriter, EmptyManifest) { EXPECT_EQ(write_manifest({}), python_dumps("[]")); }

TEST_F(JsonWriter, KeyOrderOfSpec) {
  std::string out = write_manifest({tricky_entry()});
  std::vector<std::string> keys{"\"model\"",    "\"model_path\"", "\"onnx_version\"", "\"opset_version\"",
                                "\"metadata\"", "\"model_sha\"",  "\"model_bytes\"",  "\"tags\"",
                                "\"io_ports\"", "\"extra_ports\""};
  std::size_t at = 0;
  for (const auto& k : keys) {
    std::size_t pos = out.find(k, at);
    ASSERT_NE(pos, std::string::npos) << k;
    at = pos;
  }
  EXPECT_EQ(out.find("model_with_data"), std::string::npos);  // absent, never null
}

TEST(JsonReader, RoundTrip) {
  Diagnostics diags;
  std::string text = write_manifest({tricky_entry()});
  auto parsed = parse_manifest(text, "m.json", diags);
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->size(), 1u);
  EXPECT_EQ(write_manifest(*parsed), text);
  EXPECT_TRUE(diags.all().empty());
}

TEST(JsonReader, BadJsonHasLineAndColumn) {
  Diagnostics diags;
  auto parsed = parse_manifest("[\n  {\"model\": }\n]", "m.json", diags);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().rfind("m.json:2:", 0), 0u) << parsed.error();
}

TEST(JsonReader, AByteOrderMarkIsRefusedAsValidateRefusesIt) {
  Diagnostics diags;
  auto parsed = parse_manifest("\xEF\xBB\xBF[]", "m.json", diags);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error(), std::string("m.json:1:1: not valid JSON: ") + kByteOrderMarkRefused);
}

// Found by fuzz_manifest: nlohmann throws out_of_range, not parse_error, for these.
TEST(JsonReader, ANumberTooLargeForADoubleIsBadJsonWithItsLine) {
  Diagnostics diags;
  auto parsed = parse_manifest("[\n  {\"model\": \"a\", \"opset_version\": 9e25513386}\n]", "m.json", diags);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error(), "m.json:2:35: not valid JSON: number overflow parsing '9e25513386'");
}

TEST(JsonReader, InvalidEntriesAreReportedAndSkipped) {
  Diagnostics diags;
  auto parsed = parse_manifest(
      R"([{"model": 1}, 5, {"model":"a","model_path":"p","onnx_version":"1","opset_version":3,"metadata":{"model_sha":"x","model_bytes":-4}}])",
      "m.json", diags);
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(parsed->empty());
  ASSERT_EQ(diags.all().size(), 3u);
  EXPECT_EQ(diags.all()[1].json_pointer, "/1");
  EXPECT_FALSE(parse_manifest("{}", "m.json", diags));
}

}  // namespace
}  // namespace ohm::manifest

namespace ohm::manifest {
namespace {

TEST(JsonReader, DeepNestingIsRefusedNotACrash) {
  Diagnostics diags;
  std::string deep(200000, '[');
  auto parsed = parse_manifest(deep + std::string(200000, ']'), "m.json", diags);
  ASSERT_FALSE(parsed);
  EXPECT_NE(parsed.error().find("nested deeper"), std::string::npos);
  EXPECT_EQ(json_nesting_depth(R"([{"a": "[[[["}])"), 2u);
}

}  // namespace
}  // namespace ohm::manifest
