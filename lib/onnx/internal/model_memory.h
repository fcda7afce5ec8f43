#pragma once
// Private to lib/onnx: holding a parsed model no longer than needed.

#include <cstddef>

#include <onnx/onnx_pb.h>

namespace ohm::onnx::detail {

// The serialized size from which a model's parse is worth returning its
// pages to the system when let go; below it, the next allocations reuse them.
constexpr std::size_t kLargeModelBytes = 1 << 20;

// Lets go of `model` (it is left empty), whose serialized size is
// `model_bytes`: a request's model is parsed by its worker, and a large one
// (20,000 nodes: 15 MB) need not be held by this process at the same time.
void drop_model(::onnx::ModelProto& model, std::size_t model_bytes);

}  // namespace ohm::onnx::detail
