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

std::optional<std::vector<onnx::Port>> ports_of(const Json& list) {
  if (!list.is_array()) return std::nullopt;
  std::vector<onnx::Port> out;
  for (const Json& p : list) {
    auto name = p.find("name");
    auto shape = p.find("shape");
    auto type = p.find("type");
    if (!p.is_object() || name == p.end() || !name->is_string() || shape == p.end() || !shape->is_array() ||
        type == p.end() || !type->is_string()) {
      return std::nullopt;
    }
    onnx::Port port{name->get<std::string>(), {}, type->get<std::string>()};
    for (const Json& d : *shape) {
      if (d.is_number_integer()) {
        port.shape.push_back(onnx::Dim::of(d.get<std::int64_t>()));
      } else if (d.is_string()) {
        port.shape.push_back(onnx::Dim::named(d.get<std::string>()));
      } else if (d.is_null()) {
        port.shape.push_back(onnx::Dim::unknown());
      } else {
        return std::nullopt;
      }
    }
    out.push_back(std::move(port));
  }
  return out;
}

}  // namespace

std::optional<onnx::IoPorts> ports_from_json(const Json& io_ports) {
  if (!io_ports.is_object() || !io_ports.contains("inputs") || !io_ports.contains("outputs")) return std::nullopt;
  auto inputs = ports_of(io_ports["inputs"]);
  auto outputs = ports_of(io_ports["outputs"]);
  if (!inputs || !outputs) return std::nullopt;
  return onnx::IoPorts{std::move(*inputs), std::move(*outputs)};
}

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
