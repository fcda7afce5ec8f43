#include "core/spellcheck.h"

#include <gtest/gtest.h>

namespace ohm {
namespace {

TEST(Spellcheck, EditDistance) {
  EXPECT_EQ(edit_distance("", ""), 0);
  EXPECT_EQ(edit_distance("abc", ""), 3);
  EXPECT_EQ(edit_distance("", "abc"), 3);
  EXPECT_EQ(edit_distance("genrate", "generate"), 1);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3);
  EXPECT_EQ(edit_distance("flaw", "lawn"), 2);
  // Past the limit it stops counting.
  EXPECT_EQ(edit_distance("abcdefgh", "zyxwvuts", 2), 3);
  EXPECT_EQ(edit_distance("kitten", "sitting", 3), 3);
}

TEST(Spellcheck, NearestWordWithinThreeEdits) {
  const std::vector<std::string> commands = {"generate", "validate", "inspect", "list", "info", "fetch", "cache"};
  EXPECT_EQ(spellcheck("genrate", commands), "generate");
  EXPECT_EQ(spellcheck("valdate", commands), "validate");
  EXPECT_EQ(spellcheck("fecth", commands), "fetch");
  EXPECT_EQ(spellcheck("lst", commands), "list");
  EXPECT_EQ(spellcheck("completely-different", commands), "");
  // The first of equals: "inf" is one edit from "info" only.
  EXPECT_EQ(spellcheck("inf", commands), "info");
  EXPECT_EQ(spellcheck("--formt", {"--format", "--force", "--fix"}), "--format");
}

TEST(Spellcheck, ModelNamesByPrefixAndDistance) {
  const std::vector<std::string> models = {"TinyNet-12", "TinyNet-7", "TinyBERT", "TinyBERT",
                                           "KWS-large",  "KWS-small", "Tiny MLP"};
  EXPECT_EQ(nearest_names("tinynet", models), (std::vector<std::string>{"TinyNet-12", "TinyNet-7"}));
  EXPECT_EQ(nearest_names("TINYBRT", models), (std::vector<std::string>{"TinyBERT"}));  // once, though listed twice
  EXPECT_EQ(nearest_names("kws", models), (std::vector<std::string>{"KWS-large", "KWS-small"}));
  // A name that is a prefix of the text (a suffix too many) counts too.
  EXPECT_EQ(nearest_names("tinybert-int8", models), (std::vector<std::string>{"TinyBERT"}));
  EXPECT_TRUE(nearest_names("resnet50", models).empty());
  EXPECT_TRUE(nearest_names("", models).empty());
  // A name that exists (in any case) was not mistyped.
  EXPECT_TRUE(nearest_names("tinynet-7", models).empty());
}

TEST(Spellcheck, KeepsTheNearestWithinTheLimit) {
  const std::vector<std::string> names = {"ab-1", "ab-22", "ab-333", "ab-4444", "ab"};
  // "a" is a prefix of all; the nearest two are "ab" (1) and "ab-1" (3).
  EXPECT_EQ(nearest_names("a", names, 2), (std::vector<std::string>{"ab", "ab-1"}));
}

TEST(Spellcheck, OrList) {
  EXPECT_EQ(or_list({}), "");
  EXPECT_EQ(or_list({"a"}), "a");
  EXPECT_EQ(or_list({"a", "b"}), "a or b");
  EXPECT_EQ(or_list({"a", "b", "c"}), "a, b or c");
}

}  // namespace
}  // namespace ohm
