#!/usr/bin/python3
"""make_external_model.py OUT.onnx SEED TENSOR=LOCATION[:OFFSET[:LENGTH]]...

A small valid ONNX model (Y = X + W1 + W2 + ...) whose float[4] weights keep
their data in side files next to it (ONNX external data). Each TENSOR's four
floats, derived from SEED, are appended to its LOCATION (created as needed)
at the next offset, and the model records that location, offset and length.
OFFSET and LENGTH, when given, are written as they are instead (for the
out-of-range and unsafe cases: the side file is then not written)."""
import hashlib
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper as h

out, seed = sys.argv[1], sys.argv[2]
folder = os.path.dirname(out) or "."
rng = np.random.default_rng(int(hashlib.sha256(seed.encode()).hexdigest()[:8], 16))
inits, nodes, last = [], [], "X"
for i, spec in enumerate(sys.argv[3:]):
    name, where = spec.split("=", 1)
    parts = where.split(":")
    location = parts[0]
    values = rng.standard_normal(4).astype(np.float32)
    t = onnx.TensorProto()
    t.name = name
    t.data_type = TensorProto.FLOAT
    t.dims.append(4)
    t.data_location = TensorProto.EXTERNAL
    if len(parts) > 1:
        offset, length = parts[1], parts[2] if len(parts) > 2 else ""
    else:
        path = os.path.join(folder, location)
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        offset = str(os.path.getsize(path)) if os.path.exists(path) else "0"
        with open(path, "ab") as f:
            f.write(values.tobytes())
        length = "16"
    for key, value in (("location", location), ("offset", offset), ("length", length)):
        if value != "":
            e = t.external_data.add()
            e.key, e.value = key, value
    inits.append(t)
    y = "Y" if i == len(sys.argv[3:]) - 1 else f"s{i}"
    nodes.append(h.make_node("Add", [last, name], [y]))
    last = y
graph = h.make_graph(nodes, "g", [h.make_tensor_value_info("X", TensorProto.FLOAT, [4])],
                     [h.make_tensor_value_info("Y", TensorProto.FLOAT, [4])], initializer=inits)
m = h.make_model(graph, opset_imports=[h.make_opsetid("", 13)], producer_name="ohm-e2e")
m.ir_version = 8
with open(out, "wb") as f:
    f.write(m.SerializeToString())
