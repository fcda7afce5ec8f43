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
  std::optional<Result<std::string>> walked;  // end_walk()'s outcome, until finish() takes it
  std::optional<CheckerVerdict> verdict;
};

ModelReader::ModelReader() : impl_(std::make_unique<Impl>()) {}
ModelReader::~ModelReader() = default;

void ModelReader::feed(std::string_view chunk) { impl_->walker.feed(chunk); }

std::optional<Error> ModelReader::read_structure(std::uint64_t size, const fs::ReadAt& read_at) {
  return impl_->walker.walk_at_offsets(size, read_at);
}

void ModelReader::record_walk() { impl_->walker.record_walk(); }

const std::string& ModelReader::end_walk() {
  if (!impl_->walked) impl_->walked.emplace(impl_->walker.finish());
  return impl_->walker.walk_digest();
}

const std::optional<CheckerVerdict>& ModelReader::checker_verdict() const { return impl_->verdict; }

const std::vector<ExternalDataRef>& ModelReader::external_data() const { return impl_->walker.external_data(); }

Result<ModelInfo> ModelReader::finish(const std::vector<std::string>& feature_tensors, const FinishOptions& options) {
  auto unreadable = [](std::string message) { return problem(check::kModelUnreadable, std::move(message)); };
  end_walk();
  Result<std::string> small = std::move(*impl_->walked);
  if (!small) return unreadable(small.error());
  if (small->size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return unreadable("the model's structure is too large to parse");
  }
  try {
    ::onnx::ModelProto model;
    auto parse = [&] { return model.ParseFromArray(small->data(), static_cast<int>(small->size())); };
    if (!parse()) return unreadable("not a valid ONNX model (protobuf ModelProto did not parse)");
    Result<ModelInfo> info = options.inspect ? detail::inspect_model(model, *small, feature_tensors) : ModelInfo{};
    // The checker runs on models SPEC 5 cannot inspect too (no default-domain opset, ...).
    if (options.run_checker) {
      // inspect_model let go of the model while its worker inferred.
      if (!model.has_graph() && !parse()) return unreadable("the model's structure did not parse again");
      if (!options.full_check) {
        small->clear();  // only --full-check's strict inference reads the bytes again
        small->shrink_to_fit();
      }
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
