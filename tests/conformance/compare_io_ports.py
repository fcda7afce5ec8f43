#!/usr/bin/env python3
"""Compares io_ports from ohm_io_ports_driver with onnxruntime-node's session
metadata on every .onnx under --models. Every model onnxruntime can load must
agree; models it cannot load are skipped and counted. Exit 77 (ctest SKIP)
only when node is not installed."""
import argparse
import json
import os
import subprocess
import sys

# Our fixture models (tests/fixtures/onnx) where SPEC 5 and libonnx 1.12
# knowingly give another answer than onnxruntime; each must still differ.
KNOWN_DIVERGENCES = {
    "opset18.onnx": "libonnx 1.12 knows ai.onnx up to opset 17: outputs as declared (SPEC 5)",
    "reshape_big_shape.onnx": "the shape tensor is over the kept-payload cap, so inference cannot read it",
    "value_info_conflict.onnx": "onnxruntime keeps a conflicting value_info dim unknown downstream",
}

# onnxruntime-node's tensor type names -> ONNX element type names (SPEC 5).
ORT_TYPES = {"float32": "float", "float64": "double"}


def ort_port(p):
    """onnxruntime-node's port in SPEC conventions; type None for non-tensors."""
    if not p["isTensor"]:
        return {"name": p["name"], "shape": None, "type": None}
    shape = [None if d == "" or d is None else d for d in (p.get("shape") or [])]
    t = p["type"]
    return {"name": p["name"], "shape": shape, "type": "tensor(%s)" % ORT_TYPES.get(t, t)}


def comparable(ours, ref):
    """Our port as comparable with ref (non-tensor ports: names only)."""
    if ref["type"] is None:
        return {"name": ours["name"], "shape": None, "type": None}
    return ours


def run_lines(cmd, log):
    with open(log, "wb") as err:
        out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=err).stdout.decode("utf-8")
    return {j["file"]: j for j in (json.loads(l) for l in out.splitlines() if l.strip())}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--driver", required=True)
    ap.add_argument("--node", default="")
    ap.add_argument("--node-modules", required=True)
    ap.add_argument("--script", required=True)
    ap.add_argument("--models", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--python", default="/usr/bin/python3")
    ap.add_argument("--fixture-script", help="make_models.py: its models are compared too")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    if not args.node or not os.path.exists(args.node):
        print("SKIP: node is not installed")
        return 77
    models = sorted(
        os.path.join(d, f) for d, _, fs in os.walk(args.models) for f in fs if f.endswith(".onnx"))
    if not models:
        print("no .onnx models under %s" % args.models)
        return 1
    os.makedirs(args.work, exist_ok=True)
    fixtures = []
    if args.fixture_script:
        fixture_dir = os.path.join(args.work, "fixtures")
        subprocess.run([args.python, args.fixture_script, fixture_dir], check=True)
        fixtures = sorted(os.path.join(fixture_dir, f) for f in os.listdir(fixture_dir) if f.endswith(".onnx"))
    models += fixtures
    listing = os.path.join(args.work, "conformance_models.txt")
    with open(listing, "w") as f:
        f.write("\n".join(models) + "\n")

    ref = run_lines([args.node, args.script, args.node_modules, listing], os.path.join(args.work, "onnxruntime.log"))
    ours = run_lines([args.driver, "@" + listing], os.path.join(args.work, "driver.log"))

    agree, skipped, failures, known = 0, [], [], 0
    for m in models:
        r = ref.get(m)
        if r is None or "error" in r:
            skipped.append((m, r["error"] if r else "no answer"))
            continue
        o = ours.get(m)
        if o is None or "error" in o:
            failures.append((m, "we failed: %s" % (o["error"] if o else "no answer")))
            continue
        problems = []
        for side in ("inputs", "outputs"):
            want = [ort_port(p) for p in r[side]]
            got = o["io_ports"][side]
            if [p["name"] for p in got] != [p["name"] for p in want]:
                problems.append("%s names: ours %s, onnxruntime %s" % (
                    side, [p["name"] for p in got], [p["name"] for p in want]))
                continue
            for g, w in zip(got, want):
                if comparable(g, w) != w:
                    problems.append("%s %s: ours %s %s, onnxruntime %s %s" % (
                        side, g["name"], g["type"], json.dumps(g["shape"]), w["type"], json.dumps(w["shape"])))
        divergence = KNOWN_DIVERGENCES.get(os.path.basename(m)) if m in fixtures else None
        if divergence:
            if not problems:
                failures.append((m, "expected to differ from onnxruntime (%s) but agrees" % divergence))
            else:
                known += 1
                print("known divergence %s: %s" % (os.path.basename(m), divergence))
        elif problems:
            failures.append((m, "; ".join(problems)))
        else:
            agree += 1

    for m, why in failures:
        print("DIFF %s: %s" % (m, why))
    if args.verbose:
        for m, why in skipped:
            print("skip %s: %s" % (m, why))
    print("%d models (%d from libonnx-testdata, %d fixtures): %d agree with onnxruntime-node, %d differ, "
          "%d known divergences, %d skipped (onnxruntime could not load them)"
          % (len(models), len(models) - len(fixtures), len(fixtures), agree, len(failures), known, len(skipped)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
