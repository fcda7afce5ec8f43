// The main() of every unit test binary: GoogleTest's, after letting the
// binary serve as its own libonnx worker (onnx/isolation.h), so that tests
// run shape inference and the checker behind the same process boundary as
// the tool.
#include <optional>

#include <gtest/gtest.h>

#include "onnx/isolation.h"

int main(int argc, char** argv) {
  if (std::optional<int> worker = ohm::onnx::serve_worker_if_asked(argc, argv)) return *worker;
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
