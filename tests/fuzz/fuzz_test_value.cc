// Fuzz target: test-data bytes (input_N.pb / output_N.pb) -> TestValueReader,
// read as each kind of value. Chunking must not change the result.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "onnx/tensor_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (auto kind : {ohm::onnx::ValueKind::kTensor, ohm::onnx::ValueKind::kSequence, ohm::onnx::ValueKind::kMap,
                    ohm::onnx::ValueKind::kOptional}) {
    ohm::onnx::TestValueReader whole(kind);
    whole.feed(bytes);
    auto a = whole.finish();
    ohm::onnx::TestValueReader split(kind);
    const std::size_t step = 1 + size % 7;
    for (std::size_t at = 0; at < size; at += step) split.feed(bytes.substr(at, step));
    auto b = split.finish();
    if (static_cast<bool>(a) != static_cast<bool>(b)) __builtin_trap();
    if (a && (a->type != b->type || a->dims != b->dims || a->size_fault_count != b->size_fault_count)) {
      __builtin_trap();
    }
    if (!a && a.error() != b.error()) __builtin_trap();
  }
  return 0;
}
