#!/usr/bin/env python3
"""Writes a fuzz_zoo seed: every file under a zoo folder as "<path>\\0<content>\\0"."""
import os
import sys

root, out = sys.argv[1], sys.argv[2]
records = []
for folder, _, files in sorted(os.walk(root)):
    for name in sorted(files):
        path = os.path.join(folder, name)
        records.append(os.path.relpath(path, root).encode() + b"\0" + open(path, "rb").read() + b"\0")
os.makedirs(os.path.dirname(out), exist_ok=True)
with open(out, "wb") as f:
    f.write(b"".join(records))
