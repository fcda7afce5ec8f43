#!/usr/bin/env bash
# Benchmark of `generate` on real content: a zoo of N models (random weights,
# SIZE_MB in all) is regenerated with --no-reuse (every byte hashed and
# inspected) and a second time on a clean git tree (nothing re-read). Side by
# side in the same run: `openssl dgst -sha256` and `sha256sum` over the same
# files. Prints wall times, ratios against openssl, and peak RSS. Not a ctest test.
#
# Usage: bench/generate_bench.sh [BUILD_DIR] [SIZE_MB] [MODELS]
set -euo pipefail
build_dir=${1:-build}
size_mb=${2:-1024}
models=${3:-16}
tool="$(cd "$build_dir" && pwd)/tools/onnx-hub-manifest"
[[ -x "$tool" ]] || { echo "generate_bench: $tool not built" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "generate_bench: /usr/bin/time missing (Debian package 'time')" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/generate_bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 - "$work/zoo" "$size_mb" "$models" <<'PY'
import os, sys
import numpy as np
from onnx import TensorProto, helper, numpy_helper
root, size_mb, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(f"{root}/vision/bench/model")
per = size_mb * (1 << 20) // n // 4
rows = []
for i in range(n):
    w = numpy_helper.from_array(np.random.default_rng(i).random(per, dtype=np.float32), "w")
    g = helper.make_graph([helper.make_node("Add", ["x", "w"], ["y"])], "g",
                          [helper.make_tensor_value_info("x", TensorProto.FLOAT, [per])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, [per])], [w])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)])
    with open(f"{root}/vision/bench/model/m{i}-13.onnx", "wb") as f:
        f.write(m.SerializeToString())
    rows.append(f"|M{i} |[x](model/m{i}-13.onnx) |1.8 |13 |")
with open(f"{root}/vision/bench/README.md", "w") as f:
    f.write("|Model |Download |ONNX version |Opset version |\n|-|-|-|-|\n" + "\n".join(rows) + "\n")
PY
cd "$work/zoo"
# Models in Git LFS, as in a real zoo: the index holds pointers, so a clean
# tree is regenerated without reading a model.
export HOME="$work/home" GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"
git init -q && git lfs install --local >/dev/null && git lfs track '*.onnx' >/dev/null
git add -A && git -c user.name=b -c user.email=b@b commit -qm bench

measure() {  # measure LABEL CMD...: prints a row on stderr, the seconds on stdout
  local label=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>&1 || true
  read -r secs rss < <(tail -n 1 "$work/t")
  printf '%-36s %8.2f s %8d KB peak RSS\n' "$label" "$secs" "$rss" >&2
  echo "$secs"
}
files=(vision/bench/model/*.onnx)
cat "${files[@]}" >/dev/null  # warm the page cache for every contender alike
echo "$models models, $(du -sh vision | cut -f1) of content" >&2
t_openssl=$(measure "openssl dgst -sha256" openssl dgst -sha256 "${files[@]}")
t_sum=$(measure "sha256sum" sha256sum "${files[@]}")
t_gen=$(measure "generate --no-reuse (hash+inspect)" "$tool" generate --repo . --no-reuse -o "$work/m.json")
t_clean=$(measure "generate, clean tree, reuse" "$tool" generate --repo . --reuse "$work/m.json" -o "$work/m2.json")
cmp -s "$work/m.json" "$work/m2.json" || { echo "generate_bench: the two runs disagree" >&2; exit 1; }
awk -v g="$t_gen" -v o="$t_openssl" -v s="$t_sum" -v c="$t_clean" 'BEGIN {
  printf "ratio generate/openssl: %.2fx   generate/sha256sum: %.2fx   clean-tree/openssl: %.3fx\n", g/o, g/s, c/o }'
