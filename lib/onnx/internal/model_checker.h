#pragma once
// Private to lib/onnx. The ONNX checker on a streamed model. The walker's
// rebuilt model is the form shape inference needs: each dropped payload is
// gone and its tensor marked data_location EXTERNAL. The checker must see the
// model as the file has it instead, so its view puts back, from the walker's
// Dropped records, each tensor's own data_location and one placeholder value
// in each value field the file had nonempty (the checker only tests that a
// field is nonempty, never its values, except sparse indices, which the
// walker keeps), and an empty `s` where a long string attribute was dropped.
// Includes libonnx headers, so no public header may include this one.

#include <string_view>
#include <vector>

#include <onnx/onnx_pb.h>

#include "onnx/internal/wire_walker.h"
#include "onnx/model_reader.h"

namespace ohm::onnx::detail {

// Runs onnx::checker::check_model with the checker's view of `model` (with
// `options.model_dir` as the model's folder) and, when `options.full_check`
// and it passed, libonnx's strict shape inference (check_type, error_mode 1,
// no data propagation: what check_model(..., full_check=True) runs) on the
// model, where a dropped main-graph initializer becomes a typed graph input so
// its values count as unknown. `model` is what `model_bytes` parses to: the
// view is built in `model` itself and the model parsed again from its bytes
// for the strict inference, as a copy would cost the model's size in memory
// (20,000 nodes: 17 MB, where the bytes are 2.5). `model` is let go (left
// empty) while a worker holds its own parse.
// Both run in a worker process (isolation.h); one that dies or runs out of
// time or memory makes a `crashed` verdict. When `inference_broke` (lenient
// inference's worker already broke on this model) the strict inference is not
// run and the full check is undecided. Never throws: libonnx's exceptions are
// the verdict.
CheckerVerdict run_checker(::onnx::ModelProto& model, std::string_view model_bytes, const std::vector<Dropped>& dropped,
                           const FinishOptions& options, bool inference_broke = false);

// The checker's view: `model` with `dropped` put back as described above.
// False when a record does not lead to a message of `model` (then `model` is
// partly changed).
bool restore_checker_view(::onnx::ModelProto& model, const std::vector<Dropped>& dropped);

}  // namespace ohm::onnx::detail
