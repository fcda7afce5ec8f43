#include "zoo/shard.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace ohm::zoo {
namespace {

TEST(ParseShard, TakesKOfN) {
  auto s = parse_shard("2/5");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->index, 2u);
  EXPECT_EQ(s->count, 5u);
  EXPECT_EQ(to_string(*s), "2/5");
  EXPECT_TRUE(parse_shard("1/1"));
  EXPECT_TRUE(parse_shard("1000/1000"));
}

TEST(ParseShard, RefusesWhatIsNotKOfN) {
  for (const char* bad :
       {"", "2", "/5", "2/", "0/3", "4/3", "-1/3", "+1/3", "1/0", "1/3/4", "a/3", "1/1001", "1 /3", "99999999999/3"}) {
    EXPECT_FALSE(parse_shard(bad)) << bad;
  }
}

TEST(ShardOf, IsStableAndCoversEveryShard) {
  // The assignment depends on the path alone (FNV-1a): these values are the
  // contract that keeps parts of older runs mergeable.
  EXPECT_EQ(shard_of("", 7), 14695981039346656037ull % 7 + 1);
  std::map<std::uint32_t, int> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string path = "vision/m" + std::to_string(i) + "/model.onnx";
    const std::uint32_t k = shard_of(path, 5);
    ASSERT_GE(k, 1u);
    ASSERT_LE(k, 5u);
    EXPECT_EQ(k, shard_of(path, 5));
    EXPECT_TRUE(in_shard({k, 5}, path));
    ++seen[k];
  }
  EXPECT_EQ(seen.size(), 5u);
  EXPECT_EQ(shard_of("anything", 1), 1u);
}

}  // namespace
}  // namespace ohm::zoo
