#!/usr/bin/python3
"""Writes the crafted models of the ONNX checker conformance test into
OUTDIR: one per checker rule, plus models whose payloads the streaming
reader drops (large raw_data, two value fields, external data, long string
attributes, sparse indices). Run with Debian's python3 and python3-onnx 1.12:
    /usr/bin/python3 make_checker_models.py OUTDIR
Each model is written as bytes (never through onnx.checker), so a broken one
stays broken. The verdicts come from python3-onnx at test time, never from
this file."""
import os
import sys

import numpy as np
from onnx import TensorProto, helper as h, numpy_helper

F = TensorProto.FLOAT
I64 = TensorProto.INT64
BIG = 300 * 1024  # payload bytes well past the reader's 4 KiB per-tensor cap


def tv(name, shape, elem=F):
    return h.make_tensor_value_info(name, elem, shape)


def model(nodes, inputs, outputs, inits=(), opset=13, ir=8, sparse=(), functions=(), name="g", opsets=None):
    graph = h.make_graph(nodes, name, inputs, outputs, initializer=list(inits), sparse_initializer=list(sparse))
    imports = opsets if opsets is not None else [h.make_opsetid("", opset)]
    m = h.make_model(graph, opset_imports=imports, producer_name="ohm-checker-fixtures", functions=list(functions))
    m.ir_version = ir
    return m


def relu_model(**kw):
    return model([h.make_node("Relu", ["X"], ["Y"])], [tv("X", [2, 3])], [tv("Y", [2, 3])], **kw)


def big_weight(name="W", rows=BIG // 4 // 64, cols=64):
    return numpy_helper.from_array(np.arange(rows * cols, dtype=np.float32).reshape(rows, cols) % 7, name)


def matmul_model(w, **kw):
    rows, cols = w.dims
    return model([h.make_node("MatMul", ["X", w.name], ["Y"])], [tv("X", [1, rows])], [tv("Y", [1, cols])],
                 inits=[w], **kw)


def if_model(then_nodes, then_out):
    then_g = h.make_graph(then_nodes, "then", [], [then_out])
    else_g = h.make_graph([h.make_node("Identity", ["X"], ["Ye"])], "else", [], [tv("Ye", [2])])
    node = h.make_node("If", ["C"], ["Y"], then_branch=then_g, else_branch=else_g)
    return model([node], [tv("C", [], TensorProto.BOOL), tv("X", [2])], [tv("Y", [2])])


def loop_model(body_nodes):
    body = h.make_graph(body_nodes, "body",
                        [tv("i", [], I64), tv("cond_in", [], TensorProto.BOOL), tv("x_in", [2])],
                        [tv("cond_out", [], TensorProto.BOOL), tv("x_out", [2])])
    node = h.make_node("Loop", ["N", "", "X"], ["Y"], body=body)
    return model([node], [tv("N", [], I64), tv("X", [2])], [tv("Y", [2])])


def sparse_model(indices, dims=(4, 4), values=None, ind_dims=None):
    values = values if values is not None else list(range(1, len(indices) + 1))
    vt = h.make_tensor("S", F, [len(values)], [float(v) for v in values])
    it = h.make_tensor("S_idx", I64, ind_dims or [len(indices)], indices)
    sp = h.make_sparse_tensor(vt, it, list(dims))
    # Left unused: no ai.onnx operator of opset 13 takes a sparse tensor.
    return model([h.make_node("Relu", ["X"], ["Y"])], [tv("X", [2])], [tv("Y", [2])], sparse=[sp])


def build(outdir):
    m = {}
    # Clean models, and clean ones the reader strips.
    m["clean_relu"] = relu_model()
    m["clean_big_raw_data"] = matmul_model(big_weight())
    w = big_weight()
    w.ClearField("raw_data")
    w.float_data.extend(np.arange(w.dims[0] * w.dims[1], dtype=np.float32) % 5)
    m["clean_big_float_data"] = matmul_model(w)
    m["clean_ir3_big_weight_input"] = model(
        [h.make_node("MatMul", ["X", "W"], ["Y"])], [tv("X", [1, w.dims[0]]), tv("W", list(w.dims))],
        [tv("Y", [1, w.dims[1]])], inits=[big_weight()], ir=3, opset=8)
    m["clean_experimental_op"] = model([h.make_node("Scale", ["X"], ["Y"], scale=2.0)], [tv("X", [2])],
                                       [tv("Y", [2])], opset=1, ir=3)
    m["clean_sparse"] = sparse_model([1, 5, 10])
    m["clean_sparse_big_indices"] = sparse_model(list(range(0, 2 * 1024, 2)), dims=(64, 64))

    # One model per checker rule.
    m["unknown_op"] = model([h.make_node("NoSuchOp", ["X"], ["Y"])], [tv("X", [2])], [tv("Y", [2])])
    m["op_newer_than_opset"] = model([h.make_node("Celu", ["X"], ["Y"])], [tv("X", [2])], [tv("Y", [2])], opset=11)
    m["name_defined_twice"] = model([h.make_node("Relu", ["X"], ["Y"]), h.make_node("Abs", ["X"], ["Y"])],
                                    [tv("X", [2])], [tv("Y", [2])])
    m["nodes_out_of_order"] = model([h.make_node("Abs", ["T"], ["Y"]), h.make_node("Relu", ["X"], ["T"])],
                                    [tv("X", [2])], [tv("Y", [2])])
    m["undefined_input"] = model([h.make_node("Add", ["X", "Z"], ["Y"])], [tv("X", [2])], [tv("Y", [2])])
    m["missing_required_attribute"] = model([h.make_node("Concat", ["X", "X"], ["Y"])], [tv("X", [2])],
                                            [tv("Y", [4])])
    bad_attr = h.make_node("Concat", ["X", "X"], ["Y"])
    bad_attr.attribute.append(h.make_attribute("axis", 0.5))
    m["attribute_wrong_type"] = model([bad_attr], [tv("X", [2])], [tv("Y", [4])])
    untyped = relu_model()
    untyped.graph.input[0].ClearField("type")
    m["untyped_graph_input"] = untyped
    m["no_ir_version"] = relu_model(ir=0)
    m["ir_version_too_new"] = relu_model(ir=99)
    m["no_opset_import"] = relu_model(opsets=[])
    m["no_graph_name"] = relu_model(name="")
    m["output_without_shape"] = model([h.make_node("Relu", ["X"], ["Y"])], [tv("X", [2])], [tv("Y", None)])
    two = numpy_helper.from_array(np.ones((2,), dtype=np.float32), "B")
    two.float_data.extend([1.0, 1.0])
    m["two_value_fields"] = model([h.make_node("Add", ["X", "B"], ["Y"])], [tv("X", [2])], [tv("Y", [2])],
                                  inits=[two])
    m["broken_if_body"] = if_model([h.make_node("NoSuchOp", ["X"], ["Yt"])], tv("Yt", [2]))
    m["if_body_undefined_input"] = if_model([h.make_node("Add", ["X", "nowhere"], ["Yt"])], tv("Yt", [2]))
    m["broken_loop_body"] = loop_model([h.make_node("Identity", ["cond_in"], ["cond_out"]),
                                        h.make_node("Relu", ["x_in"], ["x_out"]),
                                        h.make_node("Abs", ["x_in"], ["x_out"])])
    m["duplicate_metadata_keys"] = relu_model()
    for v in ("1", "2"):
        e = m["duplicate_metadata_keys"].metadata_props.add()
        e.key, e.value = "k", v
    undef = numpy_helper.from_array(np.ones((2,), dtype=np.float32), "B")
    undef.data_type = TensorProto.UNDEFINED
    m["tensor_undefined_type"] = model([h.make_node("Add", ["X", "B"], ["Y"])], [tv("X", [2])], [tv("Y", [2])],
                                       inits=[undef])
    zero = h.make_tensor("B", F, [0], [])
    zero.float_data.append(1.0)
    m["zero_elements_with_data"] = model([h.make_node("Add", ["X", "B"], ["Y"])], [tv("X", [2])], [tv("Y", [2])],
                                         inits=[zero])
    strings = h.make_tensor("S", TensorProto.STRING, [1], [b"x"])
    strings.raw_data = b"abc"
    strings.ClearField("string_data")
    m["string_in_raw_data"] = model([h.make_node("Identity", ["S"], ["Y"])], [],
                                    [tv("Y", [1], TensorProto.STRING)], inits=[strings])
    m["sparse_unsorted_indices"] = sparse_model([5, 1, 10])
    m["sparse_index_out_of_range"] = sparse_model([1, 5, 99])
    fn = h.make_function("local", "Broken", ["a"], ["b"], [h.make_node("NoSuchOp", ["a"], ["b"])],
                         [h.make_opsetid("", 13)])
    m["broken_local_function"] = model([h.make_node("Broken", ["X"], ["Y"], domain="local")], [tv("X", [2])],
                                       [tv("Y", [2])], opsets=[h.make_opsetid("", 13), h.make_opsetid("local", 1)],
                                       functions=[fn])

    # What the reader drops, as the checker must still see it.
    w = big_weight()
    w.float_data.append(1.0)
    m["big_two_value_fields"] = matmul_model(w)
    w = big_weight()
    w.data_location = TensorProto.EXTERNAL
    e = w.external_data.add()
    e.key, e.value = "location", "weights.bin"
    m["big_external_with_payload"] = matmul_model(w)
    w = big_weight()
    w.ClearField("raw_data")
    w.data_location = TensorProto.EXTERNAL
    e = w.external_data.add()
    e.key, e.value = "location", "weights.bin"
    m["clean_external_data_present"] = matmul_model(w)
    with open(os.path.join(outdir, "weights.bin"), "wb") as f:
        f.write(bytes(BIG))
    w = big_weight()
    w.ClearField("raw_data")
    w.data_location = TensorProto.EXTERNAL
    e = w.external_data.add()
    e.key, e.value = "location", "no_such_weights.bin"
    m["external_data_missing"] = matmul_model(w)
    w = big_weight()
    w.ClearField("raw_data")
    w.data_location = TensorProto.EXTERNAL
    m["external_data_no_location"] = matmul_model(w)
    w = big_weight()
    w.data_type = TensorProto.UNDEFINED
    m["big_undefined_type"] = matmul_model(w)
    w = big_weight()
    w.raw_data = w.raw_data[:-4]  # short by one float: onnxruntime refuses it, the checker does not
    m["clean_big_raw_data_short"] = matmul_model(w)
    long_s = h.make_node("Relu", ["X"], ["Y"])
    long_s.attribute.append(h.make_attribute("note", "x" * (100 * 1024)))
    long_s.attribute[0].type = h.AttributeProto.INT
    m["long_string_attribute_wrong_type"] = model([long_s], [tv("X", [2])], [tv("Y", [2])])
    const = h.make_node("Constant", [], ["C"], value=big_weight("Cv"))
    const.attribute[0].t.float_data.append(1.0)
    m["constant_big_two_value_fields"] = model([const, h.make_node("MatMul", ["X", "C"], ["Y"])],
                                               [tv("X", [1, const.attribute[0].t.dims[0]])],
                                               [tv("Y", [1, const.attribute[0].t.dims[1]])])

    # Full check only: strict shape inference.
    m["full_type_mismatch"] = model([h.make_node("Add", ["X", "Z"], ["Y"])], [tv("X", [2]), tv("Z", [2], I64)],
                                    [tv("Y", [2])])
    m["full_declared_shape_conflict"] = model([h.make_node("Relu", ["X"], ["Y"])], [tv("X", [2, 3])],
                                              [tv("Y", [2, 4])])
    shape = numpy_helper.from_array(np.array([1] * 600 + [6], dtype=np.int64), "shape")
    m["clean_reshape_big_shape"] = model([h.make_node("Reshape", ["X", "shape"], ["Y"])], [tv("X", [2, 3])],
                                        [tv("Y", [1] * 600 + [6])], inits=[shape])
    # libonnx 1.12's pooling inference divides by the stride: SIGFPE, in
    # python3-onnx and in any process running shape inference on it.
    m["pool_stride_zero"] = model([h.make_node("MaxPool", ["X"], ["Y"], kernel_shape=[2, 2], strides=[0, 0])],
                                  [tv("X", [1, 1, 4, 4])], [tv("Y", [1, 1, 2, 2])])
    return m


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    for name, proto in build(outdir).items():
        with open(os.path.join(outdir, name + ".onnx"), "wb") as f:
            f.write(proto.SerializeToString())
    # Not a model at all: a file cut short.
    with open(os.path.join(outdir, "truncated.onnx"), "wb") as f:
        f.write(matmul_model(big_weight()).SerializeToString()[:5000])


if __name__ == "__main__":
    main()
