#pragma once
// Private to lib/onnx (and its tests): onnxruntime's type strings and shapes
// for ports, and SPEC 5's merge of inferred output shapes into declared ones.
// Includes libonnx headers, so no public header may include this one.

#include <set>
#include <string>

#include <onnx/onnx_pb.h>

#include "onnx/ports.h"

namespace ohm::onnx::detail {

// onnxruntime's name for a TensorProto element type ("float", "int64",
// "float16", ...); "undefined" for 0 and numbers it does not know.
std::string elem_type_name(int elem_type);

// onnxruntime's name for a type: "tensor(float)", "seq(tensor(uint8))",
// "map(int64,tensor(float))", "optional(tensor(float))", "sparse_tensor(float)",
// "opaque(domain,name)"; "undefined" when no type is set.
std::string type_string(const ::onnx::TypeProto& type);

// A declared shape as SPEC 5 reports it: a value per dim_value, a name per
// non-empty dim_param, unknown otherwise; empty for no shape and for non-tensor types.
std::vector<Dim> declared_shape(const ::onnx::TypeProto& type);

struct MergedPort {
  std::vector<Dim> shape;
  std::string type;
};

// SPEC 5's dim-by-dim merge of an output's declared type with what shape
// inference found (`inferred` may be null: inference did not run or found nothing).
// An inferred int replaces an unknown or symbolic dim and turns a conflicting
// int into null; an inferred symbol fills an unknown dim only when it is in
// `declared_names`; a rank conflict gives []. A declared output without shape
// takes the inferred shape (symbols filtered the same way).
MergedPort merge_output(const ::onnx::TypeProto& declared, const ::onnx::TypeProto* inferred,
                        const std::set<std::string>& declared_names);

}  // namespace ohm::onnx::detail
