#include "zoo/shard.h"

#include <charconv>

namespace ohm::zoo {
namespace {

std::optional<std::uint32_t> whole(std::string_view s) {
  std::uint32_t n = 0;
  if (s.empty() || s[0] == '+' || s[0] == '-') return std::nullopt;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return n;
}

}  // namespace

std::optional<Shard> parse_shard(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto k = whole(text.substr(0, slash));
  auto n = whole(text.substr(slash + 1));
  if (!k || !n || *n < 1 || *n > kMaxShards || *k < 1 || *k > *n) return std::nullopt;
  return Shard{*k, *n};
}

std::string to_string(const Shard& shard) { return std::to_string(shard.index) + "/" + std::to_string(shard.count); }

std::uint32_t shard_of(std::string_view key, std::uint32_t count) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return static_cast<std::uint32_t>(h % (count == 0 ? 1 : count)) + 1;
}

}  // namespace ohm::zoo
