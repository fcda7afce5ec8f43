#!/usr/bin/python3
"""python3-onnx's checker verdicts, one JSON line per item, flushed as it
goes: {"file", "mode", "passed", "message"} (message: first line of str(e)).
LIST holds one "default|full<TAB>path" line per item; START skips the first
items, so that compare_checker.py can resume after a crash (SIGFPE).

default: onnx.checker.check_model(path).
full:    onnx.checker.check_model(path, full_check=True), written out as what
         it runs (check_model(path), then infer_shapes with check_type and
         strict_mode), because check_model(path, full_check=True) writes the
         inferred model back over the file.

Usage: /usr/bin/python3 checker_reference.py LIST START"""
import json
import sys

import onnx
from onnx import shape_inference


def first_line(e):
    text = str(e)
    return text.splitlines()[0] if text else type(e).__name__


def verdict(mode, path):
    try:
        onnx.checker.check_model(path)
        if mode == "full":
            with open(path, "rb") as f:
                shape_inference.infer_shapes(f.read(), check_type=True, strict_mode=True)
        return {"passed": True, "message": ""}
    except Exception as e:  # every failure is a verdict
        return {"passed": False, "message": first_line(e)}


def main():
    with open(sys.argv[1]) as f:
        items = [line.rstrip("\n").split("\t", 1) for line in f]
    for mode, path in items[int(sys.argv[2]):]:
        print(json.dumps({"file": path, "mode": mode, **verdict(mode, path)}), flush=True)


if __name__ == "__main__":
    main()
