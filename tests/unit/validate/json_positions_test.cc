#include "validate/json_positions.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace ohm::validate {
namespace {

LineColumn at(const JsonPositions& p, const char* pointer) { return p.find(pointer); }

TEST(JsonPositions, ByteOrderMarkIsASyntaxError) {
  JsonPositions index;
  auto err = index.index("\xEF\xBB\xBF[]");
  ASSERT_TRUE(err);
  EXPECT_EQ(err->line, 1);
  EXPECT_NE(err->message.find("byte-order mark"), std::string::npos);
  EXPECT_FALSE(index.index("[]"));
}

TEST(JsonPositions, FindsEveryKindOfValue) {
  const std::string text =
      "[\n"
      "    {\n"
      "        \"model\": \"a\\\"b\",\n"
      "        \"opset_version\": 12,\n"
      "        \"metadata\": {\"tags\": [\"x\", true, null, -1.5e3], \"a/b~c\": {}}\n"
      "    },\n"
      "    7\n"
      "]";
  JsonPositions p;
  ASSERT_FALSE(p.index(text).has_value());
  EXPECT_EQ(at(p, "").line, 1);
  EXPECT_EQ(at(p, "/0").line, 2);
  EXPECT_EQ(at(p, "/0").column, 5);
  EXPECT_EQ(at(p, "/0/model").line, 3);
  EXPECT_EQ(at(p, "/0/model").column, 9);  // the key's opening quote
  EXPECT_EQ(at(p, "/0/opset_version").line, 4);
  EXPECT_EQ(at(p, "/0/metadata/tags/0").column, 31);
  EXPECT_EQ(at(p, "/0/metadata/tags/1").column, 36);
  EXPECT_EQ(at(p, "/0/metadata/tags/2").column, 42);
  EXPECT_EQ(at(p, "/0/metadata/tags/3").column, 48);
  EXPECT_EQ(at(p, "/0/metadata/a~1b~0c").line, 5);
  EXPECT_EQ(at(p, "/1").line, 7);
  EXPECT_EQ(at(p, "/1").column, 5);
}

TEST(JsonPositions, MissingPointerFallsBackToAncestor) {
  JsonPositions p;
  ASSERT_FALSE(p.index("[\n {\"metadata\":\n  {}}]").has_value());
  EXPECT_EQ(p.find("/0/metadata/model_sha").line, 2);
  EXPECT_EQ(p.find("/5/model").line, 1);
}

TEST(JsonPositions, NumberAtEndOfLine) {
  JsonPositions p;
  ASSERT_FALSE(p.index("{\"a\": [1,\n22\n]}").has_value());
  EXPECT_EQ(p.find("/a/1").line, 2);
  EXPECT_EQ(p.find("/a/1").column, 1);
}

TEST(JsonPositions, SyntaxErrorHasLineAndColumn) {
  JsonPositions p;
  auto err = p.index("[\n  {\"a\": 1,}\n]");
  ASSERT_TRUE(err.has_value());
  EXPECT_EQ(err->line, 2);
  EXPECT_EQ(err->column, 11);
  EXPECT_NE(err->message.find("syntax error"), std::string::npos) << err->message;
  EXPECT_EQ(p.find("/0").line, 0);
}

TEST(JsonPositions, InvalidUtf8IsASyntaxError) {
  JsonPositions p;
  auto err = p.index("[\"\xff\"]");
  ASSERT_TRUE(err.has_value());
  EXPECT_EQ(err->line, 1);
}

TEST(JsonPositions, TruncatedDocument) {
  JsonPositions p;
  auto err = p.index("[{\"a\": ");
  ASSERT_TRUE(err.has_value());
  EXPECT_EQ(err->line, 1);
}

TEST(JsonPositions, BuildsTheDocumentInTheSamePass) {
  const std::string text = R"([{"a": [1, -2, 2.5, "s\u00e9", true, null], "b": {}}, 18446744073709551615])";
  JsonPositions p;
  nlohmann::json dom;
  ASSERT_FALSE(p.index(text, &dom).has_value());
  EXPECT_EQ(dom, nlohmann::json::parse(text));
  EXPECT_TRUE(p.index("[1,", &dom).has_value());
  EXPECT_TRUE(dom.is_null());
}

TEST(JsonPositions, DeepNestingIsRefused) {
  std::string deep = std::string(200000, '[') + std::string(200000, ']');
  JsonPositions p;
  nlohmann::json dom;
  auto err = p.index(deep, &dom);
  ASSERT_TRUE(err.has_value());
  EXPECT_NE(err->message.find("nested deeper than"), std::string::npos);
  EXPECT_EQ(err->column, static_cast<int>(kMaxJsonDepth) + 1);
  EXPECT_EQ(json_nesting_depth(deep), 200000u);
  EXPECT_EQ(json_nesting_depth(R"([{"a": "[[[[\"[["}, []])"), 2u);
}

// Every pointer to a value of `dom` (and a missing child of each container).
void pointers_of(const nlohmann::json& dom, const std::string& at, std::vector<std::string>* out) {
  out->push_back(at);
  if (dom.is_object()) {
    out->push_back(at + "/no-such-key");
    for (const auto& [key, value] : dom.items()) pointers_of(value, at + "/" + pointer_token(key), out);
  } else if (dom.is_array()) {
    out->push_back(at + "/" + std::to_string(dom.size()));
    for (std::size_t i = 0; i < dom.size(); ++i) pointers_of(dom[i], at + "/" + std::to_string(i), out);
  }
}

TEST(JsonPositions, AnIndexOfTheElementsAloneFindsWhatTheWholeIndexFinds) {
  const std::string text =
      "  [\n    {\"model\": \"a\\\"b\", \"m\": {\"t\": [1, \"x\", null]}},\n\n  7 ,\r\n\t\"s\" ,[[], {}],\n"
      "{\"a/b~c\": {\"d\": -1.5e3}}\n]\n";
  JsonPositions whole;
  nlohmann::json dom;
  ASSERT_FALSE(whole.index(text, &dom).has_value());
  const auto elements = manifest::split_array_elements(text);
  ASSERT_TRUE(elements);
  ASSERT_EQ(elements->size(), dom.size());
  std::vector<std::string> pointers;
  pointers_of(dom, "", &pointers);
  // Deeper pointers asked first and last, on many threads at once: the whole
  // index is made once, while the elements' positions are read beside it.
  for (bool deep_first : {true, false}) {
    JsonPositions shallow;
    shallow.index_elements(text, *elements);
    std::vector<std::thread> threads;
    std::vector<std::vector<LineColumn>> found(4);
    for (std::size_t t = 0; t < found.size(); ++t) {
      threads.emplace_back([&, t] {
        for (std::size_t k = 0; k < pointers.size(); ++k) {
          const std::string& p = pointers[deep_first ? k : pointers.size() - 1 - k];
          found[t].push_back(shallow.find(p));
        }
      });
    }
    for (std::thread& t : threads) t.join();
    for (std::size_t t = 0; t < found.size(); ++t) {
      for (std::size_t k = 0; k < pointers.size(); ++k) {
        const std::string& p = pointers[deep_first ? k : pointers.size() - 1 - k];
        const LineColumn want = whole.find(p);
        EXPECT_EQ(found[t][k].line, want.line) << p;
        EXPECT_EQ(found[t][k].column, want.column) << p;
      }
    }
  }
}

TEST(JsonPositions, PointerTokens) {
  EXPECT_EQ(pointer_token("a/b~c"), "a~1b~0c");
  EXPECT_EQ(entry_pointer(3), "/3");
  EXPECT_EQ(entry_pointer(3, "metadata", "model_sha"), "/3/metadata/model_sha");
  EXPECT_EQ(entry_pointer(0, "", "model"), "/0/model");
}

}  // namespace
}  // namespace ohm::validate
