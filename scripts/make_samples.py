#!/usr/bin/python3
"""Builds samples/: a small, real zoo (tiny ONNX models, test-data archives,
Git LFS pointers, a model with external data). Deterministic: running it twice
gives the same bytes. Every model passes the ONNX checker and every archive's
test data fits its model's ports, so the sample zoo validates clean. The
READMEs are written by hand.

Usage: /usr/bin/python3 scripts/make_samples.py samples
"""
import gzip
import hashlib
import io
import os
import sys
import tarfile

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def model(nodes, inputs, outputs, initializers=(), opset=13, name="g"):
    graph = helper.make_graph(nodes, name, inputs, outputs, list(initializers))
    m = helper.make_model(graph, producer_name="onnx-hub-manifest samples",
                          opset_imports=[helper.make_opsetid("", opset)])
    m.ir_version = 7
    return m


def tinynet(opset):
    w = numpy_helper.from_array(np.full((4, 3, 3, 3), 0.01, dtype=np.float32), "conv.weight")
    return model(
        [helper.make_node("Conv", ["image", "conv.weight"], ["features"], pads=[1, 1, 1, 1]),
         helper.make_node("Relu", ["features"], ["relu"]),
         helper.make_node("GlobalAveragePool", ["relu"], ["pooled"]),
         helper.make_node("Flatten", ["pooled"], ["scores"])],
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["N", 3, 8, 8])],
        [helper.make_tensor_value_info("scores", TensorProto.FLOAT, ["N", 4])],
        [w], opset=opset, name="tinynet")


def preproc():
    shape = numpy_helper.from_array(np.array([1, 3, 8, 8], dtype=np.int64), "target_shape")
    scale = numpy_helper.from_array(np.array(1 / 255, dtype=np.float32), "scale")
    return model(
        [helper.make_node("Cast", ["pixels"], ["as_float"], to=TensorProto.FLOAT),
         helper.make_node("Mul", ["as_float", "scale"], ["scaled"]),
         helper.make_node("Reshape", ["scaled", "target_shape"], ["image"])],
        [helper.make_tensor_value_info("pixels", TensorProto.UINT8, [8, 8, 3])],
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, 3, 8, 8])],
        [shape, scale], opset=13, name="preproc")


def tinybert(opset):
    table = numpy_helper.from_array(np.arange(32 * 4, dtype=np.float32).reshape(32, 4) / 100, "embeddings")
    return model(
        [helper.make_node("Gather", ["embeddings", "input_ids"], ["embedded"]),
         helper.make_node("ReduceMean", ["embedded"], ["pooled"], axes=[1], keepdims=0),
         helper.make_node("Shape", ["input_ids"], ["ids_shape"])],
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "sequence"])],
        [helper.make_tensor_value_info("pooled", TensorProto.FLOAT, ["batch", 4]),
         helper.make_tensor_value_info("ids_shape", TensorProto.INT64, [2])],
        [table], opset=opset, name="tinybert")


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def archive(path, model_name, model_bytes, inputs, outputs):
    """A .tar.gz with the model and one test_data_set_0 folder, fixed timestamps."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        def add(name, data):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 0
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(data))
        base = os.path.splitext(model_name)[0]
        add(f"{base}/{model_name}", model_bytes)
        for i, t in enumerate(inputs):
            add(f"{base}/test_data_set_0/input_{i}.pb", numpy_helper.from_array(t).SerializeToString())
        for i, t in enumerate(outputs):
            add(f"{base}/test_data_set_0/output_{i}.pb", numpy_helper.from_array(t).SerializeToString())
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="") as gz:
        gz.write(raw.getvalue())
    write(path, out.getvalue())


def pointer(path, seed, size):
    oid = hashlib.sha256(seed.encode()).hexdigest()
    write(path, f"version https://git-lfs.github.com/spec/v1\noid sha256:{oid}\nsize {size}\n".encode())


def pointer_to(path, data):
    """The Git LFS pointer a clone without LFS content has for `data`."""
    oid = hashlib.sha256(data).hexdigest()
    write(path, f"version https://git-lfs.github.com/spec/v1\noid sha256:{oid}\nsize {len(data)}\n".encode())


def linear_weights():
    """W (32x32) and B (32) of the external-data model: a few KB, distinct values."""
    w = (np.arange(32 * 32, dtype=np.float32).reshape(32, 32) % 97 - 48) / 64
    b = np.linspace(-1, 1, 32, dtype=np.float32)
    return [("linear.weight", w), ("linear.bias", b)]


def tinylinear(location):
    """Y = X.W + B with W and B in the side file `location`, laid out as
    onnx.save(save_as_external_data=True) lays it: one tensor after the other,
    each named by location, offset and length. Returns the model and the side
    file's bytes."""
    inits, data = [], b""
    for name, values in linear_weights():
        raw = values.tobytes()
        t = numpy_helper.from_array(values, name)
        t.ClearField("raw_data")
        t.data_location = TensorProto.EXTERNAL
        for key, value in (("location", location), ("offset", str(len(data))), ("length", str(len(raw)))):
            e = t.external_data.add()
            e.key, e.value = key, value
        inits.append(t)
        data += raw
    m = model([helper.make_node("MatMul", ["x", "linear.weight"], ["xw"]),
               helper.make_node("Add", ["xw", "linear.bias"], ["y"])],
              [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 32])],
              [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 32])],
              inits, opset=13, name="tinylinear")
    return m, data


def main(root):
    cls = os.path.join(root, "vision/classification/tinynet")
    for opset in (7, 12):
        m = tinynet(opset)
        data = m.SerializeToString()
        write(f"{cls}/model/tinynet-{opset}.onnx", data)
        x = np.ones((1, 3, 8, 8), dtype=np.float32)
        archive(f"{cls}/model/tinynet-{opset}.tar.gz", f"tinynet-{opset}.onnx", data, [x],
                [np.full((1, 4), 0.27, dtype=np.float32)])
    p = preproc().SerializeToString()
    write(f"{cls}/preproc/tinynet-preproc-13.onnx", p)
    archive(f"{cls}/preproc/tinynet-preproc-13.tar.gz", "tinynet-preproc-13.onnx", p,
            [np.zeros((8, 8, 3), dtype=np.uint8)], [np.zeros((1, 3, 8, 8), dtype=np.float32)])

    text = os.path.join(root, "text/machine_comprehension/tiny_bert")
    for opset in (11, 13):
        data = tinybert(opset).SerializeToString()
        write(f"{text}/model/tinybert-{opset}.onnx", data)
        archive(f"{text}/model/tinybert-{opset}.tar.gz", f"tinybert-{opset}.onnx", data,
                [np.array([[1, 2, 3]], dtype=np.int64)],
                [np.zeros((1, 4), dtype=np.float32), np.array([1, 3], dtype=np.int64)])

    mlp = model([helper.make_node("MatMul", ["x", "w"], ["y"])],
                [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 4])],
                [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 2])],
                [numpy_helper.from_array(np.ones((4, 2), dtype=np.float32), "w")], opset=9, name="mlp")
    write(os.path.join(root, "other/tabular/tiny_mlp/model/tiny-mlp-9.onnx"), mlp.SerializeToString())

    # External data, in two variants: the side file as content, and (another
    # model, so its model_sha differs) the same weights as a Git LFS pointer.
    ext = os.path.join(root, "other/external_data/tiny_linear/model")
    for base, as_pointer in (("tiny-linear-13", False), ("tiny-linear-lfs-13", True)):
        m, weights = tinylinear(f"{base}.weights")
        write(f"{ext}/{base}.onnx", m.SerializeToString())
        if as_pointer:
            pointer_to(f"{ext}/{base}.weights", weights)
        else:
            write(f"{ext}/{base}.weights", weights)
            onnx.checker.check_model(f"{ext}/{base}.onnx")  # resolves the side file

    audio = os.path.join(root, "audio/keyword_spotting/model")
    pointer(f"{audio}/kws-large-12.onnx", "kws-large-12.onnx", 41_943_040)
    pointer(f"{audio}/kws-large-12.tar.gz", "kws-large-12.tar.gz", 52_428_800)
    pointer(f"{audio}/kws-small-12.onnx", "kws-small-12.onnx", 2_097_152)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "samples")
