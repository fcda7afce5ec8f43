"""Parts 1, 2 and 4: a zoo with real content (43 models, 4 KB to 400 MB,
2.8 GiB) regenerated with --no-reuse beside openssl and sha256sum; peak RSS;
the largest model read by inspect, onnx.load and onnxruntime-node."""
import json
import os
import re
import shutil
import subprocess
import sys

import zoos
from measure import compare
from table import human

MB = 1 << 20
HERE = os.path.dirname(os.path.abspath(__file__))


def check_shas(manifest, openssl_out, root):
    """generate's model_sha for every model is what openssl printed."""
    want = {}
    for line in openssl_out.splitlines():
        m = re.match(r"SHA2?-?256\((.*)\)= ([0-9a-f]{64})$", line)
        if m:
            want[os.path.relpath(m.group(1), root)] = m.group(2)
    got = {e["model_path"]: e["metadata"]["model_sha"] for e in json.load(open(manifest))}
    if got != want:
        raise RuntimeError(f"generate's shas are not openssl's ({len(got)} vs {len(want)} models)")


def node_modules(bench):
    """onnxruntime-node as the conformance test installs it (npm ci
    --ignore-scripts into BUILD_DIR/npm), or BENCH_NODE_MODULES; installs it
    there when npm is present. None when it cannot be had."""
    given = os.environ.get("BENCH_NODE_MODULES")
    if given:
        return given if os.path.isdir(f"{given}/onnxruntime-node") else None
    npm_dir = os.path.join(bench.build, "npm")
    if not os.path.isdir(f"{npm_dir}/node_modules/onnxruntime-node") and shutil.which("npm"):
        src = os.path.dirname(HERE)
        subprocess.run(["cmake", f"-DSOURCE_DIR={src}", f"-DNPM_DIR={npm_dir}", f"-DNPM={shutil.which('npm')}",
                        "-P", f"{src}/tests/conformance/npm_ci.cmake"], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return f"{npm_dir}/node_modules" if os.path.isdir(f"{npm_dir}/node_modules/onnxruntime-node") else None


def run(bench):
    t = bench.table
    root = bench.scratch("content")
    files = zoos.content_zoo(root, scale=1 / 16 if bench.quick else 1.0)
    total = sum(os.path.getsize(f) for f in files)
    sizes = f"{len(files)} models, {human(total)}, {human(os.path.getsize(files[0]))} to {human(os.path.getsize(files[-1]))}"
    print(f"  zoo: {sizes}", flush=True, file=sys.stderr)
    bench.warm(files)
    out = {j: os.path.join(bench.work, f"content-j{j}.json") for j in (1, 2)}
    gen = lambda j: [bench.tool, "generate", "--repo", root, "--no-reuse", "--jobs", str(j), "-q", "-o", out[j]]  # noqa: E731
    r = compare({"openssl": ["openssl", "dgst", "-sha256", *files], "sha256sum": ["sha256sum", *files],
                 "j2": gen(2), "j1": gen(1)}, reps=bench.reps, env=bench.env, tree=["j2"])
    if open(out[1], "rb").read() != open(out[2], "rb").read():
        raise RuntimeError("generate --jobs 1 and --jobs 2 wrote different manifests")
    ssl = subprocess.run(["openssl", "dgst", "-sha256", *files], capture_output=True, text=True, check=True).stdout
    check_shas(out[2], ssl, root)

    t.add(1, f"generate --jobs 2 --no-reuse / openssl dgst -sha256 ({sizes})", r["j2"].seconds / r["openssl"].seconds,
          "×", 0.55, note=f"{r['j2'].seconds:.2f} s vs {r['openssl'].seconds:.2f} s")
    t.add(1, "generate --jobs 2 --no-reuse / sha256sum", r["j2"].seconds / r["sha256sum"].seconds, "×",
          note=f"sha256sum {r['sha256sum'].seconds:.2f} s")
    t.add(1, "generate --jobs 1 / --jobs 2 (speed-up on 2 cores)", r["j1"].seconds / r["j2"].seconds, "×",
          note=f"--jobs 1 {r['j1'].seconds:.2f} s")
    # CPU time says what wall time cannot on a shared machine: the work done,
    # and how many cores each command got (its CPU time over its wall time).
    t.add(1, "generate --jobs 2 --no-reuse: CPU time / openssl's CPU time", r["j2"].cpu_seconds / r["openssl"].cpu_seconds,
          "×", note=f"{r['j2'].cpu_seconds:.2f} s vs {r['openssl'].cpu_seconds:.2f} s")
    t.add(1, "cores busy (CPU time / wall time): generate --jobs 2", r["j2"].cpu_seconds / r["j2"].seconds, "",
          note=f"--jobs 1 {r['j1'].cpu_seconds / r['j1'].seconds:.2f}, openssl "
               f"{r['openssl'].cpu_seconds / r['openssl'].seconds:.2f}")
    t.add(2, "peak RSS of generate --jobs 2 (largest process)", r["j2"].rss_kb / 1024, " MB", 100)
    t.add(2, "peak memory of generate --jobs 2 with its libonnx workers (PSS summed, sampled)", r["j2"].tree_kb / 1024, " MB", 100)

    largest = files[-1]
    label = f"the largest model ({human(os.path.getsize(largest))})"
    readers = {"inspect": [bench.tool, "inspect", largest],
               "onnx.load": [bench.python, "-c", "import onnx, sys; onnx.load(sys.argv[1])", largest]}
    nm = node_modules(bench) if shutil.which("node") else None
    if nm:
        readers["ort"] = ["node", os.path.join(HERE, "ort_session.js"), nm, largest]
    r = compare(readers, reps=bench.reps, env=bench.env, tree=["inspect"])
    t.add(2, f"peak RSS of inspect on {label} (largest process)", r["inspect"].rss_kb / 1024, " MB", 64)
    t.add(2, f"peak memory of inspect on {label} with its libonnx workers (PSS summed)", r["inspect"].tree_kb / 1024, " MB", 64)
    t.add(4, f"inspect of {label}: time", r["inspect"].seconds, " s")
    for name, what in (("onnx.load", "Python onnx.load"), ("ort", "onnxruntime-node InferenceSession.create")):
        if name not in r:
            t.skip(4, f"{what} of {label}", "no node or onnxruntime-node (npm ci --ignore-scripts)")
            continue
        t.add(4, f"{what} of {label}: time / inspect's", r[name].seconds / r["inspect"].seconds, "×",
              note=f"{r[name].seconds:.2f} s")
        t.add(4, f"{what} of {label}: peak RSS", r[name].rss_kb / 1024, " MB",
              note=f"{r[name].rss_kb / max(1, r['inspect'].rss_kb):.0f}× inspect's")
    shutil.rmtree(root)
