#!/usr/bin/env bash
# validate on a 2,000-entry pointer-only zoo (index mode, io_ports on every
# entry, vouched for by HEAD's manifest): a full run, --staged and --format json.
#   bench/validate_bench.sh [BINARY]   (default: build/tools/onnx-hub-manifest)
source "$(dirname "$0")/lib.sh"

# 20 model folders of 100 rows each, linked from the root README's index; every
# model is a Git LFS pointer.
/usr/bin/python3 - "$MODELS" <<'PY'
import hashlib, os, sys
n = int(sys.argv[1])
families = (n + 99) // 100
os.makedirs("zoo", exist_ok=True)
with open("zoo/README.md", "w") as index:
    index.write("# Bench zoo\n\n|Model Class |Description |\n|-|-|\n")
    for f in range(families):
        index.write(f"|<b>[Family {f}](validated/family{f:02d})</b>| bench |\n")
for f in range(families):
    d = f"zoo/validated/family{f:02d}"
    os.makedirs(f"{d}/model", exist_ok=True)
    rows = []
    for i in range(f * 100, min(n, f * 100 + 100)):
        oid = hashlib.sha256(f"model {i}".encode()).hexdigest()
        open(f"{d}/model/model{i:04d}.onnx", "w").write(
            f"version https://git-lfs.github.com/spec/v1\noid sha256:{oid}\nsize {1000 + i}\n")
        rows.append(f"|Model {i} |[model](model/model{i:04d}.onnx) |1.14 |13 |\n")
    open(f"{d}/README.md", "w").write(
        "# Family\n\n|Model |Download |ONNX version |Opset version |\n|---|---|---|---|\n" + "".join(rows))
PY
git init -q zoo
"$OHM" generate --repo zoo -q
/usr/bin/python3 - zoo/ONNX_HUB_MANIFEST.json <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
for e in m:
    e["metadata"]["io_ports"] = {"inputs": [{"name": "x", "shape": ["N", 3, 224, 224], "type": "tensor(float)"}],
                                 "outputs": [{"name": "y", "shape": ["N", 1000], "type": "tensor(float)"}]}
open(sys.argv[1], "w").write(json.dumps(m, indent=4))
PY
git -C zoo add -A && git -C zoo commit -qm base

seconds() { /usr/bin/python3 -c 'import subprocess, sys, time
t = time.monotonic(); r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
sys.exit(f"exit code {r.returncode}: {sys.argv[1:]}") if r.returncode else print(f"{time.monotonic() - t:.3f}")' "$@"; }
full=$(seconds "$OHM" validate --repo zoo)
staged=$(seconds "$OHM" validate --repo zoo --staged)
json=$(seconds "$OHM" validate --repo zoo --format json)
echo "entries: $MODELS"
echo "validate (full):          $full s"
echo "validate --staged:        $staged s"
echo "validate --format json:   $json s"

# The real zoo at its last commit (pointer-only), in a git repository: the
# model checks add nothing where no content is at hand (target < 0.3 s).
cp -r "$SRC/tests/fixtures/zoo-b1eeaa1" real && git init -q real && git -C real add -A && git -C real commit -qm zoo
real=$(/usr/bin/python3 -c 'import subprocess, sys, time
t = time.monotonic(); subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(f"{time.monotonic() - t:.3f}")' "$OHM" validate --repo real)
echo "validate real zoo fixture: $real s (target < 0.3 s)"
