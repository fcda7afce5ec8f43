#pragma once
// Private to lib/hash: a digest's bytes as lowercase hex.

#include <cstddef>
#include <string>

namespace ohm::hash::detail {

inline std::string lower_hex(const unsigned char* bytes, std::size_t n) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (std::size_t i = 0; i < n; ++i) {
    out += kHex[bytes[i] >> 4];
    out += kHex[bytes[i] & 15];
  }
  return out;
}

}  // namespace ohm::hash::detail
