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

// Every optional field set, and metadata keys the SPEC does not name.
Entry full_entry() {
  Entry e = tricky_entry();
  e.tags = {"vision", "caf\xc3\xa9"};
  e.model_with_data_path = "a/b/m.tar.gz";
  e.model_with_data_sha = std::string(64, 'b');
  e.model_with_data_bytes = 7;
  e.external_data = Json::array({Json{{"path", "a/b/w.bin"}, {"sha", std::string(64, 'c')}, {"bytes", 3}}});
  e.unknown_metadata =
      Json{{"z\"key", Json{{"nested", Json::array({1.5, true, nullptr, Json::object()})}}}, {"a", "\xe2\x80\x8b"}};
  return e;
}

TEST_F(JsonWriter, EveryFieldByteIdenticalWithPython) {
  std::string ours = write_manifest({full_entry(), tricky_entry()});
  EXPECT_EQ(ours, python_dumps(ours));
  // What the entry writer gives is what a document of to_json's dumps.
  EXPECT_EQ(ours, dump_python_style(Json::array({to_json(full_entry()), to_json(tricky_entry())})));
}

TEST(JsonWriterRuns, AManifestWrittenOnEveryCoreIsTheWholeDocumentsDump) {
  // Enough entries for several runs of entries, each written on its own thread.
  std::vector<Entry> entries;
  Json document = Json::array();
  for (std::size_t i = 0; i < 4321; ++i) {
    Entry e = i % 3 == 0 ? full_entry() : tricky_entry();
    e.model_path = "m" + std::to_string(i) + ".onnx";
    e.opset_version = static_cast<std::int64_t>(i);
    document.push_back(to_json(e));
    entries.push_back(std::move(e));
  }
  EXPECT_TRUE(write_manifest(entries) == dump_python_style(document)) << "the bytes differ";
  std::size_t n = entries.size();
  EXPECT_TRUE(write_manifest(n, [&](std::size_t i) -> const Entry& { return entries[i]; }) == write_manifest(entries));
}

TEST(JsonWriterText, EveryByteInEveryStringFieldIsWrittenAsTheDocumentsDump) {
  // The writer copies printable ASCII as it is and leaves the rest to the
  // serializer: each byte value, alone and between plain text, in each string
  // field and in the tags, must come out as a to_json document's dump.
  std::vector<Entry> entries;
  Json document = Json::array();
  for (int b = 0; b < 0x80; ++b) {
    const std::string one(1, static_cast<char>(b));
    Entry e;
    e.model = one;
    e.model_path = "a" + one + "b";
    e.onnx_version = one + "1.14";
    e.model_sha = "sha" + one;
    e.tags = {one, "plain", "x" + one};
    if (b % 2) e.tags.resize(1);
    document.push_back(to_json(e));
    entries.push_back(std::move(e));
  }
  Entry utf8;
  utf8.model = "caf\xc3\xa9 \xf0\x9f\xa4\x97";
  utf8.tags = {"\xe2\x80\x8b"};
  document.push_back(to_json(utf8));
  entries.push_back(std::move(utf8));
  EXPECT_EQ(write_manifest(entries), dump_python_style(document));
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

namespace ohm::manifest {
namespace {

// What the element-by-element reader gives (parse_manifest's reference): the
// entries written back, and each rejected entry's message and pointer.
struct ReadBack {
  std::string error, entries;
  std::vector<std::string> rejected;
};

ReadBack by_elements(const std::string& text) {
  ReadBack out;
  std::vector<Entry> entries;
  Result<void> read = for_each_manifest_element(text, "m.json", [&](std::size_t i, Json&& element) {
    Entry e;
    std::string why;
    if (entry_from_json(std::move(element), &e, &why)) {
      entries.push_back(std::move(e));
    } else {
      out.rejected.push_back("entry " + std::to_string(i) + ": " + why + " /" + std::to_string(i));
    }
  });
  if (!read) out.error = read.error();
  out.entries = write_manifest(entries);
  return out;
}

ReadBack by_parse_manifest(const std::string& text) {
  ReadBack out;
  Diagnostics diags;
  auto parsed = parse_manifest(text, "m.json", diags);
  if (!parsed) {
    out.error = parsed.error();
    out.entries = write_manifest({});
    return out;
  }
  out.entries = write_manifest(*parsed);
  for (const Diagnostic& d : diags.all()) out.rejected.push_back(d.message + " " + d.json_pointer);
  return out;
}

// A manifest of `n` entries (several MiB: read on more than one thread), with
// entries lacking SPEC 1's form at the start, the middle and the end.
std::string large_manifest(std::size_t n) {
  std::vector<Entry> entries(n, tricky_entry());
  for (std::size_t i = 0; i < n; ++i) entries[i].model_path = "m" + std::to_string(i) + ".onnx";
  std::string text = write_manifest(entries);
  for (std::size_t at : {std::size_t(0), n / 2, n - 1}) {
    const std::string key = "\"model_path\": \"m" + std::to_string(at) + ".onnx\"";
    text.replace(text.find(key), key.size(), "\"model_path\": " + std::to_string(at));
  }
  return text;
}

TEST(JsonReader, ALargeManifestReadOnEveryCoreGivesWhatTheElementReaderGives) {
  const std::string text = large_manifest(12000);
  ASSERT_GT(text.size(), 4u << 20);
  ReadBack parallel = by_parse_manifest(text), serial = by_elements(text);
  EXPECT_EQ(parallel.error, "");
  // Not EXPECT_EQ: gtest's diff of two 5 MB strings would not fit in memory.
  EXPECT_TRUE(parallel.entries == serial.entries) << "the entries differ";
  EXPECT_EQ(parallel.rejected, serial.rejected);
  ASSERT_EQ(parallel.rejected.size(), 3u);
  EXPECT_EQ(parallel.rejected[1], "entry 6000: \"model_path\" has the wrong type /6000");
}

TEST(JsonReader, ElementsReadOnEveryCoreComeInArrayOrderWithThePathOfTheOnesThatAreNotEntries) {
  std::string text = large_manifest(12000);
  // Element 9000 keeps a string model_path but its model is a number.
  const std::size_t path_at = text.find("\"model_path\": \"m9000.onnx\"");
  const std::size_t model_at = text.rfind("\"model\": ", path_at);
  text.replace(model_at, 9, "\"model\": 5, \"was\": ");
  std::vector<ElementRead> reads;
  Result<void> read =
      read_manifest_elements(text, "m.json", [&reads](ElementRead&& r) { reads.push_back(std::move(r)); });
  ASSERT_TRUE(read) << read.error();
  ASSERT_EQ(reads.size(), 12000u);
  std::vector<std::size_t> not_entries;
  for (std::size_t i = 0; i < reads.size(); ++i) {
    ASSERT_EQ(reads[i].index, i);
    if (reads[i].entry) {
      EXPECT_EQ(reads[i].entry->model_path, "m" + std::to_string(i) + ".onnx");
      EXPECT_FALSE(reads[i].model_path);
      continue;
    }
    not_entries.push_back(i);
    EXPECT_NE(reads[i].why, "");
  }
  EXPECT_EQ(not_entries, (std::vector<std::size_t>{0, 6000, 9000, 11999}));
  EXPECT_FALSE(reads[6000].model_path);  // a number there: no path to name
  EXPECT_EQ(reads[9000].model_path, std::optional<std::string>("m9000.onnx"));
}

TEST(JsonReader, WhatTheElementScanLetsThroughIsStillRefusedWhereTheSerialReaderSays) {
  const std::string big = large_manifest(12000);
  const std::string cases[] = {
      "[1,]",
      "[1 2]",
      "[{]}",
      "[] x",
      "[,]",
      "[",
      "[\"]\", {\"a\": [1}]",
      // an error far into a manifest read on several threads
      big.substr(0, big.size() - 2) + ",}]",
      big.substr(0, big.size() / 2 + 7) + "@" + big.substr(big.size() / 2 + 8),
  };
  for (const std::string& text : cases) {
    ReadBack parallel = by_parse_manifest(text), serial = by_elements(text);
    EXPECT_NE(serial.error, "") << text.substr(0, 40);
    EXPECT_EQ(parallel.error, serial.error) << text.substr(0, 40);
  }
  // Brackets and commas inside strings are not structure.
  ReadBack parallel = by_parse_manifest("[\"a\\\"],[\", {\"b,\": \"}\"}]"),
           serial = by_elements("[\"a\\\"],[\", {\"b,\": \"}\"}]");
  EXPECT_EQ(parallel.error, "");
  EXPECT_EQ(parallel.rejected, serial.rejected);
  EXPECT_EQ(parallel.rejected.size(), 2u);
}

}  // namespace
}  // namespace ohm::manifest
