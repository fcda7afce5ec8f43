#include "onnx/internal/model_inspect.h"

#include <exception>
#include <limits>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <onnx/defs/schema.h>

#include "core/checks.h"
#include "core/text.h"
#include "onnx/internal/model_memory.h"
#include "onnx/internal/port_types.h"
#include "onnx/internal/worker_pool.h"

namespace ohm::onnx::detail {
namespace {

namespace op = ::onnx;

// "ai.onnx" and "" both name the default domain.
std::string normalize_domain(const std::string& domain) { return domain == "ai.onnx" ? std::string() : domain; }

// Replaces bytes that are not valid UTF-8 with '?' (producer strings only).
std::string sanitize_utf8(std::string s) {
  for (std::size_t at = first_invalid_utf8(s); at != std::string::npos; at = first_invalid_utf8(s)) {
    s[at] = '?';
  }
  return s;
}

std::string node_label(const op::NodeProto& node) {
  std::string label = node.name().empty() ? std::string("(unnamed)") : "\"" + node.name() + "\"";
  label += " (" + node.op_type();
  if (!node.domain().empty()) label += ", domain \"" + node.domain() + "\"";
  return label + ")";
}

// Why `node` does not fit its schema, or nullopt. libonnx's inference
// functions trust the schema (Scan's reads num_scan_inputs without checking it
// is there) and crash on a node that lacks a required attribute or has fewer
// inputs than declared, so such nodes are caught before inference. Unknown
// attributes are left alone, as libonnx ignores them.
std::optional<std::string> count_mismatch(int count, int min, int max, const char* what) {
  if (count >= min && count <= max) return std::nullopt;
  std::string expected = min == max                               ? std::to_string(min)
                         : max == std::numeric_limits<int>::max() ? "at least " + std::to_string(min)
                                                                  : std::to_string(min) + " to " + std::to_string(max);
  return std::to_string(count) + " " + what + ", expected " + expected;
}

std::optional<std::string> schema_mismatch(const op::NodeProto& node, const op::OpSchema& schema) {
  if (auto bad = count_mismatch(node.input_size(), schema.min_input(), schema.max_input(), "inputs")) return bad;
  if (auto bad = count_mismatch(node.output_size(), schema.min_output(), schema.max_output(), "outputs")) return bad;
  const auto& declared = schema.attributes();
  std::set<std::string> present;
  for (const auto& attr : node.attribute()) {
    present.insert(attr.name());
    const auto it = declared.find(attr.name());
    if (it == declared.end() || attr.type() == op::AttributeProto::UNDEFINED || !attr.ref_attr_name().empty()) {
      continue;
    }
    if (attr.type() != it->second.type) {
      return "attribute \"" + attr.name() + "\" has type " + op::AttributeProto::AttributeType_Name(attr.type()) +
             ", expected " + op::AttributeProto::AttributeType_Name(it->second.type);
    }
  }
  for (const auto& [name, attr] : declared) {
    if (attr.required && present.count(name) == 0) return "no attribute \"" + name + "\", which is required";
  }
  return std::nullopt;
}

// Why libonnx 1.12 cannot infer this model (SPEC 5), or nullopt.
class SupportCheck {
 public:
  SupportCheck(const op::ModelProto& model, std::unordered_map<std::string, int> opsets) : opsets_(std::move(opsets)) {
    for (const auto& f : model.functions()) local_functions_.insert(f.domain() + "\n" + f.name());
  }

  std::optional<std::string> check_model(const op::ModelProto& model) {
    const auto& ranges = op::OpSchemaRegistry::DomainToVersionRange::Instance().Map();
    const int default_opset = opsets_.at("");
    const auto def = ranges.find("");
    if (def != ranges.end() && default_opset > def->second.second) {
      return "the default-domain opset " + std::to_string(default_opset) + " is newer than libonnx knows (" +
             std::to_string(def->second.second) + "); outputs are reported as declared";
    }
    return check_graph(model.graph(), 0);
  }

 private:
  std::optional<std::string> check_graph(const op::GraphProto& graph, int depth) {
    if (depth > 64) return std::string("subgraphs nested too deeply");
    const auto& ranges = op::OpSchemaRegistry::DomainToVersionRange::Instance().Map();
    for (const auto& node : graph.node()) {
      const std::string domain = normalize_domain(node.domain());
      if (local_functions_.count(node.domain() + "\n" + node.op_type()) > 0) continue;
      const std::string what = "node " + node_label(node);
      const auto opset = opsets_.find(domain);
      if (opset == opsets_.end()) {
        return what + " uses a domain the model does not import; outputs are reported as declared";
      }
      const auto range = ranges.find(domain);
      if (range == ranges.end()) {
        return what + " is in a domain libonnx does not know; outputs are reported as declared";
      }
      if (opset->second > range->second.second) {
        return what + " needs opset " + std::to_string(opset->second) + " of its domain, newer than libonnx knows (" +
               std::to_string(range->second.second) + "); outputs are reported as declared";
      }
      const op::OpSchema* schema = op::OpSchemaRegistry::Schema(node.op_type(), opset->second, domain);
      if (schema == nullptr) {
        return what + " has no schema in libonnx at opset " + std::to_string(opset->second) +
               "; outputs are reported as declared";
      }
      if (auto mismatch = schema_mismatch(node, *schema)) {
        return what + " does not match its schema (" + *mismatch + "); outputs are reported as declared";
      }
      for (const auto& attr : node.attribute()) {
        if (attr.has_g()) {
          if (auto why = check_graph(attr.g(), depth + 1)) return why;
        }
        for (const auto& g : attr.graphs()) {
          if (auto why = check_graph(g, depth + 1)) return why;
        }
      }
    }
    return std::nullopt;
  }

  std::unordered_map<std::string, int> opsets_;
  std::unordered_set<std::string> local_functions_;
};

// What lenient shape inference (in a worker, isolation.h) made of a model.
struct Inference {
  std::optional<op::GraphProto> ports;  // the inferred graph's inputs, outputs and value_info
  std::optional<std::string> threw;     // libonnx's message
  std::optional<WorkerReply> broke;     // its worker died, timed out or ran out of memory
};

// The model travels as it was read (`model_bytes`): the worker prepares its
// own parse for inference (isolation_worker.cc) and answers with the graph's
// inputs and outputs and, of its value_info, only the entries named `wanted`
// (the feature tensors).
Inference run_inference(std::string_view model_bytes, bool drop_value_info, const std::vector<std::string>& wanted) {
  Inference result;
  Frame request{static_cast<std::uint32_t>(WorkerOp::kInfer),
                {std::string(model_bytes), drop_value_info ? "lenient-without-value-info" : "lenient"}};
  request.fields.insert(request.fields.end(), wanted.begin(), wanted.end());
  WorkerReply reply = call_worker(request);
  if (reply.kind != WorkerReply::Kind::kAnswered) {
    result.broke = std::move(reply);
    return result;
  }
  const Frame& a = reply.answer;
  if (a.code == static_cast<std::uint32_t>(WorkerStatus::kOk) && !a.fields.empty()) {
    op::GraphProto g;
    if (g.ParseFromString(a.fields[0])) {
      result.ports = std::move(g);
      return result;
    }
  }
  result.threw = a.fields.empty() ? std::string("the worker's answer was malformed") : a.fields[0];
  return result;
}

// Which node inference crashed on, found by inferring prefixes of the graph's
// nodes, each in a worker (a node's inference sees only the nodes before it;
// the prefix's graph has no outputs, which it may not make): about log2(nodes)
// tries, and only after a crash. Each step is observed: the prefix ending at
// the node crashed and the one before it did not. nullopt when a try breaks
// otherwise (time, memory), so the crash cannot be placed.
std::optional<int> crashing_node(const op::ModelProto& model, bool drop_value_info) {
  int fine = 0, crashes = model.graph().node_size();  // prefixes of these many nodes were inferred, or crashed
  while (crashes - fine > 1) {
    const int mid = fine + (crashes - fine) / 2;
    op::ModelProto prefix = model;
    auto* nodes = prefix.mutable_graph()->mutable_node();
    nodes->DeleteSubrange(mid, nodes->size() - mid);
    prefix.mutable_graph()->clear_output();
    const Inference tried = run_inference(prefix.SerializeAsString(), drop_value_info, {});
    if (!tried.broke) {
      fine = mid;
    } else if (tried.broke->kind == WorkerReply::Kind::kCrashed) {
      crashes = mid;
    } else {
      return std::nullopt;
    }
  }
  return crashes - 1;
}

// The warning for a worker that broke: which id, naming the node `at` (where
// inference crashed) or a graph's only node.
ModelWarning broken_inference(const op::GraphProto& graph, const WorkerReply& broke, std::optional<int> at) {
  const bool timed_out = broke.kind == WorkerReply::Kind::kTimedOut;
  if (!at && graph.node_size() == 1) at = 0;
  std::string where = at ? " on node " + node_label(graph.node(*at)) : std::string();
  std::string what = timed_out ? "shape inference timed out" + where + " (" + broke.why + ")"
                     : broke.kind == WorkerReply::Kind::kOutOfMemory
                         ? "shape inference ran out of memory" + where
                         : "shape inference crashed" + where + " (" + broke.why + ")";
  return {timed_out ? check::kInferenceTimeout : check::kInferenceCrashed, what + "; outputs are reported as declared"};
}

void collect_dim_params(const op::TypeProto& type, std::set<std::string>& names) {
  switch (type.value_case()) {
    case op::TypeProto::kTensorType:
      for (const auto& d : type.tensor_type().shape().dim()) {
        if (d.has_dim_param() && !d.dim_param().empty()) names.insert(d.dim_param());
      }
      break;
    case op::TypeProto::kSparseTensorType:
      for (const auto& d : type.sparse_tensor_type().shape().dim()) {
        if (d.has_dim_param() && !d.dim_param().empty()) names.insert(d.dim_param());
      }
      break;
    case op::TypeProto::kSequenceType:
      collect_dim_params(type.sequence_type().elem_type(), names);
      break;
    case op::TypeProto::kOptionalType:
      collect_dim_params(type.optional_type().elem_type(), names);
      break;
    case op::TypeProto::kMapType:
      collect_dim_params(type.map_type().value_type(), names);
      break;
    default:
      break;
  }
}

std::set<std::string> declared_dim_params(const op::GraphProto& graph) {
  std::set<std::string> names;
  for (const auto& vi : graph.input()) collect_dim_params(vi.type(), names);
  for (const auto& vi : graph.output()) collect_dim_params(vi.type(), names);
  for (const auto& vi : graph.value_info()) collect_dim_params(vi.type(), names);
  return names;
}

// The inferred TypeProto of `name` in the inferred graph, or nullptr.
const op::TypeProto* find_value_type(const op::GraphProto& g, const std::string& name) {
  for (const auto& vi : g.value_info()) {
    if (vi.name() == name && vi.has_type()) return &vi.type();
  }
  for (const auto& vi : g.output()) {
    if (vi.name() == name && vi.has_type()) return &vi.type();
  }
  for (const auto& vi : g.input()) {
    if (vi.name() == name && vi.has_type()) return &vi.type();
  }
  return nullptr;
}

std::optional<std::string> first_non_utf8(const op::GraphProto& g) {
  std::set<std::string> dims;
  for (const auto* list : {&g.input(), &g.output()}) {
    for (const auto& vi : *list) {
      if (!is_valid_utf8(vi.name())) return vi.name();
      collect_dim_params(vi.type(), dims);
    }
  }
  for (const auto& d : dims) {
    if (!is_valid_utf8(d)) return d;
  }
  return std::nullopt;
}

// What inspection reads of `graph` once inference has run: its outputs, and
// the entries a feature tensor's declared type may come from (find_value_type).
op::GraphProto declared_ports(const op::GraphProto& graph, const std::vector<std::string>& feature_tensors) {
  op::GraphProto declared;
  *declared.mutable_output() = graph.output();
  const std::set<std::string> wanted(feature_tensors.begin(), feature_tensors.end());
  for (const auto& vi : graph.value_info()) {
    if (wanted.count(vi.name()) > 0) *declared.add_value_info() = vi;
  }
  for (const auto& vi : graph.input()) {
    if (wanted.count(vi.name()) > 0) *declared.add_input() = vi;
  }
  return declared;
}

}  // namespace

Result<ModelInfo> inspect_model(op::ModelProto& model, std::string_view model_bytes,
                                const std::vector<std::string>& feature_tensors) {
  ModelInfo info;
  info.ir_version = model.ir_version();
  info.producer_name = sanitize_utf8(model.producer_name());
  info.producer_version = sanitize_utf8(model.producer_version());
  std::unordered_map<std::string, int> opsets;
  for (const auto& imp : model.opset_import()) {
    info.opset_imports.emplace_back(sanitize_utf8(imp.domain()), imp.version());
    const std::string domain = normalize_domain(imp.domain());
    opsets[domain] = static_cast<int>(imp.version());
    if (domain.empty()) info.opset = imp.version();
  }
  if (!model.has_graph()) return cannot_run("the model has no graph");
  if (!info.opset) return cannot_run("the model imports no opset for the default domain (\"\" or \"ai.onnx\")");
  const op::GraphProto& graph = model.graph();
  if (first_non_utf8(graph)) return cannot_run("a port name or dimension is not valid UTF-8");

  // Inputs: graph.input minus initializers, as declared.
  std::unordered_set<std::string> initializers;
  for (const auto& t : graph.initializer()) initializers.insert(t.name());
  for (const auto& s : graph.sparse_initializer()) initializers.insert(s.values().name());
  for (const auto& vi : graph.input()) {
    if (initializers.count(vi.name()) > 0) continue;
    info.io_ports.inputs.push_back({vi.name(), declared_shape(vi.type()), type_string(vi.type())});
  }

  // Outputs: declared, merged with shape inference when libonnx can infer.
  const op::GraphProto declared = declared_ports(graph, feature_tensors);
  const std::set<std::string> declared_names = declared_dim_params(graph);
  std::optional<op::GraphProto> inferred;
  SupportCheck support(model, opsets);
  if (auto why = support.check_model(model)) {
    info.warnings.push_back({check::kInferenceUnsupported, "shape inference skipped: " + *why});
  } else {
    // While the worker holds its parse of the model, this process holds none
    // (`graph` is gone from here on).
    drop_model(model, model_bytes.size());
    bool without_value_info = false;
    Inference result = run_inference(model_bytes, without_value_info, feature_tensors);
    if (result.threw) result = run_inference(model_bytes, without_value_info = true, feature_tensors);
    if (result.broke) {
      if (model_bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()) ||
          !model.ParseFromArray(model_bytes.data(), static_cast<int>(model_bytes.size()))) {
        return cannot_run("the model's bytes did not parse again");
      }
      std::optional<int> at;
      if (result.broke->kind == WorkerReply::Kind::kCrashed && model.graph().node_size() > 1)
        at = crashing_node(model, without_value_info);
      info.warnings.push_back(broken_inference(model.graph(), *result.broke, at));
      info.inference_broke = true;
    } else if (result.threw) {
      info.warnings.push_back(
          {check::kInferenceFailed, "shape inference failed, outputs are reported as declared: " + *result.threw});
    } else {
      inferred = std::move(result.ports);
    }
  }
  for (int i = 0; i < declared.output_size(); ++i) {
    const auto& port = declared.output(i);
    const op::TypeProto* inferred_type = nullptr;
    if (inferred && i < inferred->output_size()) inferred_type = &inferred->output(i).type();
    MergedPort merged = merge_output(port.type(), inferred_type, declared_names);
    info.io_ports.outputs.push_back({port.name(), std::move(merged.shape), std::move(merged.type)});
  }

  // Feature tensors: the inferred (else declared) shape, unknown dims as 0.
  const op::GraphProto& source = inferred ? *inferred : declared;
  for (const auto& name : feature_tensors) {
    const op::TypeProto* type = find_value_type(source, name);
    if (type == nullptr || !type->has_tensor_type() || !type->tensor_type().has_shape()) {
      info.warnings.push_back(
          {check::kFeatureTensorMissing, "feature tensor \"" + name + "\" " +
                                             (type == nullptr ? "is not in the model" : "has no known shape") +
                                             "; extra_ports left out"});
      continue;
    }
    std::vector<std::int64_t> dims;
    for (const auto& d : type->tensor_type().shape().dim()) dims.push_back(d.has_dim_value() ? d.dim_value() : 0);
    info.feature_shapes[name] = std::move(dims);
  }
  return info;
}

}  // namespace ohm::onnx::detail
