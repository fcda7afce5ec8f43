#include "hub/trust.h"

#include <gtest/gtest.h>

namespace ohm::hub {
namespace {

TEST(Trust, Rules) {
  EXPECT_EQ(decide_trust(true, false, false), TrustDecision::kTrusted);
  EXPECT_EQ(decide_trust(false, true, false), TrustDecision::kTrusted);
  EXPECT_EQ(decide_trust(false, false, true), TrustDecision::kAsk);
  EXPECT_EQ(decide_trust(false, false, false), TrustDecision::kRefuse);
}

TEST(Trust, OnlyYesIsYes) {
  EXPECT_TRUE(is_yes("y"));
  EXPECT_TRUE(is_yes(" YES \n"));
  EXPECT_FALSE(is_yes(""));
  EXPECT_FALSE(is_yes("n"));
  EXPECT_FALSE(is_yes("yep"));
}

}  // namespace
}  // namespace ohm::hub
