"""Part 6 (issue 14): what the isolated libonnx workers cost: the 1,072
libonnx-testdata models read with the checker in workers and in-process,
generate over them, inspect once per model, and inspect of a 1.6 GB model
(and of one with 20,000 tensors) beside openssl dgst."""
import json
import os
import shutil
import subprocess

import zoos
from measure import compare
from model_writer import MIB, write_model
from table import human

# One process per model: bash's loop, exit 1 (a check failed) allowed.
LOOP = 'for f; do "$0" inspect "$f" >/dev/null || [ $? -eq 1 ] || exit 2; done'
DRIVER_LOOP = 'for f; do "$0" --in-process "$f" >/dev/null || [ $? -eq 1 ] || exit 2; done'


def testdata(bench):
    t = bench.table
    root = bench.scratch("testdata")
    files = zoos.testdata_zoo(root)
    n = len(files)
    bench.warm(files)
    out = {j: os.path.join(bench.work, f"testdata-j{j}.json") for j in (1, 2)}
    gen = lambda j: [bench.tool, "generate", "--repo", root, "--no-reuse", "--jobs", str(j), "-q", "-o", out[j]]  # noqa: E731
    r = compare({"in-process": [bench.driver, "--in-process", *files], "isolated": [bench.driver, *files],
                 "j1": gen(1), "j2": gen(2), "openssl": ["openssl", "dgst", "-sha256", *files]},
                reps=bench.reps, env=bench.env, ok=(0, 1), tree=["j2"])
    if open(out[1], "rb").read() != open(out[2], "rb").read():
        raise RuntimeError("testdata zoo: generate --jobs 1 and --jobs 2 wrote different manifests")
    per_model = (r["isolated"].seconds - r["in-process"].seconds) / n * 1000
    t.add(6, f"{n:,} libonnx-testdata models, sha + reader + inference + checker in one process: "
          "workers / in-process", r["isolated"].seconds / r["in-process"].seconds, "×",
          note=f"{r['isolated'].seconds:.2f} s vs {r['in-process'].seconds:.2f} s, {per_model:+.2f} ms a model")
    t.add(6, f"generate --jobs 1 --no-reuse over the {n:,} models / the same read in-process (no isolation)",
          r["j1"].seconds / r["in-process"].seconds, "×", note=f"{r['j1'].seconds:.2f} s")
    t.add(6, f"generate --jobs 2 --no-reuse over the {n:,} models: --jobs 1 / --jobs 2",
          r["j1"].seconds / r["j2"].seconds, "×", note=f"{r['j2'].seconds:.2f} s, openssl {r['openssl'].seconds:.2f} s")
    t.add(6, f"peak memory of generate --jobs 2 over the {n:,} models with its workers (PSS summed)", r["j2"].tree_kb / 1024, " MB",
          100)
    # inspect once per model: each run starts its own worker; a sample in quick mode.
    sample = files[::8] if bench.quick else files
    r = compare({"inspect": ["bash", "-c", LOOP, bench.tool, *sample],
                 "driver": ["bash", "-c", DRIVER_LOOP, bench.driver, *sample]}, reps=bench.reps, env=bench.env)
    per_call = (r["inspect"].seconds - r["driver"].seconds) / len(sample) * 1000
    t.add(6, f"inspect run once per model ({len(sample):,} runs) / the in-process read, one process per model",
          r["inspect"].seconds / r["driver"].seconds, "×",
          note=f"{r['inspect'].seconds / len(sample) * 1000:.1f} ms a run, {per_call:+.1f} ms for the worker")
    shutil.rmtree(root)


def big_model(bench, tensors):
    t = bench.table
    model = os.path.join(bench.scratch(f"big{tensors}"), "big-13.onnx")
    write_model(model, (128 if bench.quick else 1536) * MIB, tensors)
    label = f"a {human(os.path.getsize(model))} model, {tensors:,} tensor{'s' if tensors > 1 else ''}"
    bench.warm([model])
    r = compare({"openssl": ["openssl", "dgst", "-sha256", model], "inspect": [bench.tool, "inspect", model],
                 "full": [bench.tool, "inspect", "--full-check", model],
                 "in-process": [bench.driver, "--in-process", model],
                 "no-checker": [bench.driver, "--in-process", "--no-checker", model]},
                reps=bench.reps, env=bench.env, tree=["inspect"])
    shown = json.loads(subprocess.run([bench.tool, "inspect", model], capture_output=True, check=True).stdout)
    sha = subprocess.run(["openssl", "dgst", "-sha256", "-r", model], capture_output=True, text=True,
                         check=True).stdout.split()[0]
    if shown["model_sha"] != sha or not shown["checker"]["passed"]:
        raise RuntimeError(f"inspect {model}: sha {shown['model_sha']} vs {sha}, checker {shown['checker']}")
    ssl = r["openssl"].seconds
    t.add(6, f"inspect of {label} / openssl dgst -sha256", r["inspect"].seconds / ssl, "×", 1.0,
          note=f"{r['inspect'].seconds:.2f} s vs {ssl:.2f} s")
    t.add(6, "  the same, inspect --full-check / openssl", r["full"].seconds / ssl, "×", 1.0)
    t.add(6, "  the same read in-process (no workers) / openssl", r["in-process"].seconds / ssl, "×",
          note=f"without the checker {r['no-checker'].seconds / ssl:.2f}×")
    t.add(6, "  peak memory of inspect with its libonnx workers (PSS summed)", r["inspect"].tree_kb / 1024, " MB", 64)
    shutil.rmtree(os.path.dirname(model))


def run(bench):
    if os.path.isdir("/usr/share/libonnx-testdata/data"):
        testdata(bench)
    else:
        bench.table.skip(6, "the libonnx-testdata models", "/usr/share/libonnx-testdata missing")
    big_model(bench, 1)
    big_model(bench, 2000 if bench.quick else 20000)
