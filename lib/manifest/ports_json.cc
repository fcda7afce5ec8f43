#include "manifest/ports_json.h"

namespace ohm::manifest {
namespace {

Json dim_json(const onnx::Dim& d) {
  switch (d.kind) {
    case onnx::Dim::Kind::kValue:
      return d.value;
    case onnx::Dim::Kind::kParam:
      return d.param;
    case onnx::Dim::Kind::kUnknown:
      break;
  }
  return nullptr;
}

Json ports_json(const std::vector<onnx::Port>& ports) {
  Json out = Json::array();
  for (const onnx::Port& p : ports) {
    Json shape = Json::array();
    for (const onnx::Dim& d : p.shape) shape.push_back(dim_json(d));
    Json j = Json::object();
    j["name"] = p.name;
    j["shape"] = std::move(shape);
    j["type"] = p.type;
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

Json to_json(const onnx::IoPorts& ports) {
  Json out = Json::object();
  out["inputs"] = ports_json(ports.inputs);
  out["outputs"] = ports_json(ports.outputs);
  return out;
}

Json features_json(const std::string& name, const std::vector<std::int64_t>& dims) {
  Json feature = Json::object();
  feature["name"] = name;
  feature["shape"] = dims;
  return Json{{"features", Json::array({feature})}};
}

}  // namespace ohm::manifest
