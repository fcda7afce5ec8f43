#pragma once
// Reads one test-data file of a model archive (`input_N.pb` / `output_N.pb`
// of a `test_data_set_*` folder) from a stream of chunks: a serialized ONNX
// TensorProto, or a SequenceProto, MapProto or OptionalProto for ports of
// those types. It reports the value's type, a tensor's dims, and whether each
// tensor's payload fits its dims, and never holds a payload: memory stays
// bounded whatever the file size.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "onnx/tensor_size.h"

namespace ohm::onnx {

// Which message the file must hold: the kind of its port's type.
enum class ValueKind { kTensor, kSequence, kMap, kOptional };

// The kind a port type asks for: "seq(...)" kSequence, "map(...)" kMap,
// "optional(...)" kOptional, anything else kTensor.
ValueKind value_kind_of(std::string_view port_type);

struct TestValue {
  ValueKind kind = ValueKind::kTensor;
  // The value's type in port-type syntax (SPEC 5): "tensor(float)",
  // "seq(tensor(int64))", "map(int64,tensor(float))", "optional(tensor(float))",
  // "sparse_tensor(float)". A part the file does not tell (the elements of
  // an empty sequence, the value of an empty optional) is "undefined".
  std::string type;
  // kTensor: the tensor's name, element type (TensorProto.DataType) and dims.
  std::string name;
  int data_type = 0;
  std::vector<std::int64_t> dims;
  // kSequence and kMap: how many elements (map: keys).
  std::uint64_t elements = 0;
  // Tensors whose payload does not fit their dims and type (the rule of
  // `model.tensor-size`), at most 100 of them, and how many there were in all.
  std::vector<TensorSizeFault> size_faults;
  std::uint64_t size_fault_count = 0;
};

// True when a value of type `value_type` fits a port of type `port_type`:
// equal, where "undefined" in the value's type matches any type.
bool type_fits(std::string_view port_type, std::string_view value_type);

class TestValueReader {
 public:
  explicit TestValueReader(ValueKind expected);
  ~TestValueReader();
  TestValueReader(const TestValueReader&) = delete;
  TestValueReader& operator=(const TestValueReader&) = delete;

  // Feeds the next chunk. Never fails; problems surface in finish().
  void feed(std::string_view chunk);

  // Ends the stream. An Error when the bytes are not such a message: not
  // protobuf ("corrupt protobuf at byte N: ..."), cut short ("truncated: ...
  // at byte N"), a known field with the wrong wire type or a tensor without
  // data_type ("not a TensorProto: ..."), nested deeper than 16 levels, or
  // with more than 1 MiB of non-payload fields in one tensor.
  Result<TestValue> finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ohm::onnx
