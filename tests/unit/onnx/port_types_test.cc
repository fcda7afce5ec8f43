// Type strings and the SPEC 5 merge rule, on hand-built TypeProtos.
#include "onnx/internal/port_types.h"

#include <gtest/gtest.h>

#include <onnx/onnx_pb.h>

#include <set>
#include <string>
#include <variant>
#include <vector>

namespace ohm::onnx::detail {
namespace {

namespace op = ::onnx;
using Dim = std::variant<std::monostate, std::int64_t, std::string>;

op::TypeProto tensor(int elem, const std::vector<Dim>* dims) {
  op::TypeProto t;
  t.mutable_tensor_type()->set_elem_type(elem);
  if (dims != nullptr) {
    auto* shape = t.mutable_tensor_type()->mutable_shape();
    for (const auto& d : *dims) {
      auto* dim = shape->add_dim();
      if (auto* v = std::get_if<std::int64_t>(&d)) dim->set_dim_value(*v);
      if (auto* s = std::get_if<std::string>(&d)) dim->set_dim_param(*s);
    }
  }
  return t;
}

op::TypeProto tensor(int elem, std::vector<Dim> dims) { return tensor(elem, &dims); }

// A shape as the manifest writes it: [1,"N",null].
std::string dump_shape(const std::vector<onnx::Dim>& shape) {
  std::string out = "[";
  for (const onnx::Dim& d : shape) {
    if (out.size() > 1) out += ",";
    out += d.kind == onnx::Dim::Kind::kValue   ? std::to_string(d.value)
           : d.kind == onnx::Dim::Kind::kParam ? "\"" + d.param + "\""
                                               : std::string("null");
  }
  return out + "]";
}

TEST(PortTypesTest, TypeStrings) {
  EXPECT_EQ(type_string(tensor(1, nullptr)), "tensor(float)");
  EXPECT_EQ(type_string(tensor(10, nullptr)), "tensor(float16)");
  EXPECT_EQ(type_string(tensor(16, nullptr)), "tensor(bfloat16)");
  EXPECT_EQ(type_string(tensor(8, nullptr)), "tensor(string)");
  op::TypeProto seq;
  *seq.mutable_sequence_type()->mutable_elem_type() = tensor(2, nullptr);
  EXPECT_EQ(type_string(seq), "seq(tensor(uint8))");
  op::TypeProto map;
  map.mutable_map_type()->set_key_type(7);
  *map.mutable_map_type()->mutable_value_type() = tensor(1, nullptr);
  EXPECT_EQ(type_string(map), "map(int64,tensor(float))");
  op::TypeProto seq_map;
  *seq_map.mutable_sequence_type()->mutable_elem_type() = map;
  EXPECT_EQ(type_string(seq_map), "seq(map(int64,tensor(float)))");
  op::TypeProto opt;
  *opt.mutable_optional_type()->mutable_elem_type() = seq;
  EXPECT_EQ(type_string(opt), "optional(seq(tensor(uint8)))");
  op::TypeProto sparse;
  sparse.mutable_sparse_tensor_type()->set_elem_type(11);
  EXPECT_EQ(type_string(sparse), "sparse_tensor(double)");
  EXPECT_EQ(type_string(op::TypeProto()), "undefined");
  EXPECT_EQ(elem_type_name(0), "undefined");
  EXPECT_EQ(elem_type_name(99), "undefined");
}

TEST(PortTypesTest, DeclaredShapes) {
  EXPECT_EQ(dump_shape(declared_shape(tensor(1, {std::int64_t{1}, std::string("N"), Dim{}, std::string("")}))),
            R"([1,"N",null,null])");
  EXPECT_EQ(dump_shape(declared_shape(tensor(1, nullptr))), "[]");
  EXPECT_EQ(dump_shape(declared_shape(tensor(1, std::vector<Dim>{}))), "[]");  // a scalar
  op::TypeProto seq;
  *seq.mutable_sequence_type()->mutable_elem_type() = tensor(1, {std::int64_t{3}});
  EXPECT_EQ(dump_shape(declared_shape(seq)), "[]");
}

std::string merged(const op::TypeProto& declared, const op::TypeProto* inferred,
                   const std::set<std::string>& names = {"N"}) {
  MergedPort p = merge_output(declared, inferred, names);
  return p.type + " " + dump_shape(p.shape);
}

TEST(PortTypesTest, MergeRule) {
  const std::int64_t two = 2, three = 3, four = 4;
  auto inferred = tensor(1, {two, three});
  // No shape declared: the inferred one.
  EXPECT_EQ(merged(tensor(1, nullptr), &inferred), "tensor(float) [2,3]");
  // Ints replace symbols and unknowns; conflicting ints become null.
  EXPECT_EQ(merged(tensor(1, {std::string("N"), Dim{}}), &inferred), "tensor(float) [2,3]");
  EXPECT_EQ(merged(tensor(1, {two, four}), &inferred), "tensor(float) [2,null]");
  // Rank conflict.
  EXPECT_EQ(merged(tensor(1, {two, three, four}), &inferred), "tensor(float) []");
  // Symbols: fill only unknown dims, only when declared somewhere.
  auto symbolic = tensor(1, {std::string("N"), std::string("unk__0")});
  EXPECT_EQ(merged(tensor(1, nullptr), &symbolic), R"(tensor(float) ["N",null])");
  EXPECT_EQ(merged(tensor(1, {Dim{}, Dim{}}), &symbolic), R"(tensor(float) ["N",null])");
  EXPECT_EQ(merged(tensor(1, {std::string("B"), two}), &symbolic), R"(tensor(float) ["B",2])");
  EXPECT_EQ(merged(tensor(1, {Dim{}, Dim{}}), &symbolic, {"N", "unk__0"}), R"(tensor(float) ["N","unk__0"])");
  // Inferred unknown keeps the declared dim.
  auto unknown = tensor(1, {Dim{}, Dim{}});
  EXPECT_EQ(merged(tensor(1, {std::string("N"), two}), &unknown), R"(tensor(float) ["N",2])");
  // No inference: as declared.
  EXPECT_EQ(merged(tensor(1, {std::string("N"), two}), nullptr), R"(tensor(float) ["N",2])");
  // Nothing declared at all: the inferred type and shape.
  EXPECT_EQ(merged(op::TypeProto(), &inferred), "tensor(float) [2,3]");
  // Undefined element type declared: the inferred one.
  EXPECT_EQ(merged(tensor(0, nullptr), &inferred), "tensor(float) [2,3]");
}

}  // namespace
}  // namespace ohm::onnx::detail
