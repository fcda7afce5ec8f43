#!/usr/bin/python3
"""Writes benchmark models that pass the ONNX checker in both modes: a chain
of TENSORS Add nodes, each adding its own float initializer of SIZE_MB /
TENSORS. The protobuf is written by hand around the payloads, so building a
model needs little more memory than one 1 MiB block. Payloads are random
(seeded, as real weights: nothing to compress) or a repeating pattern; with
--external NAME every payload goes to the side file NAME beside the model
(ONNX external data) and the .onnx holds only the graph.

Usage: /usr/bin/python3 model_writer.py PATH SIZE_MB [TENSORS] [--seed N] [--external NAME]
(SIZE_MB may be a fraction: 0.004 is a 4 KB model.)"""
import argparse
import os

import numpy as np
from onnx import TensorProto, helper as h

MIB = 1 << 20


def varint(v):
    out = bytearray()
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


def field(num, wire, body=None, value=None):
    tag = varint((num << 3) | wire)
    return tag + (varint(value) if wire == 0 else varint(len(body)) + body)


def payload(nbytes, rng):
    """nbytes in blocks of at most 1 MiB: random when rng is given, else a pattern."""
    pattern = bytes(range(256)) * (MIB // 256)
    while nbytes > 0:
        n = min(nbytes, MIB)
        yield rng.bytes(n) if rng is not None else pattern[:n]
        nbytes -= n


def chain_graph(count, floats, initializers=()):
    nodes = [h.make_node("Add", ["X" if i == 0 else f"t{i - 1}", f"w{i}"],
                         ["Y" if i == count - 1 else f"t{i}"], name=f"add{i}") for i in range(count)]
    return h.make_graph(nodes, "bench", [h.make_tensor_value_info("X", TensorProto.FLOAT, [floats])],
                        [h.make_tensor_value_info("Y", TensorProto.FLOAT, [floats])], list(initializers))


def model_head(graph_len):
    return field(1, 0, value=8) + field(2, 2, b"bench") + varint((7 << 3) | 2) + varint(graph_len)


OPSET = field(8, 2, field(1, 2, b"") + field(2, 0, value=13))


def write_model(path, size_bytes, count=1, seed=None, external=None):
    floats = max(1, size_bytes // count // 4)
    tensor_bytes = floats * 4
    rng = np.random.default_rng(seed) if seed is not None else None
    if external:
        inits = []
        for i in range(count):
            t = TensorProto(name=f"w{i}", data_type=TensorProto.FLOAT, dims=[floats],
                            data_location=TensorProto.EXTERNAL)
            for key, value in (("location", external), ("offset", i * tensor_bytes), ("length", tensor_bytes)):
                entry = t.external_data.add()
                entry.key, entry.value = key, str(value)
            inits.append(t)
        graph = chain_graph(count, floats, inits).SerializeToString()
        with open(path, "wb") as f:
            f.write(model_head(len(graph)) + graph + OPSET)
        with open(os.path.join(os.path.dirname(path), external), "wb") as f:
            for block in payload(tensor_bytes * count, rng):
                f.write(block)
        return
    graph = chain_graph(count, floats).SerializeToString()
    heads = []
    for i in range(count):
        head = (field(1, 0, value=floats) + field(2, 0, value=TensorProto.FLOAT) + field(8, 2, f"w{i}".encode()) +
                varint((9 << 3) | 2) + varint(tensor_bytes))
        heads.append(varint((5 << 3) | 2) + varint(len(head) + tensor_bytes) + head)
    with open(path, "wb") as f:
        f.write(model_head(len(graph) + sum(len(hd) + tensor_bytes for hd in heads)) + graph)
        for head in heads:
            f.write(head)
            for block in payload(tensor_bytes, rng):
                f.write(block)
        f.write(OPSET)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("path")
    p.add_argument("size_mb", type=float)
    p.add_argument("tensors", type=int, nargs="?", default=1)
    p.add_argument("--seed", type=int)
    p.add_argument("--external")
    a = p.parse_args()
    write_model(a.path, int(a.size_mb * MIB), a.tensors, a.seed, a.external)


if __name__ == "__main__":
    main()
