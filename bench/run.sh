#!/usr/bin/env bash
# The benchmark suite (issue 12): builds its own inputs in ${TMPDIR:-/tmp},
# measures the tool side by side with openssl, sha256sum, cat, onnx.load and
# onnxruntime-node in the same run, and prints one table: each row measured,
# its target, pass or FAIL, then the machine, its load average and nproc.
# Not a ctest test (machines are noisy); run after the README's set-up.
#
#   bench/run.sh [BUILD_DIR]        (default: build; needs its tools/onnx-hub-manifest
#                                    and bench/ohm_checker_bench_driver)
# Environment:
#   BENCH_QUICK=1        small inputs (a few minutes), for trying it out; a full run
#                        takes about 30 minutes on a busy 2-core machine
#   BENCH_REPS=N         runs of each command, the best kept (default 3, quick 2)
#   BENCH_PARTS=1,3,5,6  parts to run (1 also runs 2 and 4)
#   BENCH_MARKDOWN=FILE  also write the table and the machine to FILE
#   BENCH_NODE_MODULES=DIR  onnxruntime-node's node_modules (default BUILD_DIR/npm/node_modules,
#                        installed there with npm ci --ignore-scripts when npm is present)
# Exit 1 when a target is missed, 2 when something is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
for f in "$build/tools/onnx-hub-manifest" "$build/bench/ohm_checker_bench_driver"; do
  [[ -x "$f" ]] || { echo "bench/run.sh: $f not built (cmake --build $build)" >&2; exit 2; }
done
for cmd in openssl sha256sum git /usr/bin/python3 /usr/bin/time; do
  command -v "$cmd" >/dev/null || { echo "bench/run.sh: $cmd missing (bash scripts/setup.sh)" >&2; exit 2; }
done
args=("$build" --parts "${BENCH_PARTS:-1,3,5,6}")
[[ "${BENCH_QUICK:-0}" == 1 ]] && args+=(--quick)
[[ -n "${BENCH_REPS:-}" ]] && args+=(--reps "$BENCH_REPS")
[[ -n "${BENCH_MARKDOWN:-}" ]] && args+=(--markdown "$BENCH_MARKDOWN")
exec /usr/bin/python3 -B "$here/suite.py" "${args[@]}"
