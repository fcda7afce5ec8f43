#include "onnx/internal/model_checker.h"

#include <exception>
#include <limits>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <unordered_set>
#include <utility>

#include "onnx/internal/model_memory.h"
#include "onnx/internal/tensor_payload.h"
#include "onnx/internal/worker_pool.h"

namespace ohm::onnx::detail {
namespace {

namespace op = ::onnx;

// The message a path has reached: exactly one pointer is set.
struct Target {
  op::ModelProto* model = nullptr;
  op::GraphProto* graph = nullptr;
  op::NodeProto* node = nullptr;
  op::AttributeProto* attr = nullptr;
  op::TensorProto* tensor = nullptr;
  op::SparseTensorProto* sparse = nullptr;
  op::FunctionProto* function = nullptr;
};

template <typename T>
T* element(google::protobuf::RepeatedPtrField<T>* list, std::uint32_t index) {
  return index < static_cast<std::uint32_t>(list->size()) ? list->Mutable(static_cast<int>(index)) : nullptr;
}

// One step down, with the walker's field numbers (WireWalker::rule_for).
// Singular fields ignore the index: protobuf merges repeated occurrences.
Target step(const Target& t, const PathStep& s) {
  Target n;
  if (t.model != nullptr) {
    if (s.field == 7) n.graph = t.model->mutable_graph();
    if (s.field == 25) n.function = element(t.model->mutable_functions(), s.index);
  } else if (t.graph != nullptr) {
    if (s.field == 1) n.node = element(t.graph->mutable_node(), s.index);
    if (s.field == 5) n.tensor = element(t.graph->mutable_initializer(), s.index);
    if (s.field == 15) n.sparse = element(t.graph->mutable_sparse_initializer(), s.index);
  } else if (t.node != nullptr) {
    if (s.field == 5) n.attr = element(t.node->mutable_attribute(), s.index);
  } else if (t.attr != nullptr) {
    if (s.field == 5) n.tensor = t.attr->mutable_t();
    if (s.field == 10) n.tensor = element(t.attr->mutable_tensors(), s.index);
    if (s.field == 6) n.graph = t.attr->mutable_g();
    if (s.field == 11) n.graph = element(t.attr->mutable_graphs(), s.index);
    if (s.field == 22) n.sparse = t.attr->mutable_sparse_tensor();
    if (s.field == 23) n.sparse = element(t.attr->mutable_sparse_tensors(), s.index);
  } else if (t.sparse != nullptr) {
    if (s.field == 1) n.tensor = t.sparse->mutable_values();
    if (s.field == 2) n.tensor = t.sparse->mutable_indices();
  } else if (t.function != nullptr) {
    if (s.field == 7) n.node = element(t.function->mutable_node(), s.index);
  }
  return n;
}

Target follow(op::ModelProto& model, const std::vector<PathStep>& path) {
  Target t;
  t.model = &model;
  for (const auto& s : path) t = step(t, s);
  return t;
}

void add_placeholders(op::TensorProto& t, std::uint8_t nonempty) {
  auto had = [nonempty](std::uint32_t field) { return (nonempty & (1u << (field - kFloatData))) != 0; };
  if (had(kFloatData)) t.add_float_data(0);
  if (had(kInt32Data)) t.add_int32_data(0);
  if (had(kStringData)) t.add_string_data("");
  if (had(kInt64Data)) t.add_int64_data(0);
  if (had(kRawData)) t.set_raw_data(std::string(1, '\0'));
  if (had(kDoubleData)) t.add_double_data(0);
  if (had(kUint64Data)) t.add_uint64_data(0);
}

// Calls `f` on every graph of the model: the main graph, then subgraphs in
// node attributes (depth first), then those of model-local functions.
template <typename F>
void for_each_graph_nodes(const op::GraphProto& g, const F& on_graph, int depth);

template <typename F>
void for_each_node_subgraph(const op::NodeProto& node, const F& on_graph, int depth) {
  for (const auto& attr : node.attribute()) {
    if (attr.has_g()) for_each_graph_nodes(attr.g(), on_graph, depth + 1);
    for (const auto& g : attr.graphs()) for_each_graph_nodes(g, on_graph, depth + 1);
  }
}

template <typename F>
void for_each_graph_nodes(const op::GraphProto& g, const F& on_graph, int depth) {
  if (depth > 64) return;  // the walker refuses deeper nesting anyway
  on_graph(g.sparse_initializer(), g.node());
  for (const auto& node : g.node()) for_each_node_subgraph(node, on_graph, depth);
}

// Why libonnx's sparse index check would read past the index data (it trusts
// the indices' dims), or "": the one place the checker reads tensor values.
std::string unsafe_sparse_indices(const op::ModelProto& model) {
  std::string why;
  auto check = [&why](const op::SparseTensorProto& sp) {
    if (!why.empty() || !sp.has_indices() || !sp.has_values()) return;
    const op::TensorProto& ind = sp.indices();
    if (ind.data_type() != op::TensorProto::INT64 || (ind.dims_size() != 1 && ind.dims_size() != 2)) return;
    if (sp.values().dims_size() != 1 || ind.dims(0) != sp.values().dims(0)) return;  // refused before reading
    if (ind.dims_size() == 2 && ind.dims(1) != sp.dims_size()) return;
    const std::uint64_t nnz = static_cast<std::uint64_t>(ind.dims(0));
    const std::uint64_t per = ind.dims_size() == 2 ? static_cast<std::uint64_t>(sp.dims_size()) : 1;
    const bool raw = !ind.raw_data().empty();
    const std::uint64_t held = raw ? ind.raw_data().size() / 8 : static_cast<std::uint64_t>(ind.int64_data_size());
    const bool whole = !raw || ind.raw_data().size() % 8 == 0;
    if ((per != 0 && nnz > held / per) || !whole) {
      why = "Sparse tensor indices (" + ind.name() + ") hold " + std::to_string(held) +
            " index values, fewer than its dims need (libonnx would read past them)";
    }
  };
  auto on_graph = [&check](const auto& sparse_initializers, const auto& nodes) {
    for (const auto& sp : sparse_initializers) check(sp);
    for (const auto& node : nodes) {
      for (const auto& attr : node.attribute()) {
        if (attr.has_sparse_tensor()) check(attr.sparse_tensor());
        for (const auto& sp : attr.sparse_tensors()) check(sp);
      }
    }
  };
  for_each_graph_nodes(model.graph(), on_graph, 0);
  for (const auto& f : model.functions()) {
    google::protobuf::RepeatedPtrField<op::SparseTensorProto> none;
    on_graph(none, f.node());
    for (const auto& node : f.node()) for_each_node_subgraph(node, on_graph, 0);
  }
  return why;
}

// What a checker request (kCheck, or kInfer "strict") came to.
struct CheckRun {
  std::optional<std::string> failure;  // libonnx's message
  std::string log;
  std::optional<WorkerReply> broke;  // the worker died, timed out or ran out of memory
};

// Sends `model` to a worker, letting go of it (left empty) while the worker
// holds its own parse.
CheckRun run_in_worker(WorkerOp op, op::ModelProto& model, std::string argument) {
  CheckRun run;
  Frame request{static_cast<std::uint32_t>(op), {model.SerializeAsString(), std::move(argument)}};
  drop_model(model, request.fields[0].size());
  WorkerReply reply = call_worker(request);
  if (reply.kind != WorkerReply::Kind::kAnswered) {
    run.broke = std::move(reply);
    return run;
  }
  const Frame& a = reply.answer;
  if (a.fields.size() >= 2) run.log = a.fields[1];
  if (a.code != static_cast<std::uint32_t>(WorkerStatus::kOk)) {
    run.failure = a.fields.empty() ? std::string("the worker's answer was malformed") : a.fields[0];
  }
  return run;
}

CheckerVerdict crashed_verdict(const WorkerReply& broke, const char* stage) {
  CheckerVerdict v;
  v.crashed = true;
  v.message = std::string(stage) + (broke.kind == WorkerReply::Kind::kTimedOut      ? " timed out (" + broke.why + ")"
                                    : broke.kind == WorkerReply::Kind::kOutOfMemory ? std::string(" ran out of memory")
                                                                                    : " crashed (" + broke.why + ")");
  return v;
}

// The full check's inference view: each dropped main-graph initializer that
// is not also a graph input becomes a typed graph input (IR >= 4, where shape
// inference types such initializers the same way), so that inference sees its
// type and not its values, as it would see an input. Returns how many.
int unknown_values_as_inputs(op::ModelProto& model, const std::vector<Dropped>& dropped) {
  if (model.ir_version() < 4 || !model.has_graph()) return 0;
  op::GraphProto* g = model.mutable_graph();
  std::unordered_set<std::string> inputs;
  for (const auto& vi : g->input()) inputs.insert(vi.name());
  std::vector<bool> drop(static_cast<std::size_t>(g->initializer_size()), false);
  int moved = 0;
  for (const auto& d : dropped) {
    if (d.what != Dropped::What::kTensorPayload || d.path.size() != 2 || d.path[0].field != 7 || d.path[1].field != 5 ||
        d.path[1].index >= drop.size()) {
      continue;
    }
    const op::TensorProto& t = g->initializer(static_cast<int>(d.path[1].index));
    if (inputs.count(t.name()) > 0 || drop[d.path[1].index]) continue;
    op::ValueInfoProto* vi = g->add_input();
    vi->set_name(t.name());
    auto* tt = vi->mutable_type()->mutable_tensor_type();
    tt->set_elem_type(t.data_type());
    auto* shape = tt->mutable_shape();
    for (auto dim : t.dims()) shape->add_dim()->set_dim_value(dim);
    drop[d.path[1].index] = true;
    ++moved;
  }
  if (moved > 0) {
    google::protobuf::RepeatedPtrField<op::TensorProto> kept;
    for (int i = 0; i < g->initializer_size(); ++i) {
      if (!drop[static_cast<std::size_t>(i)]) kept.Add()->Swap(g->mutable_initializer(i));
    }
    g->mutable_initializer()->Swap(&kept);
  }
  return moved;
}

// The tensor a strict inference error could not read ("... for tensor: NAME"), or "".
std::string unreadable_tensor(const std::string& message) {
  const std::string marker =
      "Cannot parse data from external tensors. Please load external data into raw data for tensor: ";
  const auto at = message.find(marker);
  if (at == std::string::npos) return {};
  const auto start = at + marker.size();
  return message.substr(start, message.find('\n', start) - start);
}

// Calls `f` on every TensorProto of `g`: initializers, sparse values and
// indices, node attributes, and those of subgraphs.
template <typename F>
void for_each_tensor(op::GraphProto& g, const F& f, int depth);

template <typename F>
void for_each_sparse(op::SparseTensorProto& sp, const F& f) {
  if (sp.has_values()) f(*sp.mutable_values());
  if (sp.has_indices()) f(*sp.mutable_indices());
}

template <typename F>
void for_each_node_tensor(op::NodeProto& node, const F& f, int depth) {
  for (auto& attr : *node.mutable_attribute()) {
    if (attr.has_t()) f(*attr.mutable_t());
    for (auto& t : *attr.mutable_tensors()) f(t);
    if (attr.has_sparse_tensor()) for_each_sparse(*attr.mutable_sparse_tensor(), f);
    for (auto& sp : *attr.mutable_sparse_tensors()) for_each_sparse(sp, f);
    if (attr.has_g()) for_each_tensor(*attr.mutable_g(), f, depth + 1);
    for (auto& g : *attr.mutable_graphs()) for_each_tensor(g, f, depth + 1);
  }
}

template <typename F>
void for_each_tensor(op::GraphProto& g, const F& f, int depth) {
  if (depth > 64) return;  // the walker refuses deeper nesting anyway
  for (auto& t : *g.mutable_initializer()) f(t);
  for (auto& sp : *g.mutable_sparse_initializer()) for_each_sparse(sp, f);
  for (auto& node : *g.mutable_node()) for_each_node_tensor(node, f, depth);
}

// A model read from a git revision or the index has no side files on disk for
// the checker to stat: every external location is pointed at "/", which
// exists. The zoo checks the side files itself (artifact.missing, external-data.*).
void locations_that_exist(op::ModelProto& view) {
  auto point = [](op::TensorProto& t) {
    for (auto& e : *t.mutable_external_data()) {
      if (e.key() == "location") e.set_value("/");
    }
  };
  for_each_tensor(*view.mutable_graph(), point, 0);
  for (auto& f : *view.mutable_functions()) {
    for (auto& node : *f.mutable_node()) for_each_node_tensor(node, point, 0);
  }
}

}  // namespace

bool restore_checker_view(op::ModelProto& model, const std::vector<Dropped>& dropped) {
  for (const auto& d : dropped) {
    Target t = follow(model, d.path);
    if (d.what == Dropped::What::kAttributeString) {
      if (t.attr == nullptr) return false;
      if (!t.attr->has_s()) t.attr->set_s("");
      continue;
    }
    if (t.tensor == nullptr) return false;
    t.tensor->clear_data_location();
    if (d.data_location && op::TensorProto_DataLocation_IsValid(static_cast<int>(*d.data_location))) {
      t.tensor->set_data_location(static_cast<op::TensorProto_DataLocation>(*d.data_location));
    }
    add_placeholders(*t.tensor, d.nonempty_fields);
  }
  return true;
}

CheckerVerdict run_checker(op::ModelProto& model, std::string_view model_bytes, const std::vector<Dropped>& dropped,
                           const FinishOptions& options, bool inference_broke) {
  CheckerVerdict verdict;
  std::set<std::string> stripped;  // tensors whose values only the file has
  for (const auto& d : dropped) {
    if (d.what != Dropped::What::kTensorPayload) continue;
    if (d.sparse_indices) {
      verdict.undecided =
          "the checker reads every index of a sparse tensor, and this model's sparse indices are "
          "larger than the reader keeps";
      return verdict;
    }
    const bool external = d.data_location && *d.data_location == 1;
    if (!external) {
      Target t = follow(model, d.path);
      if (t.tensor != nullptr) stripped.insert(t.tensor->name());
    }
  }
  std::optional<std::string> failure;
  {
    // The view is made in `model` itself, parsed again from model_bytes below.
    if (!restore_checker_view(model, dropped)) {
      verdict.undecided = "internal error: the reader's record of dropped payloads does not fit the model";
      return verdict;
    }
    if (!options.side_files_on_disk) locations_that_exist(model);
    const std::string unsafe = unsafe_sparse_indices(model);
    if (!unsafe.empty()) {
      verdict.message = unsafe;
      return verdict;
    }
    CheckRun run = run_in_worker(WorkerOp::kCheck, model, options.model_dir);
    if (run.broke) return crashed_verdict(*run.broke, "the checker");
    failure = std::move(run.failure);
    verdict.log = std::move(run.log);
  }
  if (!failure && options.full_check) {
    if (inference_broke) {
      verdict.undecided = "strict shape inference was not run: shape inference already broke on this model";
      return verdict;
    }
    if (model_bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()) ||
        !model.ParseFromArray(model_bytes.data(), static_cast<int>(model_bytes.size()))) {
      verdict.undecided = "internal error: the model's bytes did not parse again for strict shape inference";
      return verdict;
    }
    unknown_values_as_inputs(model, dropped);
    // check_type, error_mode 1, no data propagation: what full_check=True runs.
    CheckRun run = run_in_worker(WorkerOp::kInfer, model, "strict");
    if (run.broke) return crashed_verdict(*run.broke, "strict shape inference");
    failure = std::move(run.failure);
    verdict.log += run.log;
    const std::string first_line = failure ? failure->substr(0, failure->find('\n')) : std::string();
    const std::string unread = unreadable_tensor(first_line);
    if (!unread.empty() && stripped.count(unread) > 0) {
      verdict.undecided = "strict shape inference needs the values of tensor \"" + unread +
                          "\", whose payload the reader does not keep";
      return verdict;
    }
  }
  verdict.passed = !failure;
  if (failure) verdict.message = *failure;
  return verdict;
}

}  // namespace ohm::onnx::detail
