#include "onnx/internal/model_memory.h"

#include <optional>

#include "core/free_memory.h"

namespace ohm::onnx::detail {

void drop_model(::onnx::ModelProto& model, std::size_t model_bytes) {
  std::optional<core::ReleaseFreedPages> released;
  if (model_bytes >= kLargeModelBytes) released.emplace();
  // Clear() would keep the repeated fields' elements for reuse: a swap with an
  // empty model frees them.
  ::onnx::ModelProto().Swap(&model);
}

}  // namespace ohm::onnx::detail
