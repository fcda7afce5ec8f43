// Fuzz target: ONNX protobuf bytes -> WireWalker -> ModelReader (shape inference).
// The input is fed in 1-3 chunks split at positions derived from its bytes, and
// the walker's result must not depend on where the chunks were split.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "onnx/internal/wire_walker.h"
#include "onnx/model_reader.h"

namespace {

// Split points: a cheap hash of the input picks up to two cut positions.
std::vector<std::string_view> chunks_of(std::string_view text) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  std::vector<std::string_view> out;
  const std::size_t n = text.size();
  const std::size_t a = n == 0 ? 0 : static_cast<std::size_t>(h % (n + 1));
  const std::size_t b = a + (n - a == 0 ? 0 : static_cast<std::size_t>((h >> 32) % (n - a + 1)));
  out.push_back(text.substr(0, a));
  if ((h >> 20) & 1) {
    out.push_back(text.substr(a, b - a));
    out.push_back(text.substr(b));
  } else {
    out.push_back(text.substr(a));
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::vector<std::string_view> chunks = chunks_of(text);

  // The walker alone, whole vs chunked (and byte by byte for short inputs).
  ohm::onnx::detail::WireWalker whole;
  whole.feed(text);
  auto expected = whole.finish();
  ohm::onnx::detail::WireWalker split;
  for (std::string_view c : chunks) split.feed(c);
  auto got = split.finish();
  if (static_cast<bool>(expected) != static_cast<bool>(got)) __builtin_trap();
  if (expected && *expected != *got) __builtin_trap();
  if (!expected && expected.error() != got.error()) __builtin_trap();
  if (expected && expected->size() > 2 * size + 64) __builtin_trap();  // never more than it was fed
  if (size <= 256) {
    ohm::onnx::detail::WireWalker bytewise;
    for (std::size_t i = 0; i < size; ++i) bytewise.feed(text.substr(i, 1));
    auto b = bytewise.finish();
    if (static_cast<bool>(b) != static_cast<bool>(expected)) __builtin_trap();
    if (b && *b != *expected) __builtin_trap();
  }

  // The reader as the tool uses it, with a feature tensor to look up.
  ohm::onnx::ModelReader reader;
  for (std::string_view c : chunks) reader.feed(c);
  (void)reader.finish({"y"});
  return 0;
}
