// Fuzz target: ONNX protobuf bytes -> WireWalker -> ModelReader (shape
// inference, the ONNX checker).
// The input is fed in 1-3 chunks split at positions derived from its bytes, and
// the walker's result must not depend on where the chunks were split, nor on
// a walk by positional reads that skips what it passes over.
#include <algorithm>
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
  whole.record_walk();
  whole.feed(text);
  auto expected = whole.finish();
  // By positional reads that skip what the walker passes over (inspect's read
  // ahead): the same outcome and the same walk digest.
  ohm::onnx::detail::WireWalker skipping;
  skipping.record_walk();
  const ohm::fs::ReadAt read_at = [&](std::uint64_t offset, char* into, std::size_t n) -> ohm::Result<std::size_t> {
    const std::string_view got = text.substr(static_cast<std::size_t>(offset), n);
    std::copy(got.begin(), got.end(), into);
    return got.size();
  };
  if (skipping.walk_at_offsets(size, read_at, 1 + size % 700)) __builtin_trap();
  auto skipped = skipping.finish();
  if (skipping.walk_digest() != whole.walk_digest()) __builtin_trap();
  if (static_cast<bool>(expected) != static_cast<bool>(skipped)) __builtin_trap();
  if (expected && *expected != *skipped) __builtin_trap();
  if (!expected && expected.error() != skipped.error()) __builtin_trap();
  ohm::onnx::detail::WireWalker split;
  for (std::string_view c : chunks) split.feed(c);
  auto got = split.finish();
  if (static_cast<bool>(expected) != static_cast<bool>(got)) __builtin_trap();
  if (expected && *expected != *got) __builtin_trap();
  if (!expected && expected.error() != got.error()) __builtin_trap();
  if (expected && expected->size() > 2 * size + 64) __builtin_trap();  // never more than it was fed
  // What the walker records (size faults, dropped payloads) does not depend on chunking either.
  if (expected) {
    if (whole.size_fault_count() != split.size_fault_count()) __builtin_trap();
    for (std::size_t i = 0; i < whole.size_faults().size(); ++i) {
      const auto& a = whole.size_faults()[i];
      const auto& b = split.size_faults()[i];
      if (a.found != b.found || a.expected != b.expected || a.location != b.location) __builtin_trap();
    }
    if (whole.dropped().size() != split.dropped().size()) __builtin_trap();
    for (std::size_t i = 0; i < whole.dropped().size(); ++i) {
      const auto& a = whole.dropped()[i];
      const auto& b = split.dropped()[i];
      if (a.nonempty_fields != b.nonempty_fields || a.data_location != b.data_location ||
          a.path.size() != b.path.size()) {
        __builtin_trap();
      }
    }
  }
  if (size <= 256) {
    ohm::onnx::detail::WireWalker bytewise;
    for (std::size_t i = 0; i < size; ++i) bytewise.feed(text.substr(i, 1));
    auto b = bytewise.finish();
    if (static_cast<bool>(b) != static_cast<bool>(expected)) __builtin_trap();
    if (b && *b != *expected) __builtin_trap();
  }

  // The reader as the tool uses it, with a feature tensor to look up and the
  // ONNX checker (default mode: full mode runs the same shape inference the
  // reader runs anyway).
  ohm::onnx::ModelReader reader;
  for (std::string_view c : chunks) reader.feed(c);
  ohm::onnx::FinishOptions options;
  options.run_checker = true;
  options.model_dir = "/nonexistent-ohm-fuzz/";  // external data locations never resolve
  auto info = reader.finish({"y"}, options);
  if (info && !info->checker) __builtin_trap();
  return 0;
}
