"""Part 3: pointer-only zoos (10 models to a README folder) of 1k to 20k
models: generate, validate, the hook and --changed-since, each as a ratio to
one `git ls-files -z | xargs -0 cat` in the same run, and the fitted exponent."""
import math
import os
import shutil
import subprocess

import zoos
from measure import compare

FULL = [1000, 2000, 5000, 10000, 20000]
QUICK = [1000, 2000, 5000]
# Each of these runs takes a tenth of a second, where this VM's noise is
# tens of milliseconds: the best of more runs, for each side alike.
POINTER_REPS = 7
TARGETS = {"generate": 1.5, "validate": 1.5, "hook": 1.0, "changed": 0.5}  # at 10k models
LABELS = {"generate": "generate", "validate": "validate", "hook": "the hook (generate --check --staged)",
          "changed": "generate --changed-since HEAD~1 (one model changed)",
          "gate": "the pre-commit gate (validate --staged)"}
INFO = ["gate"]  # measured and shown, with no target of the issue's


def build(bench, models):
    """The zoo, committed with its manifest (with io_ports, as published), then
    one model changed and committed with the manifest generate writes for it."""
    root = bench.scratch(f"pointer{models}")
    zoos.pointer_zoo(root, models)
    bench.git(root, "init", "-q")
    gen = [bench.tool, "generate", "--repo", root, "-q"]
    subprocess.run(gen, env=bench.env, check=True)
    zoos.add_ports(f"{root}/ONNX_HUB_MANIFEST.json")
    bench.git(root, "add", "-A")
    bench.git(root, "commit", "-qm", "zoo")
    zoos.change_one_pointer(root, models)
    subprocess.run(gen, env=bench.env, check=True)
    bench.git(root, "commit", "-qam", "one model changed")
    return root


def fit_exponent(sizes, seconds):
    """Least-squares slope of log(seconds) over log(models)."""
    xs, ys = [math.log(s) for s in sizes], [math.log(t) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def run(bench):
    t = bench.table
    sizes = QUICK if bench.quick else FULL
    target_at = max(s for s in sizes if s <= 10000)
    times = {name: [] for name in ["cat", *TARGETS, *INFO]}
    for models in sizes:
        root = build(bench, models)
        full, inc = os.path.join(bench.work, "full.json"), os.path.join(bench.work, "inc.json")
        tool = bench.tool
        r = compare({
            "cat": ["bash", "-c", "git ls-files -z | xargs -0 cat"],
            "generate": [tool, "generate", "--repo", ".", "-q", "-o", full],
            "validate": [tool, "validate", "--repo", ".", "-q"],
            "hook": [tool, "generate", "--repo", ".", "--check", "--staged", "-q"],
            "changed": [tool, "generate", "--repo", ".", "--changed-since", "HEAD~1", "-q", "-o", inc],
            "gate": [tool, "validate", "--repo", ".", "--staged", "-q"],
        }, reps=max(bench.reps, POINTER_REPS), cwd=root, env=bench.env)
        published = open(f"{root}/ONNX_HUB_MANIFEST.json", "rb").read()
        if open(full, "rb").read() != published or open(inc, "rb").read() != published:
            raise RuntimeError(f"pointer zoo {models}: generate or --changed-since wrote another manifest")
        base = r["cat"].seconds
        for name in times:
            times[name].append(r[name].seconds)
        for name in [*TARGETS, *INFO]:
            t.add(3, f"{models:,} models: {LABELS[name]} / cat", r[name].seconds / base, "×",
                  TARGETS[name] if models == target_at and name in TARGETS else None,
                  note=f"{r[name].seconds * 1000:.0f} ms vs {base * 1000:.0f} ms; CPU "
                       f"{r[name].cpu_seconds * 1000:.0f} ms vs {r['cat'].cpu_seconds * 1000:.0f} ms")
        shutil.rmtree(root)
    for name in times:
        what = "cat of every tracked file" if name == "cat" else LABELS[name]
        t.add(3, f"fitted exponent of cost vs models, {what} ({sizes[0]:,} to {sizes[-1]:,})",
              fit_exponent(sizes, times[name]), "", None if name == "cat" else 1.1)
