#include "manifest/canonical_entry.h"

#include <gtest/gtest.h>

#include <random>
#include <thread>

#include "manifest/json_io.h"

namespace ohm::manifest {
namespace {

// What the parser makes of one element (the reference the fast path must give).
std::optional<Entry> parsed(std::string_view element) {
  try {
    Entry e;
    std::string why;
    if (entry_from_json(Json::parse(element), &e, &why)) return e;
  } catch (const Json::exception&) {
  }
  return std::nullopt;
}

// The element of a one-entry manifest, as the reader splits it: "\n    {...}\n".
std::string element_of(const Entry& e) {
  const std::string text = write_manifest({e});
  return text.substr(1, text.size() - 2);
}

// Every field the fast path reads, and the characters it keeps: \" and \\.
Entry plain_entry() {
  Entry e;
  e.model = "ResNet \"50\" back\\slash/ #?%";
  e.model_path = "vision/resnet/model/resnet50-v1-7.onnx";
  e.onnx_version = "1.2.1";
  e.opset_version = 7;
  e.model_sha = std::string(64, 'a');
  e.model_bytes = 102502570;
  e.tags = {"vision", "classification"};
  e.io_ports = Json{{"inputs", Json::array({Json{{"name", "data"},
                                                 {"shape", Json::array({"N", 3, 224, -1, nullptr, true, false})},
                                                 {"type", "tensor(float)"}}})},
                    {"outputs", Json::array()},
                    {"empty", Json::object()}};
  e.extra_ports = Json{{"features", Json::array({Json{{"name", "f"}, {"shape", Json::array()}}})}};
  e.model_with_data_path = "vision/resnet/model/resnet50-v1-7.tar.gz";
  e.model_with_data_sha = std::string(64, 'b');
  e.model_with_data_bytes = 0;
  e.external_data = Json::array({Json{{"path", "w.bin"}, {"sha", std::string(64, 'c')}, {"bytes", 3}}});
  return e;
}

TEST(CanonicalEntry, ReadsWhatTheWriterWritesAsTheParserReadsIt) {
  Entry bare;
  bare.model = "m";
  bare.model_path = "m.onnx";
  Entry negative_opset = plain_entry();
  negative_opset.opset_version = -3;
  Entry no_ports = plain_entry();
  no_ports.io_ports.reset();
  no_ports.external_data.reset();
  for (const Entry& e : {plain_entry(), bare, negative_opset, no_ports}) {
    const std::string element = element_of(e);
    std::optional<Entry> fast = read_canonical_entry(element);
    ASSERT_TRUE(fast) << element;
    std::optional<Entry> slow = parsed(element);
    ASSERT_TRUE(slow);
    EXPECT_TRUE(same_entry(*fast, *slow)) << element;
    EXPECT_EQ(write_manifest({*fast}), write_manifest({e}));
    EXPECT_EQ(to_json(*fast), to_json(e));  // the kept text parses to the value
  }
  // The text is what is kept, not a tree: it is written back as it was.
  std::optional<Entry> fast = read_canonical_entry(element_of(plain_entry()));
  ASSERT_TRUE(fast && fast->io_ports.canonical_text(kMetadataIndent));
  EXPECT_EQ(fast->model, plain_entry().model);
  // The last element of an array has no comma after it, a newline instead.
  const std::string element = element_of(bare);
  EXPECT_TRUE(read_canonical_entry(element.substr(0, element.size() - 1)));
}

TEST(CanonicalEntry, LeavesToTheParserWhatTheWriterWouldWriteOtherwise) {
  const std::string good = element_of(plain_entry());
  ASSERT_TRUE(read_canonical_entry(good));
  auto with = [&good](const std::string& from, const std::string& to) {
    std::string s = good;
    const std::size_t at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
  };
  const std::string sha = "\"model_sha\": \"" + std::string(64, 'a') + "\",\n            ";
  const std::string cases[] = {
      with("\n        \"model\"", "\n      \"model\""),                       // other indent
      with("\"model\": \"ResNet", "\"model\":  \"ResNet"),                    // other spacing
      with("\"onnx_version\": \"1.2.1\",", "\"onnx_version\": \"1.2.1\" ,"),  // space before a comma
      with("\"tags\": [", "\"tag\": ["),                                      // unknown key
      with(sha + "\"model_bytes\": 102502570,", "\"model_bytes\": 102502570,\n            " + sha),  // key order
      with("\"name\": \"data\"", "\"name\": \"d\\u0061ta\""),   // an escape the writer does not use
      with("\"name\": \"data\"", "\"name\": \"\\u00e9\""),      // the writer's own, left to it
      with("\"name\": \"data\"", "\"name\": \"a\\nb\""),        //
      with("\"name\": \"data\"", "\"name\": \"caf\xc3\xa9\""),  // raw UTF-8: the writer escapes it
      with("\"name\": \"data\"", "\"name\": \"a\x7f\""),        // DEL: escaped too
      with("\"name\": \"data\"", "\"name\": \"a\tb\""),         // a raw control character
      with("224", "224.0"),                                     // not an integer
      with("224", "2.24e2"),                                    //
      with("224", "-0"),                                        // written "0"
      with("224", "0224"),                                      // not JSON
      with("224", "1234567890123456789"),                       // too long to be sure of
      with("\"name\": \"data\",", "\"name\": \"data\",\n                        \"name\": \"x\","),  // kept once
      with("102502570", "-102502570"),                                // bytes are unsigned
      with("\"io_ports\": {", "\"io_ports\": ["),                     // the wrong type
      with("[\n                \"vision\"", "[\n                7"),  // a tag that is not text
      with("\n    }", "\n    } "),                                    // anything after it
      with("\n", "\r\n"),                                             //
      good + "x",                                                     //
      with("\"model_with_data_bytes\": 0", "\"model_with_data_bytes\": null"),
  };
  for (const std::string& element : cases) {
    EXPECT_FALSE(read_canonical_entry(element)) << element;
  }
  // Every proper prefix is refused, not read past its end.
  for (std::size_t n = 0; n + 1 < good.size(); ++n) {
    ASSERT_FALSE(read_canonical_entry(std::string_view(good).substr(0, n))) << n;
  }
}

TEST(CanonicalEntry, WhateverItAcceptsIsWhatTheParserReadsAndTheWriterWritesBack) {
  // Bytes changed at random: whenever the fast path reads an element, the
  // parser reads the same entry from it and the writer gives it back unchanged.
  const std::string good = element_of(plain_entry());
  const std::string alphabet = " \n\"\\{}[],:-0123456789.eEtrufalsn\t\x7f\xc3";
  std::mt19937 random(20261203);
  std::size_t accepted = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string s = good;
    const int edits = 1 + static_cast<int>(random() % 3);
    for (int k = 0; k < edits; ++k) {
      const std::size_t at = random() % s.size();
      const char c = alphabet[random() % alphabet.size()];
      switch (random() % 3) {
        case 0:
          s[at] = c;
          break;
        case 1:
          s.insert(at, 1, c);
          break;
        default:
          s.erase(at, 1);
      }
    }
    std::optional<Entry> fast = read_canonical_entry(s);
    if (!fast) continue;
    ++accepted;
    std::optional<Entry> slow = parsed(s);
    ASSERT_TRUE(slow) << s;
    ASSERT_TRUE(same_entry(*fast, *slow)) << s;
    const std::string written = write_manifest({*fast});
    ASSERT_EQ(written.substr(1, written.size() - 2), s.back() == '\n' ? s : s + "\n") << s;
  }
  EXPECT_GT(accepted, 100u);  // the edits inside strings and numbers that keep the form
}

TEST(CanonicalEntry, KeptTextIsParsedOnceWhateverThreadsAskAndComparedAsText) {
  const std::optional<Entry> a = read_canonical_entry(element_of(plain_entry()));
  const std::optional<Entry> b = read_canonical_entry(element_of(plain_entry()));
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->io_ports, b->io_ports);             // equal texts
  EXPECT_EQ(a->io_ports, plain_entry().io_ports);  // text against a tree
  EXPECT_NE(a->io_ports, plain_entry().extra_ports);
  std::vector<const Json*> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t) threads.emplace_back([&, t] { seen[t] = &*a->io_ports; });
  for (std::thread& t : threads) t.join();
  for (const Json* j : seen) EXPECT_EQ(j, seen[0]);
  EXPECT_EQ(*seen[0], *plain_entry().io_ports);
  // An edit works on a tree of its own, and the text no longer stands for it.
  SharedJson edited = a->io_ports;
  edited.edit()["outputs"].push_back("y");
  EXPECT_FALSE(edited.canonical_text(kMetadataIndent));
  EXPECT_TRUE(a->io_ports.canonical_text(kMetadataIndent));
  EXPECT_NE(edited, a->io_ports);
  EXPECT_EQ(*a->io_ports, *plain_entry().io_ports);
}

}  // namespace
}  // namespace ohm::manifest
