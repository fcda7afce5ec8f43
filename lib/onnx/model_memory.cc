#include "onnx/internal/model_memory.h"

#include "core/free_memory.h"

namespace ohm::onnx::detail {

void drop_model(::onnx::ModelProto& model, std::size_t model_bytes) {
  const core::ReleaseFreedPages released(model_bytes >= kLargeModelBytes);
  // Clear() would keep the repeated fields' elements for reuse: a swap with an
  // empty model frees them.
  ::onnx::ModelProto().Swap(&model);
}

}  // namespace ohm::onnx::detail
