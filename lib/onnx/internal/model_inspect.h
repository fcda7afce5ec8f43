#pragma once
// Private to lib/onnx (and its tests): SPEC 5 inspection of a parsed ModelProto.
// Includes libonnx headers, so no public header may include this one.

#include <string>
#include <string_view>
#include <vector>

#include <onnx/onnx_pb.h>

#include "core/result.h"
#include "onnx/model_reader.h"

namespace ohm::onnx::detail {

// SPEC 5 inspection of `model` (which may have stripped tensor payloads, see
// WireWalker): opset, producer, io_ports with shape inference merged into the
// declared outputs, and the inferred shapes of `feature_tensors`. Fails when
// the model has no graph or no default-domain opset, or when a name is not
// valid UTF-8. Never throws: libonnx exceptions become warnings in the info.
// `uses_external_data` in the result is left false (the walker knows it).
// `model` is what `model_bytes` parses to: the bytes go to the inference
// worker, and `model` is let go while it infers (left empty: see has_graph()).
Result<ModelInfo> inspect_model(::onnx::ModelProto& model, std::string_view model_bytes,
                                const std::vector<std::string>& feature_tensors);

}  // namespace ohm::onnx::detail
