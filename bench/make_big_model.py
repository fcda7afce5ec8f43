#!/usr/bin/python3
"""Writes a model of about SIZE_MB of float weights that passes the ONNX
checker in both modes. TENSORS = 1 (default): one initializer W feeding a
MatMul. TENSORS > 1: a chain of TENSORS Add nodes, each with its own
initializer of SIZE_MB / TENSORS. The protobuf is written by hand around the
payloads, so building it needs little more memory than one tensor's payload.
Usage: /usr/bin/python3 make_big_model.py PATH SIZE_MB [TENSORS]"""
import sys

from onnx import TensorProto, helper as h


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


def write(path, graph, tensors):
    """graph: GraphProto without initializers; tensors: (name, dims, payload bytes, repeat)."""
    graph_bytes = graph.SerializeToString()
    heads = []
    for name, dims, block, repeat in tensors:
        head = b"".join(field(1, 0, value=d) for d in dims) + field(2, 0, value=TensorProto.FLOAT) + field(8, 2, name)
        head += varint((9 << 3) | 2) + varint(len(block) * repeat)
        heads.append(varint((5 << 3) | 2) + varint(len(head) + len(block) * repeat) + head)
    graph_len = len(graph_bytes) + sum(len(hd) + len(t[2]) * t[3] for hd, t in zip(heads, tensors))
    with open(path, "wb") as f:
        f.write(field(1, 0, value=8) + field(2, 2, b"bench"))
        f.write(varint((7 << 3) | 2) + varint(graph_len) + graph_bytes)
        for head, (_, _, block, repeat) in zip(heads, tensors):
            f.write(head)
            for _ in range(repeat):
                f.write(block)
        f.write(field(8, 2, field(1, 2, b"") + field(2, 0, value=13)))


def main():
    path, size_mb = sys.argv[1], int(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    mib = bytes(range(256)) * 4096
    if count == 1:
        cols = 1024
        rows = size_mb * 1024 * 1024 // (4 * cols)
        graph = h.make_graph(
            [h.make_node("MatMul", ["X", "W"], ["Y"])], "big",
            [h.make_tensor_value_info("X", TensorProto.FLOAT, ["N", rows])],
            [h.make_tensor_value_info("Y", TensorProto.FLOAT, ["N", cols])])
        write(path, graph, [(b"W", [rows, cols], mib, size_mb)])
        return
    per = size_mb * 1024 * 1024 // count // 4  # floats per tensor
    block = (bytes(range(256)) * (per * 4 // 256 + 1))[:per * 4]
    nodes = [h.make_node("Add", ["X" if i == 0 else "t%d" % (i - 1), "w%d" % i],
                         ["Y" if i == count - 1 else "t%d" % i], name="add%d" % i) for i in range(count)]
    graph = h.make_graph(nodes, "many", [h.make_tensor_value_info("X", TensorProto.FLOAT, [per])],
                         [h.make_tensor_value_info("Y", TensorProto.FLOAT, [per])])
    write(path, graph, [(b"w%d" % i, [per], block, 1) for i in range(count)])


if __name__ == "__main__":
    main()
