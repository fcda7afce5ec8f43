#pragma once
// A model's ports as onnxruntime's Python API reports them (SPEC 5), as plain
// values. lib/manifest alone turns them into the manifest's JSON.

#include <cstdint>
#include <string>
#include <vector>

namespace ohm::onnx {

// One dimension: a number (dim_value), a name (a non-empty dim_param), or unknown.
struct Dim {
  enum class Kind { kUnknown, kValue, kParam };
  Kind kind = Kind::kUnknown;
  std::int64_t value = 0;
  std::string param;

  static Dim unknown() { return {}; }
  static Dim of(std::int64_t v) { return {Kind::kValue, v, {}}; }
  static Dim named(std::string p) { return {Kind::kParam, 0, std::move(p)}; }
  bool operator==(const Dim& o) const { return kind == o.kind && value == o.value && param == o.param; }
};

struct Port {
  std::string name;
  std::vector<Dim> shape;  // empty: no shape, or not a tensor
  std::string type;        // "tensor(float)", "seq(tensor(uint8))", ...
  bool operator==(const Port& o) const { return name == o.name && shape == o.shape && type == o.type; }
};

struct IoPorts {
  std::vector<Port> inputs;   // graph inputs that are not initializers, in file order
  std::vector<Port> outputs;  // graph outputs, shapes merged with inference
  bool operator==(const IoPorts& o) const { return inputs == o.inputs && outputs == o.outputs; }
};

}  // namespace ohm::onnx
