#pragma once
// --shard K/N: which models one of N runs takes. The assignment is a stable
// hash of model_path alone, so adding or removing a model moves no other.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ohm::zoo {

struct Shard {
  std::uint32_t index = 1;  // K, from 1
  std::uint32_t count = 1;  // N
};

// "K/N" with whole numbers 1 <= K <= N <= kMaxShards; nullopt otherwise.
std::optional<Shard> parse_shard(std::string_view text);

constexpr std::uint32_t kMaxShards = 1000;

// "K/N".
std::string to_string(const Shard& shard);

// The shard (1..count) `key` belongs to: FNV-1a 64 of its bytes, mod count.
std::uint32_t shard_of(std::string_view key, std::uint32_t count);

// True when `key` (a model_path) belongs to `shard`.
inline bool in_shard(const Shard& shard, std::string_view key) { return shard_of(key, shard.count) == shard.index; }

}  // namespace ohm::zoo
