#!/usr/bin/python3
"""Builds a zoo for the model-check cases (issue 10): one row per fault, each
with its own copy of a small MatMul model (x [N, 4] -> y [N, 2]) and archive.

Usage: make_check_zoo.py ROOT
Rows (README line = 5 + index): see ROWS below; the test compares every finding.
"""
import gzip
import io
import os
import sys
import tarfile

import numpy as np
from onnx import TensorProto, helper, numpy_helper


def model(w=None, nodes=None, opset=13):
    w = w if w is not None else numpy_helper.from_array(np.ones((4, 2), dtype=np.float32), "w")
    nodes = nodes or [helper.make_node("MatMul", ["x", "w"], ["y"])]
    g = helper.make_graph(nodes, "m", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 4])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 2])], [w])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)])
    m.ir_version = 7
    return m.SerializeToString()


def tensor(array):
    return numpy_helper.from_array(array).SerializeToString()


def x(n=1, cols=4, dtype=np.float32):
    return tensor(np.ones((n, cols), dtype=dtype))


def y(n=1, cols=2):
    return tensor(np.ones((n, cols), dtype=np.float32))


def short_x():
    t = numpy_helper.from_array(np.ones((1, 4), dtype=np.float32))
    t.raw_data = t.raw_data[:12]  # 3 floats for dims [1, 4]
    return t.SerializeToString()


def archive(path, base, model_bytes, sets):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        def add(name, data):
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), 0, 0o644
            tar.addfile(info, io.BytesIO(data))
        add(f"{base}/model.onnx", model_bytes)
        for k, files in enumerate(sets):
            for name, data in files.items():
                add(f"{base}/test_data_set_{k}/{name}", data)
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="") as gz:
        gz.write(raw.getvalue())
    with open(path, "wb") as f:
        f.write(out.getvalue())


CLEAN = {"input_0.pb": x(), "output_0.pb": y()}

# (name, test data sets or None for no archive, model bytes)
ROWS = [
    ("clean", [CLEAN], model()),
    ("clean-two-sets", [CLEAN, {"input_0.pb": x(3), "output_0.pb": y(3)}], model()),
    ("no-input", [{"output_0.pb": y()}], model()),
    ("extra-input", [dict(CLEAN, **{"input_1.pb": x()})], model()),
    ("int64-data", [{"input_0.pb": x(dtype=np.int64), "output_0.pb": y()}], model()),
    ("wrong-dim", [{"input_0.pb": x(cols=5), "output_0.pb": y()}], model()),
    ("wrong-rank", [{"input_0.pb": tensor(np.ones(4, dtype=np.float32)), "output_0.pb": y()}], model()),
    ("not-a-tensor", [{"input_0.pb": b"\xff\xff\xff\xff not protobuf", "output_0.pb": y()}], model()),
    ("no-output", [{"input_0.pb": x()}], model()),
    ("short-payload", [{"input_0.pb": short_x(), "output_0.pb": y()}], model()),
    ("output-shape", [{"input_0.pb": x(), "output_0.pb": y(cols=3)}], model()),
    ("batch-mismatch", [{"input_0.pb": x(1), "output_0.pb": y(2)}], model()),
]


def short_weights():
    w = numpy_helper.from_array(np.ones((4, 2), dtype=np.float32), "w")
    w.raw_data = w.raw_data[:28]
    return w


def typed_weights():
    w = helper.make_tensor("w", TensorProto.FLOAT, [4, 2], [1.0] * 8)
    del w.float_data[7]  # 7 floats for dims [4, 2]
    return w


def not_ssa():
    return [helper.make_node("MatMul", ["x", "w"], ["y"]), helper.make_node("Identity", ["x"], ["y"])]


MODELS = [  # rows without archives: faults in the model itself
    ("raw-data-short", model(w=short_weights())),
    ("float-data-short", model(w=typed_weights())),
    ("not-ssa", model(nodes=not_ssa())),
]


def main(root):
    folder = os.path.join(root, "models")
    os.makedirs(folder, exist_ok=True)
    lines = ["# Checks", "",
             "|Model |Download |Download (with sample test data) |ONNX version |Opset version |",
             "|-|-|-|-|-|"]
    for name, sets, data in ROWS:
        open(f"{folder}/{name}.onnx", "wb").write(data)
        archive(f"{folder}/{name}.tar.gz", name, data, sets)
        lines.append(f"|{name} |[m]({name}.onnx) |[d]({name}.tar.gz) |1.8 |13 |")
    for name, data in MODELS:
        open(f"{folder}/{name}.onnx", "wb").write(data)
        lines.append(f"|{name} |[m]({name}.onnx) | |1.8 |13 |")
    open(f"{folder}/README.md", "w").write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
