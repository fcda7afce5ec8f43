#pragma once
// Builds small ONNX models in C++ for the lib/onnx tests (the checker and
// tensor-size tests craft the faults they need field by field).

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include <onnx/onnx_pb.h>

namespace ohm::onnx::test {

namespace op = ::onnx;

inline op::ValueInfoProto value_info(const std::string& name, int elem_type, std::initializer_list<std::int64_t> dims) {
  op::ValueInfoProto vi;
  vi.set_name(name);
  auto* t = vi.mutable_type()->mutable_tensor_type();
  t->set_elem_type(elem_type);
  auto* shape = t->mutable_shape();
  for (auto d : dims) shape->add_dim()->set_dim_value(d);
  return vi;
}

// A float tensor of `count` elements in raw_data, dims {count}.
inline op::TensorProto float_tensor(const std::string& name, std::int64_t count) {
  op::TensorProto t;
  t.set_name(name);
  t.set_data_type(op::TensorProto::FLOAT);
  t.add_dims(count);
  t.set_raw_data(std::string(static_cast<std::size_t>(count) * 4, '\0'));
  return t;
}

inline op::NodeProto node(const std::string& op_type, std::vector<std::string> inputs, std::vector<std::string> outputs,
                          const std::string& name = "") {
  op::NodeProto n;
  n.set_op_type(op_type);
  n.set_name(name);
  for (auto& i : inputs) n.add_input(i);
  for (auto& o : outputs) n.add_output(o);
  return n;
}

// Y = Add(X, W) with X, Y and W of `count` floats; W an initializer.
inline op::ModelProto add_model(const op::TensorProto& w, std::int64_t count, int ir_version = 8) {
  op::ModelProto m;
  m.set_ir_version(ir_version);
  auto* imp = m.add_opset_import();
  imp->set_domain("");
  imp->set_version(13);
  auto* g = m.mutable_graph();
  g->set_name("g");
  *g->add_node() = node("Add", {"X", w.name()}, {"Y"}, "add");
  *g->add_input() = value_info("X", op::TensorProto::FLOAT, {count});
  *g->add_output() = value_info("Y", op::TensorProto::FLOAT, {count});
  *g->add_initializer() = w;
  return m;
}

}  // namespace ohm::onnx::test
