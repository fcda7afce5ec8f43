#!/usr/bin/python3
"""Compares ohm_test_data_driver (the streaming TestValueReader) with
python3-onnx on every input_N.pb / output_N.pb of every test_data_set_* of
libonnx-testdata, read for its model's port, plus broken files made here
(cut short, not a tensor, a payload that does not fit). For each file:
both refuse it, or both read it with the same type, element type and dims,
the type fits the port's, and "payload fits its dims" agrees with
onnx.numpy_helper (to_array / to_list / to_dict / to_optional succeed)."""
import argparse
import json
import os
import subprocess
import sys
import warnings

import onnx
from onnx import numpy_helper

ELEM = {1: "float", 2: "uint8", 3: "int8", 4: "uint16", 5: "int16", 6: "int32", 7: "int64", 8: "string",
        9: "bool", 10: "float16", 11: "double", 12: "uint32", 13: "uint64", 14: "complex64", 15: "complex128",
        16: "bfloat16"}
UNDEFINED = {1: "tensor(undefined)", 2: "sparse_tensor(undefined)", 3: "seq(undefined)",
             4: "map(undefined,undefined)", 5: "optional(undefined)"}


def elem(t):
    return ELEM.get(t, "undefined")


def port_type(tp):
    kind = tp.WhichOneof("value")
    if kind == "tensor_type":
        return "tensor(%s)" % elem(tp.tensor_type.elem_type)
    if kind == "sparse_tensor_type":
        return "sparse_tensor(%s)" % elem(tp.sparse_tensor_type.elem_type)
    if kind == "sequence_type":
        return "seq(%s)" % port_type(tp.sequence_type.elem_type)
    if kind == "map_type":
        return "map(%s,%s)" % (elem(tp.map_type.key_type), port_type(tp.map_type.value_type))
    if kind == "optional_type":
        return "optional(%s)" % port_type(tp.optional_type.elem_type)
    return "undefined"


# Test data of libonnx-testdata whose type really differs from its port's,
# which `testdata.type` reports; the readers must still agree on them.
KNOWN_PORT_MISMATCHES = {
    ("tensor(bfloat16)", "tensor(uint16)"): "onnx's test generator stores bfloat16 values as uint16 tensors",
}


class Unreadable(Exception):
    pass


def tensor_type(t):
    if t.data_type == 0:
        raise Unreadable("no data_type")
    return "tensor(%s)" % elem(t.data_type)


def element_types(holder):
    """Types of the values a SequenceProto / OptionalProto holds."""
    out = [tensor_type(t) for t in getattr(holder, "tensor_values", [])]
    out += ["sparse_tensor(%s)" % elem(s.values.data_type) for s in getattr(holder, "sparse_tensor_values", [])]
    out += [sequence_type(s) for s in getattr(holder, "sequence_values", [])]
    out += [map_type(m) for m in getattr(holder, "map_values", [])]
    out += [optional_type(o) for o in getattr(holder, "optional_values", [])]
    return out


def sequence_type(s):
    types = element_types(s)
    if len(set(types)) > 1:
        raise Unreadable("mixed element types")
    return "seq(%s)" % (types[0] if types else UNDEFINED.get(s.elem_type, "undefined"))


def map_type(m):
    keys = len(m.keys) + len(m.string_keys)
    if m.HasField("values") and len(element_types(m.values)) != keys:
        raise Unreadable("keys and values differ in number")
    inner = sequence_type(m.values)[4:-1] if m.HasField("values") else "undefined"
    return "map(%s,%s)" % (elem(m.key_type) if m.HasField("key_type") else "undefined", inner)


def optional_type(o):
    typers = {"tensor_value": tensor_type, "sparse_tensor_value": lambda s: "sparse_tensor(%s)" % elem(s.values.data_type),
              "sequence_value": sequence_type, "map_value": map_type, "optional_value": optional_type}
    types = {typers[k](getattr(o, k)) for k in typers if o.HasField(k)}
    if len(types) > 1:
        raise Unreadable("two values")
    return "optional(%s)" % (types.pop() if types else UNDEFINED.get(o.elem_type, "undefined"))


def python_view(port, path):
    """(type, data_type, dims, fits) as python3-onnx reads the file for `port`, or raises Unreadable."""
    with open(path, "rb") as f:
        data = f.read()
    if port.startswith("seq("):
        msg, typ, convert = onnx.SequenceProto(), sequence_type, numpy_helper.to_list
    elif port.startswith("map("):
        msg, typ, convert = onnx.MapProto(), map_type, numpy_helper.to_dict
    elif port.startswith("optional("):
        msg, typ, convert = onnx.OptionalProto(), optional_type, numpy_helper.to_optional
    else:
        msg, typ, convert = onnx.TensorProto(), tensor_type, numpy_helper.to_array
    try:
        msg.ParseFromString(data)
    except Exception as e:
        raise Unreadable(str(e))
    t = typ(msg)
    try:
        convert(msg)
        fits = True
    except Exception:
        fits = False
    is_tensor = isinstance(msg, onnx.TensorProto)
    return t, msg.data_type if is_tensor else 0, list(msg.dims) if is_tensor else [], fits


def test_data_files(root):
    """(port type, path) for every test-data file whose model port is known."""
    out = []
    for d, subdirs, files in sorted(os.walk(root)):
        if "model.onnx" not in files:
            continue
        try:
            model = onnx.load(os.path.join(d, "model.onnx"), load_external_data=False)
        except Exception:
            continue
        inits = {t.name for t in model.graph.initializer}
        inputs = [port_type(v.type) for v in model.graph.input if v.name not in inits]
        outputs = [port_type(v.type) for v in model.graph.output]
        for s in sorted(subdirs):
            if not s.startswith("test_data_set_"):
                continue
            for f in sorted(os.listdir(os.path.join(d, s))):
                for prefix, ports in (("input_", inputs), ("output_", outputs)):
                    if f.startswith(prefix) and f.endswith(".pb"):
                        k = int(f[len(prefix):-3])
                        if k < len(ports):
                            out.append((ports[k], os.path.join(d, s, f)))
    return out


def broken_files(work):
    """Files no reader should accept, or whose payload does not fit."""
    os.makedirs(work, exist_ok=True)
    good = numpy_helper.from_array(__import__("numpy").arange(12, dtype="float32").reshape(3, 4), "x")
    cases = {
        "truncated.pb": good.SerializeToString()[:-5],
        "not_a_tensor.pb": b"this is a text file, not a tensor\n",
        "a_model.pb": onnx.helper.make_model(onnx.helper.make_graph([], "g", [], [])).SerializeToString(),
        "empty.pb": b"",
    }
    short = onnx.TensorProto()
    short.CopyFrom(good)
    short.raw_data = good.raw_data[:-4]
    cases["short_payload.pb"] = short.SerializeToString()
    out = []
    for name, data in cases.items():
        path = os.path.join(work, name)
        with open(path, "wb") as f:
            f.write(data)
        out.append(("tensor(float)", path))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--driver", required=True)
    ap.add_argument("--models", required=True)
    ap.add_argument("--work", required=True)
    args = ap.parse_args()
    warnings.simplefilter("ignore")  # protobuf's warnings about the broken files made here
    files = test_data_files(args.models) + broken_files(os.path.join(args.work, "broken"))
    if len(files) < 100:
        print("only %d test-data files under %s" % (len(files), args.models))
        return 1
    listing = os.path.join(args.work, "test_data_files.txt")
    with open(listing, "w") as f:
        f.write("".join("%s\t%s\n" % pf for pf in files))
    out = subprocess.run([args.driver, listing], check=True, stdout=subprocess.PIPE).stdout.decode()
    ours = [json.loads(line) for line in out.splitlines()]

    agree, refused, unfit, failures, known = 0, 0, 0, [], []
    kinds = {}
    for (port, path), o in zip(files, ours):
        try:
            want = python_view(port, path)
        except Unreadable as e:
            if "error" in o:
                refused += 1
            else:
                failures.append("%s: python cannot read it (%s), ours reads %s" % (path, e, json.dumps(o)))
            continue
        if "error" in o:
            failures.append("%s: ours refuses it (%s), python reads %s" % (path, o["error"], want))
            continue
        got = (o["type"], o["data_type"], o["dims"], o["size_faults"] == 0)
        if got != want:
            failures.append("%s (port %s):\n    ours:   %s\n    python: %s" % (path, port, got, want))
        elif not o["fits_port"] and (port, o["type"]) not in KNOWN_PORT_MISMATCHES:
            failures.append("%s: type %s does not fit port %s" % (path, o["type"], port))
        elif not o["fits_port"]:
            known.append("%s: %s for port %s: %s" % (path, o["type"], port, KNOWN_PORT_MISMATCHES[(port, o["type"])]))
        if got == want:
            agree += 1
            unfit += 0 if want[3] else 1
            kind = port.split("(")[0]
            kinds[kind] = kinds.get(kind, 0) + 1
    for line in failures:
        print("DIFF %s" % line)
    for line in known:
        print("known port mismatch %s" % line)
    print("%d test-data files: %d agree with python3-onnx (%s; %d with a payload that does not fit), "
          "%d refused by both, %d differ, %d known port mismatches"
          % (len(files), agree, ", ".join("%d %s" % (v, k) for k, v in sorted(kinds.items())), unfit, refused,
             len(failures), len(known)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
