#!/usr/bin/python3
"""make_model.py OUT NAME [PAD_BYTES]: a small valid ONNX model (X[N,3] -> Relu -> Y)
whose bytes depend on NAME, padded with an unused initializer of PAD_BYTES."""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper as h, numpy_helper

out, name = sys.argv[1], sys.argv[2]
pad = int(sys.argv[3]) if len(sys.argv) > 3 else 0
inits = [numpy_helper.from_array(np.zeros(pad // 4, dtype=np.float32), "pad")] if pad else []
graph = h.make_graph([h.make_node("Relu", ["X"], ["Y"])], name,
                     [h.make_tensor_value_info("X", TensorProto.FLOAT, ["N", 3])],
                     [h.make_tensor_value_info("Y", TensorProto.FLOAT, ["N", 3])], initializer=inits)
m = h.make_model(graph, opset_imports=[h.make_opsetid("", 13)], producer_name="ohm-e2e")
m.ir_version = 8
onnx.save(m, out)
