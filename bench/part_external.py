"""Part 5 (issue 15): generate on a model whose 2 GB of weights are ONNX
external data in a side file; memory stays flat."""
import json
import os
import shutil
import subprocess

import zoos
from measure import compare
from table import human


def run(bench):
    t = bench.table
    root = bench.scratch("external")
    size = (256 if bench.quick else 2048) << 20
    model, side = zoos.external_zoo(root, size)
    bench.warm([model, side])
    out = os.path.join(bench.work, "external.json")
    r = compare({"openssl": ["openssl", "dgst", "-sha256", model, side],
                 "generate": [bench.tool, "generate", "--repo", root, "--no-reuse", "-q", "-o", out]},
                reps=bench.reps, env=bench.env, tree=["generate"])
    listed = json.load(open(out))[0]["metadata"]["external_data"]
    sha = subprocess.run(["openssl", "dgst", "-sha256", "-r", side], capture_output=True, text=True,
                         check=True).stdout.split()[0]
    if [(e["sha"], e["bytes"]) for e in listed] != [(sha, size)]:
        raise RuntimeError(f"external_data is not the side file's sha and size: {listed}")
    label = f"{human(size)} of external data"
    t.add(5, f"peak RSS of generate on a model with {label} (largest process)", r["generate"].rss_kb / 1024, " MB", 64)
    t.add(5, "the same, with its libonnx workers (PSS summed, sampled)", r["generate"].tree_kb / 1024, " MB", 64)
    t.add(5, "the same generate / openssl dgst -sha256 of the model and its side file",
          r["generate"].seconds / r["openssl"].seconds, "×", note=f"{r['generate'].seconds:.2f} s")
    shutil.rmtree(root)
