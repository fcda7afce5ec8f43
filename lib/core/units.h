#pragma once
// Sizes and rates for people, in one unit family everywhere (binary, as du -h):
// B, KiB, MiB, GiB, TiB.

#include <cstdint>
#include <string>

namespace ohm {

// 26454 -> "25.8 KiB"; under 1 KiB, "512 B".
std::string format_bytes(std::uint64_t bytes);

// Bytes per second -> "12.3 MiB/s".
std::string format_rate(double bytes_per_second);

// Seconds -> "42s", "3m05s", "1h02m".
std::string format_duration(double seconds);

}  // namespace ohm
