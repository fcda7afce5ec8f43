// The worker's side of isolation.h: the only code that calls libonnx's shape
// inference and checker. It runs in the worker process (or in-process when
// isolation is off) and never throws.
#include <signal.h>
#include <sys/socket.h>

#include <fcntl.h>
#include <unistd.h>
#include <cerrno>
#include <functional>
#include <iostream>
#include <mutex>
#include <new>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <onnx/checker.h>
#include <onnx/defs/schema.h>
#include <onnx/onnx_pb.h>
#include <onnx/shape_inference/implementation.h>

#include "onnx/internal/worker_protocol.h"

// libonnx 1.12 exports check_model(model, ctx), the function behind
// check_model(path), but declares it only in its .cc. We call it to give the
// checker the model's folder (external data locations), as the path form does.
namespace onnx::checker {
void check_model(const ModelProto& model, CheckerContext& ctx);
}  // namespace onnx::checker

namespace ohm::onnx::detail {
namespace {

namespace op = ::onnx;

// The largest rank shape inference may build from a dim value: ranks of real
// models are below 10; libonnx would add one dimension at a time up to 2^40.
constexpr std::int64_t kMaxInferredRank = 1024;

// Held while std::cerr's buffer is swapped: a worker serves one request at
// a time, but a binary without workers runs this in-process on --jobs threads.
std::mutex& cerr_lock() {
  static std::mutex lock;
  return lock;
}

// Captures what libonnx writes to std::cerr (check_node warns about removed
// experimental ops there) so that no stray line reaches our stderr.
class CerrCapture {
 public:
  CerrCapture() : hold_(cerr_lock()), old_(std::cerr.rdbuf(buffer_.rdbuf())) {}
  ~CerrCapture() { std::cerr.rdbuf(old_); }
  CerrCapture(const CerrCapture&) = delete;
  CerrCapture& operator=(const CerrCapture&) = delete;
  std::string text() const { return buffer_.str(); }

 private:
  std::lock_guard<std::mutex> hold_;
  std::ostringstream buffer_;
  std::streambuf* old_;
};

// Runs `guard` (which throws to refuse) before libonnx's own inference
// function of default-domain `op`, at each of its versions up to 17.
void guard_inference(const char* op, const std::function<void(op::InferenceContext&)>& guard) {
  for (int version = 1; version <= 17; ++version) {
    const op::OpSchema* schema = op::OpSchemaRegistry::Schema(op, version, "");
    if (schema == nullptr || schema->since_version() != version) continue;
    auto* mutable_schema = const_cast<op::OpSchema*>(schema);  // the registry's own objects are not const
    op::InferenceFunction original = mutable_schema->GetTypeAndShapeInferenceFunction();
    mutable_schema->TypeAndShapeInferenceFunction([original, guard](op::InferenceContext& ctx) {
      guard(ctx);
      if (original) original(ctx);
    });
  }
}

// The shape of input `i`, when the node has one with a known shape.
const op::TensorShapeProto* input_shape(op::InferenceContext& ctx, std::size_t i) {
  const op::TypeProto* t = ctx.getNumInputs() > i ? ctx.getInputType(i) : nullptr;
  if (t == nullptr || !t->has_tensor_type() || !t->tensor_type().has_shape()) return nullptr;
  return &t->tensor_type().shape();
}

// Ops whose output rank libonnx takes from the length of a 1-D input (Expand's
// shape, ConstantOfShape's input) without a bound: refused before allocating.
void guard_absurd_ranks() {
  const struct {
    const char* op;
    std::size_t input;
  } guarded[] = {{"Expand", 1}, {"ConstantOfShape", 0}};
  for (const auto& g : guarded) {
    const std::string name = g.op;
    const std::size_t input = g.input;
    guard_inference(g.op, [name, input](op::InferenceContext& ctx) {
      const op::TensorShapeProto* shape = input_shape(ctx, input);
      if (shape == nullptr || shape->dim_size() != 1) return;
      const auto& d = shape->dim(0);
      if (d.has_dim_value() && d.dim_value() > kMaxInferredRank) {
        throw std::runtime_error(name + " asks for an output of rank " + std::to_string(d.dim_value()) +
                                 " (more than " + std::to_string(kMaxInferredRank) + "), refused before allocating it");
      }
    });
  }
}

// STFT's inference (opset 17) reads dims 1 and 2 of its signal unchecked: a
// signal of lower rank reads past the shape, which crashes only sometimes
// (ASLR), so it is refused before libonnx runs to make the outcome one.
void guard_stft_signal_rank() {
  guard_inference("STFT", [](op::InferenceContext& ctx) {
    const op::TensorShapeProto* signal = input_shape(ctx, 0);
    if (signal != nullptr && signal->dim_size() < 3) {
      throw std::runtime_error("STFT's signal has rank " + std::to_string(signal->dim_size()) +
                               ", not 3 ([batch, length, 1 or 2]): refused before libonnx reads past its shape");
    }
  });
}

// Conv, ConvInteger and QLinearConv without a kernel_shape attribute take
// their kernel's rank from the weights' shape, and libonnx then indexes the
// input's dims, the dilations and the pads by it unchecked: weights of
// another rank than the input read past them, which crashes only sometimes
// (the heap's state), so they are refused before libonnx runs.
void guard_conv_weight_rank() {
  const struct {
    const char* op;
    std::size_t weights;
  } guarded[] = {{"Conv", 1}, {"ConvInteger", 1}, {"QLinearConv", 3}};
  for (const auto& g : guarded) {
    const std::string name = g.op;
    const std::size_t weights = g.weights;
    guard_inference(g.op, [name, weights](op::InferenceContext& ctx) {
      const op::TensorShapeProto* x = input_shape(ctx, 0);
      const op::TensorShapeProto* w = input_shape(ctx, weights);
      if (x == nullptr || w == nullptr || ctx.getAttribute("kernel_shape") != nullptr) return;
      if (x->dim_size() != w->dim_size()) {
        throw std::runtime_error(name + "'s weights have rank " + std::to_string(w->dim_size()) +
                                 " and its input rank " + std::to_string(x->dim_size()) +
                                 " (they must match): refused before libonnx reads past the input's shape");
      }
    });
  }
}

// GatherND's inference indexes the data's dims from batch_dims plus the
// indices' last dim: a negative batch_dims reads before the data's shape,
// which crashes only sometimes (the heap's state), so it is refused.
void guard_gathernd_batch_dims() {
  guard_inference("GatherND", [](op::InferenceContext& ctx) {
    const op::AttributeProto* batch_dims = ctx.getAttribute("batch_dims");
    if (batch_dims != nullptr && batch_dims->i() < 0) {
      throw std::runtime_error("GatherND's batch_dims is " + std::to_string(batch_dims->i()) +
                               " (it must be 0 or more): refused before libonnx reads before the data's shape");
    }
  });
}

void prepare_once() {
  static const bool prepared = [] {
    op::OpSchemaRegistry::Instance();
    guard_absurd_ranks();
    guard_stft_signal_rank();
    guard_conv_weight_rank();
    guard_gathernd_batch_dims();
    return true;
  }();
  (void)prepared;
}

Frame answer(WorkerStatus status, std::vector<std::string> fields) {
  return Frame{static_cast<std::uint32_t>(status), std::move(fields)};
}

void normalize_graph_domains(op::GraphProto* graph) {
  for (auto& node : *graph->mutable_node()) {
    if (node.domain() == "ai.onnx") node.set_domain("");
    for (auto& attr : *node.mutable_attribute()) {
      if (attr.has_g()) normalize_graph_domains(attr.mutable_g());
      for (auto& g : *attr.mutable_graphs()) normalize_graph_domains(&g);
    }
  }
}

// Drops every tensor shape in `type` (a declared output: InferShapes throws
// when its own result conflicts with a declared shape).
void strip_shapes(op::TypeProto* type) {
  switch (type->value_case()) {
    case op::TypeProto::kTensorType:
      type->mutable_tensor_type()->clear_shape();
      break;
    case op::TypeProto::kSparseTensorType:
      type->mutable_sparse_tensor_type()->clear_shape();
      break;
    case op::TypeProto::kSequenceType:
      strip_shapes(type->mutable_sequence_type()->mutable_elem_type());
      break;
    case op::TypeProto::kOptionalType:
      strip_shapes(type->mutable_optional_type()->mutable_elem_type());
      break;
    case op::TypeProto::kMapType:
      strip_shapes(type->mutable_map_type()->mutable_value_type());
      break;
    default:
      break;
  }
}

// The model as lenient shape inference should see it (SPEC 5): domains
// normalized, declared output shapes removed, and (on the retry) value_info
// removed too.
void prepare_for_inference(op::ModelProto& model, bool drop_value_info) {
  for (auto& imp : *model.mutable_opset_import()) {
    if (imp.domain() == "ai.onnx") imp.set_domain("");
  }
  normalize_graph_domains(model.mutable_graph());
  for (auto& out : *model.mutable_graph()->mutable_output()) strip_shapes(out.mutable_type());
  if (drop_value_info) model.mutable_graph()->clear_value_info();
}

// The ports of an inferred graph: inputs, outputs and the value_info entries
// named in `wanted`, no nodes.
std::string ports_of(const op::GraphProto& g, const std::set<std::string>& wanted) {
  op::GraphProto ports;
  *ports.mutable_input() = g.input();
  *ports.mutable_output() = g.output();
  for (const auto& vi : g.value_info()) {
    if (wanted.count(vi.name()) > 0) *ports.add_value_info() = vi;
  }
  return ports.SerializeAsString();
}

template <typename F>
Frame run_libonnx(F&& f) {
  CerrCapture capture;
  try {
    std::string result = f();
    return answer(WorkerStatus::kOk, {std::move(result), capture.text()});
  } catch (const std::bad_alloc&) {
    return answer(WorkerStatus::kOutOfMemory, {"out of memory", capture.text()});
  } catch (const std::exception& e) {
    return answer(WorkerStatus::kThrew, {e.what(), capture.text()});
  } catch (...) {
    return answer(WorkerStatus::kThrew, {"unknown exception", capture.text()});
  }
}

// The request's model bytes, parsed, and then let go: the parse is what
// libonnx works on (a large model's bytes are MBs the worker need not hold).
void parse_request_model(Frame& request, op::ModelProto& model) {
  if (!model.ParseFromString(request.fields[0])) throw std::runtime_error("the request's model did not parse");
  std::string().swap(request.fields[0]);
}

Frame infer(Frame& request) {
  if (request.fields.size() < 2) return answer(WorkerStatus::kBadRequest, {"bad request"});
  const std::string& mode = request.fields[1];
  const bool strict = mode == "strict";
  if (!strict && mode != "lenient" && mode != "lenient-without-value-info") {
    return answer(WorkerStatus::kBadRequest, {"bad request"});
  }
  return run_libonnx([&] {
    op::ModelProto model;
    parse_request_model(request, model);
    // Lenient: what SPEC 5 reads ports with. Strict: what check_model(full_check=True) runs.
    if (!strict) prepare_for_inference(model, mode == "lenient-without-value-info");
    const op::ShapeInferenceOptions options =
        strict ? op::ShapeInferenceOptions(true, 1, false) : op::ShapeInferenceOptions(false, 0, true);
    op::shape_inference::InferShapes(model, op::OpSchemaRegistry::Instance(), options);
    if (strict) return std::string();
    return ports_of(model.graph(), std::set<std::string>(request.fields.begin() + 2, request.fields.end()));
  });
}

Frame check(Frame& request) {
  if (request.fields.size() != 2) return answer(WorkerStatus::kBadRequest, {"bad request"});
  return run_libonnx([&] {
    op::ModelProto model;
    parse_request_model(request, model);
    op::checker::CheckerContext ctx;
    ctx.set_model_dir(request.fields[1]);
    op::checker::check_model(model, ctx);
    return std::string();
  });
}

// What the sandbox leaves a worker: the errno of opening a file and of making a socket.
Frame probe() {
  const int fd = ::open("/proc/self/status", O_RDONLY);
  const int open_errno = fd < 0 ? errno : 0;
  const int sock = ::socket(AF_INET, SOCK_STREAM, 0);
  const int socket_errno = sock < 0 ? errno : 0;
  return answer(WorkerStatus::kOk,
                {"open=" + std::to_string(open_errno) + " socket=" + std::to_string(socket_errno), ""});
}

}  // namespace

Frame handle_request(Frame request) {
  try {
    prepare_once();
  } catch (...) {
    return answer(WorkerStatus::kBadRequest, {"libonnx could not be prepared"});
  }
  switch (static_cast<WorkerOp>(request.code)) {
    case WorkerOp::kInfer:
      return infer(request);
    case WorkerOp::kCheck:
      return check(request);
    case WorkerOp::kTestCrash:
      ::raise(SIGSEGV);
      return answer(WorkerStatus::kBadRequest, {"still alive"});
    case WorkerOp::kTestSpin:
      for (volatile unsigned long i = 0;; i = i + 1) {
      }
    case WorkerOp::kTestProbe:
      return probe();
    case WorkerOp::kTestHog:
      return run_libonnx([] {
        std::vector<std::string> hog;
        for (;;) hog.emplace_back(std::size_t{64} << 20, 'x');
        return std::string();
      });
  }
  return answer(WorkerStatus::kBadRequest, {"unknown request"});
}

}  // namespace ohm::onnx::detail
