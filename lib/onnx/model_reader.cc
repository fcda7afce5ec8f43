#include "onnx/model_reader.h"

#include <exception>
#include <limits>

#include <onnx/onnx_pb.h>

#include "onnx/model_checker.h"
#include "onnx/model_inspect.h"
#include "onnx/wire_walker.h"

namespace ohm::onnx {

struct ModelReader::Impl {
  detail::WireWalker walker;
  std::optional<CheckerVerdict> verdict;
};

ModelReader::ModelReader() : impl_(std::make_unique<Impl>()) {}
ModelReader::~ModelReader() = default;

void ModelReader::feed(std::string_view chunk) { impl_->walker.feed(chunk); }

const std::optional<CheckerVerdict>& ModelReader::checker_verdict() const { return impl_->verdict; }

Result<ModelInfo> ModelReader::finish(const std::string& shown_path,
                                      const std::vector<std::string>& feature_tensors, Diagnostics& diags) {
  return finish(shown_path, feature_tensors, diags, FinishOptions{});
}

Result<ModelInfo> ModelReader::finish(const std::string& shown_path, const std::vector<std::string>& feature_tensors,
                                      Diagnostics& diags, const FinishOptions& options) {
  Result<std::string> small = impl_->walker.finish();
  if (!small) return Error{small.error()};
  if (small->size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return Error{"the model's structure is too large to parse"};
  }
  try {
    ::onnx::ModelProto model;
    if (!model.ParseFromArray(small->data(), static_cast<int>(small->size()))) {
      return Error{"not a valid ONNX model (protobuf ModelProto did not parse)"};
    }
    small->clear();
    small->shrink_to_fit();
    Result<ModelInfo> info = detail::inspect_model(model, shown_path, feature_tensors, diags);
    // The checker runs on models SPEC 5 cannot inspect too (no default-domain opset, ...).
    if (options.run_checker) impl_->verdict = detail::run_checker(model, impl_->walker.dropped(), options);
    if (!info) return info;
    info->uses_external_data = impl_->walker.uses_external_data();
    info->tensor_size_faults = impl_->walker.size_faults();
    info->tensor_size_fault_count = impl_->walker.size_fault_count();
    info->checker = impl_->verdict;
    return info;
  } catch (const std::exception& e) {
    return Error{std::string("model inspection failed: ") + e.what()};
  } catch (...) {
    return Error{"model inspection failed"};
  }
}

}  // namespace ohm::onnx
