#include "core/units.h"

#include <gtest/gtest.h>

namespace ohm {
namespace {

TEST(Units, BinaryUnitsEverywhere) {
  EXPECT_EQ(format_bytes(0), "0 B");
  EXPECT_EQ(format_bytes(1023), "1023 B");
  EXPECT_EQ(format_bytes(26454), "25.8 KiB");
  EXPECT_EQ(format_bytes(256u << 20), "256.0 MiB");
  EXPECT_EQ(format_bytes(std::uint64_t{3} << 40), "3.0 TiB");
  EXPECT_EQ(format_rate(1.5 * (1 << 20)), "1.5 MiB/s");
  EXPECT_EQ(format_rate(-1), "0 B/s");
}

TEST(Units, Durations) {
  EXPECT_EQ(format_duration(4.4), "4s");
  EXPECT_EQ(format_duration(185), "3m05s");
  EXPECT_EQ(format_duration(3720), "1h02m");
}

}  // namespace
}  // namespace ohm
