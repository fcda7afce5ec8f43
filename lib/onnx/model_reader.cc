#include "onnx/model_reader.h"

#include <exception>
#include <limits>

#include <onnx/onnx_pb.h>

#include "core/checks.h"
#include "onnx/internal/model_checker.h"
#include "onnx/internal/model_inspect.h"
#include "onnx/internal/wire_walker.h"

namespace ohm::onnx {

struct ModelReader::Impl {
  detail::WireWalker walker;
  std::optional<CheckerVerdict> verdict;
};

ModelReader::ModelReader() : impl_(std::make_unique<Impl>()) {}
ModelReader::~ModelReader() = default;

void ModelReader::feed(std::string_view chunk) { impl_->walker.feed(chunk); }

const std::optional<CheckerVerdict>& ModelReader::checker_verdict() const { return impl_->verdict; }

const std::vector<ExternalDataRef>& ModelReader::external_data() const { return impl_->walker.external_data(); }

Result<ModelInfo> ModelReader::finish(const std::vector<std::string>& feature_tensors, const FinishOptions& options) {
  auto unreadable = [](std::string message) { return problem(check::kModelUnreadable, std::move(message)); };
  Result<std::string> small = impl_->walker.finish();
  if (!small) return unreadable(small.error());
  if (small->size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return unreadable("the model's structure is too large to parse");
  }
  try {
    ::onnx::ModelProto model;
    if (!model.ParseFromArray(small->data(), static_cast<int>(small->size()))) {
      return unreadable("not a valid ONNX model (protobuf ModelProto did not parse)");
    }
    if (!options.run_checker || !options.full_check) {
      small->clear();  // only --full-check's strict inference reads the bytes again (run_checker)
      small->shrink_to_fit();
    }
    Result<ModelInfo> info = options.inspect ? detail::inspect_model(model, feature_tensors) : ModelInfo{};
    // The checker runs on models SPEC 5 cannot inspect too (no default-domain opset, ...).
    if (options.run_checker) {
      const bool inference_broke = info && info->inference_broke;
      impl_->verdict = detail::run_checker(model, *small, impl_->walker.dropped(), options, inference_broke);
    }
    if (!info) return unreadable(info.error());
    info->uses_external_data = impl_->walker.uses_external_data();
    info->tensor_size_faults = impl_->walker.size_faults();
    info->tensor_size_fault_count = impl_->walker.size_fault_count();
    info->checker = impl_->verdict;
    return info;
  } catch (const std::exception& e) {
    return unreadable(std::string("model inspection failed: ") + e.what());
  } catch (...) {
    return unreadable("model inspection failed");
  }
}

}  // namespace ohm::onnx
