#include "onnx/internal/port_types.h"

#include <utility>

namespace ohm::onnx::detail {
namespace {

namespace op = ::onnx;
using Shape = std::vector<Dim>;

Dim declared_dim(const op::TensorShapeProto::Dimension& d) {
  if (d.has_dim_value()) return Dim::of(d.dim_value());
  if (d.has_dim_param() && !d.dim_param().empty()) return Dim::named(d.dim_param());
  return Dim::unknown();
}

// An inferred dim: symbols inference invented (unk__0, ...) become unknown.
Dim inferred_dim(const op::TensorShapeProto::Dimension& d, const std::set<std::string>& names) {
  if (d.has_dim_value()) return Dim::of(d.dim_value());
  if (d.has_dim_param() && names.count(d.dim_param()) > 0) return Dim::named(d.dim_param());
  return Dim::unknown();
}

Shape shape_of(const op::TensorShapeProto& shape) {
  Shape dims;
  for (const auto& d : shape.dim()) dims.push_back(declared_dim(d));
  return dims;
}

Shape inferred_shape_of(const op::TensorShapeProto& shape, const std::set<std::string>& names) {
  Shape dims;
  for (const auto& d : shape.dim()) dims.push_back(inferred_dim(d, names));
  return dims;
}

Dim merge_dim(const op::TensorShapeProto::Dimension& declared, const op::TensorShapeProto::Dimension& inferred,
              const std::set<std::string>& names) {
  if (inferred.has_dim_value()) {
    if (declared.has_dim_value() && declared.dim_value() != inferred.dim_value()) return Dim::unknown();  // conflict
    return Dim::of(inferred.dim_value());
  }
  const bool declared_unknown =
      !declared.has_dim_value() && (!declared.has_dim_param() || declared.dim_param().empty());
  if (declared_unknown) return inferred_dim(inferred, names);
  return declared_dim(declared);
}

}  // namespace

std::string elem_type_name(int elem_type) {
  switch (elem_type) {
    case 1:
      return "float";
    case 2:
      return "uint8";
    case 3:
      return "int8";
    case 4:
      return "uint16";
    case 5:
      return "int16";
    case 6:
      return "int32";
    case 7:
      return "int64";
    case 8:
      return "string";
    case 9:
      return "bool";
    case 10:
      return "float16";
    case 11:
      return "double";
    case 12:
      return "uint32";
    case 13:
      return "uint64";
    case 14:
      return "complex64";
    case 15:
      return "complex128";
    case 16:
      return "bfloat16";
    case 17:
      return "float8e4m3fn";
    case 18:
      return "float8e4m3fnuz";
    case 19:
      return "float8e5m2";
    case 20:
      return "float8e5m2fnuz";
    case 21:
      return "uint4";
    case 22:
      return "int4";
    case 23:
      return "float4e2m1";
    case 24:
      return "float8e8m0";
    default:
      return "undefined";
  }
}

std::string type_string(const op::TypeProto& type) {
  switch (type.value_case()) {
    case op::TypeProto::kTensorType:
      return "tensor(" + elem_type_name(type.tensor_type().elem_type()) + ")";
    case op::TypeProto::kSparseTensorType:
      return "sparse_tensor(" + elem_type_name(type.sparse_tensor_type().elem_type()) + ")";
    case op::TypeProto::kSequenceType:
      return "seq(" + type_string(type.sequence_type().elem_type()) + ")";
    case op::TypeProto::kOptionalType:
      return "optional(" + type_string(type.optional_type().elem_type()) + ")";
    case op::TypeProto::kMapType:
      return "map(" + elem_type_name(type.map_type().key_type()) + "," + type_string(type.map_type().value_type()) +
             ")";
    case op::TypeProto::kOpaqueType:
      return "opaque(" + type.opaque_type().domain() + "," + type.opaque_type().name() + ")";
    default:
      return "undefined";
  }
}

Shape declared_shape(const op::TypeProto& type) {
  if (type.has_tensor_type() && type.tensor_type().has_shape()) return shape_of(type.tensor_type().shape());
  return {};
}

MergedPort merge_output(const op::TypeProto& declared, const op::TypeProto* inferred,
                        const std::set<std::string>& declared_names) {
  const bool have_inferred = inferred != nullptr && inferred->value_case() != op::TypeProto::VALUE_NOT_SET;
  if (!have_inferred) return {declared_shape(declared), type_string(declared)};
  if (declared.value_case() == op::TypeProto::VALUE_NOT_SET) {
    Shape shape = inferred->has_tensor_type() && inferred->tensor_type().has_shape()
                      ? inferred_shape_of(inferred->tensor_type().shape(), declared_names)
                      : Shape();
    return {std::move(shape), type_string(*inferred)};
  }
  if (!declared.has_tensor_type()) return {Shape(), type_string(declared)};

  std::string type = type_string(declared);
  if (declared.tensor_type().elem_type() == 0 && inferred->has_tensor_type() &&
      inferred->tensor_type().elem_type() != 0) {
    type = type_string(*inferred);
  }
  if (!inferred->has_tensor_type() || !inferred->tensor_type().has_shape()) return {declared_shape(declared), type};
  const auto& inf = inferred->tensor_type().shape();
  if (!declared.tensor_type().has_shape()) return {inferred_shape_of(inf, declared_names), type};
  const auto& dec = declared.tensor_type().shape();
  if (dec.dim_size() != inf.dim_size()) return {Shape(), type};
  Shape dims;
  for (int i = 0; i < dec.dim_size(); ++i) dims.push_back(merge_dim(dec.dim(i), inf.dim(i), declared_names));
  return {std::move(dims), type};
}

}  // namespace ohm::onnx::detail
