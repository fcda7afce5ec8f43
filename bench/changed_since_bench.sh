#!/usr/bin/env bash
# generate on a 2,000-model pointer-only repository: a full run against
# --changed-since HEAD~1 with one changed model, side by side.
#   bench/changed_since_bench.sh [BINARY]   (default: build/tools/onnx-hub-manifest)
source "$(dirname "$0")/lib.sh"

# One folder per model (tree discovery), each with a README row and an LFS pointer.
/usr/bin/python3 - "$MODELS" <<'PY'
import hashlib, os, sys
for i in range(int(sys.argv[1])):
    d = f"zoo/family{i // 100:02d}/model{i:04d}"
    os.makedirs(d, exist_ok=True)
    oid = hashlib.sha256(f"model {i}".encode()).hexdigest()
    open(f"{d}/model.onnx", "w").write(
        f"version https://git-lfs.github.com/spec/v1\noid sha256:{oid}\nsize {1000 + i}\n")
    open(f"{d}/README.md", "w").write(
        "| Model | Download | ONNX version | Opset version |\n|---|---|---|---|\n"
        f"| Model {i} | [model](model.onnx) | 1.14 | 13 |\n")
PY
git init -q zoo
"$OHM" generate --repo zoo -q
git -C zoo add -A && git -C zoo commit -qm base
sed -i 's/^size 2777$/size 27770/' zoo/family17/model1777/model.onnx
git -C zoo commit -qam "one model changed"

seconds() { /usr/bin/python3 -c 'import subprocess, sys, time
t = time.monotonic(); subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(f"{time.monotonic() - t:.3f}")' "$@"; }
full=$(seconds "$OHM" generate --repo zoo --rev HEAD -q -o full.json)
inc=$(seconds "$OHM" generate --repo zoo --rev HEAD --changed-since HEAD~1 -q -o inc.json)
cmp -s full.json inc.json || { echo "outputs differ" >&2; exit 1; }
/usr/bin/python3 -c 'import sys; n, f, i = sys.argv[1:]
print(f"models: {n}\nfull generate:          {f} s\n--changed-since HEAD~1: {i} s\nratio: {float(i) / float(f):.3f}")' \
  "$MODELS" "$full" "$inc"
