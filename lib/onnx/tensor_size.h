#pragma once
// A tensor whose payload does not fit its dims and element type
// (`model.tensor-size`, `testdata.tensor-size`): onnxruntime refuses such a
// tensor when it loads it, though onnx 1.12's checker accepts it.

#include <cstdint>
#include <string>
#include <vector>

namespace ohm::onnx {

struct TensorSizeFault {
  std::string tensor;    // TensorProto.name ("" when unnamed)
  std::string location;  // where it sits: "initializer", "node \"c\" (Constant) attribute \"value\"", ...
  int data_type = 0;     // TensorProto.DataType
  std::vector<std::int64_t> dims;
  // The payload field compared ("raw_data", "float_data", "string_data", ...):
  // raw_data when the tensor has one, else the typed field of its data type.
  std::string field;
  bool bytes = false;          // expected/found count bytes (raw_data), else elements
  std::uint64_t expected = 0;  // what dims and data_type need
  std::uint64_t found = 0;     // what the file holds
  // Set instead of expected/found when the sizes cannot be compared
  // ("dim 1 is negative (-3)", "string tensors cannot hold raw_data").
  std::string problem;
};

// One line for a diagnostic: `tensor "W" (initializer): raw_data holds 396
// bytes, but dims [10, 10] of float need 400`.
std::string describe(const TensorSizeFault& fault);

}  // namespace ohm::onnx
