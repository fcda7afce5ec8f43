// LLVMFuzzerInitialize for targets that reach libonnx (fuzz_model, fuzz_zoo):
// the fuzzer binary serves as its own libonnx worker, as the tool does
// (onnx/isolation.h), so shape inference and the checker run behind the same
// process boundary and a libonnx crash is the diagnostic it is in the tool,
// not a fuzzer finding. libFuzzer calls this before parsing its flags; the
// replay driver calls it too.
#include <cstdlib>
#include <optional>

#include "onnx/isolation.h"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  if (std::optional<int> worker = ohm::onnx::serve_worker_if_asked(*argc, *argv)) std::_Exit(*worker);
  // Well inside libFuzzer's -timeout, so a hanging model is the tool's
  // onnx.inference.timeout, not a fuzzer hang.
  ohm::onnx::IsolationOptions options = ohm::onnx::isolation_options();
  options.timeout_ms = 3000;
  options.memory_bytes = std::uint64_t{512} << 20;
  ohm::onnx::set_isolation_options(options);
  return 0;
}
