#!/usr/bin/env bash
# Benchmark of model inspection (issue 3): builds a ~1.5 GB model (one big
# initializer written as raw_data) and reports, side by side in one run, the
# wall time and peak RSS of `onnx-hub-manifest inspect` (hash, io_ports and
# the ONNX checker in one streaming pass) and of `openssl dgst -sha256` on the
# same file. Targets: inspect <= 1.0x openssl, peak RSS < 64 MB. Not a ctest test.
#
# Usage: bench/inspect_bench.sh [BUILD_DIR] [SIZE_MB]
#   BUILD_DIR  holds tools/onnx-hub-manifest (default: build)
#   SIZE_MB    size of the big initializer (default: 1536)
# The model is written under ${TMPDIR:-/tmp} and removed at the end.
set -euo pipefail

build_dir=${1:-build}
size_mb=${2:-1536}
tool="$build_dir/tools/onnx-hub-manifest"
python=/usr/bin/python3
[[ -x "$tool" ]] || { echo "inspect_bench: $tool not built" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "inspect_bench: /usr/bin/time missing (Debian package 'time')" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/inspect_bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
model="$work/big.onnx"

# The protobuf is written by hand around a streamed payload, so building the
# model needs no more memory than a 1 MiB block.
"$python" - "$model" "$size_mb" <<'PY'
import sys
from onnx import TensorProto, helper as h

path, size_mb = sys.argv[1], int(sys.argv[2])
cols = 1024
rows = size_mb * 1024 * 1024 // (4 * cols)
payload = rows * cols * 4

def varint(v):
    out = bytearray()
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)

def field(num, wire, body=None, value=None):
    tag = varint((num << 3) | wire)
    return tag + (varint(value) if wire == 0 else varint(len(body)) + body)

# Everything but the initializer, serialized by onnx itself.
graph = h.make_graph(
    [h.make_node("MatMul", ["X", "W"], ["Y"])], "big",
    [h.make_tensor_value_info("X", TensorProto.FLOAT, ["N", rows])],
    [h.make_tensor_value_info("Y", TensorProto.FLOAT, ["N", cols])])
graph_bytes = graph.SerializeToString()
tensor_head = (field(1, 0, value=rows) + field(1, 0, value=cols) + field(2, 0, value=TensorProto.FLOAT) +
               field(8, 2, b"W") + varint((9 << 3) | 2) + varint(payload))
init_head = varint((5 << 3) | 2) + varint(len(tensor_head) + payload)
graph_len = len(graph_bytes) + len(init_head) + len(tensor_head) + payload
block = bytes(range(256)) * 4096  # 1 MiB
with open(path, "wb") as f:
    f.write(field(1, 0, value=8) + field(2, 2, b"inspect_bench"))
    f.write(varint((7 << 3) | 2) + varint(graph_len) + graph_bytes + init_head + tensor_head)
    left = payload
    while left > 0:
        n = min(left, len(block))
        f.write(block[:n])
        left -= n
    f.write(field(8, 2, field(1, 2, b"") + field(2, 0, value=13)))
PY
bytes=$(stat -c %s "$model")
echo "model: $model ($bytes bytes)"

# Warm the page cache once so both commands read from memory.
cat "$model" > /dev/null

measure() {  # measure NAME CMD... -> prints "NAME seconds rss_kb"
  local name=$1; shift
  local log="$work/$name.time"
  /usr/bin/time -v -o "$log" "$@" > "$work/$name.out"
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  # m:ss.ss or h:mm:ss -> seconds
  wall=$(echo "$wall" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  echo "$name $wall $rss"
}

read -r _ t_ssl rss_ssl < <(measure openssl openssl dgst -sha256 "$model")
read -r _ t_ins rss_ins < <(measure inspect "$tool" inspect "$model")

sha_ssl=$(awk '{print $NF}' "$work/openssl.out")
sha_ins=$("$python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["model_sha"])' "$work/inspect.out")
[[ "$sha_ssl" == "$sha_ins" ]] || { echo "inspect_bench: sha mismatch: $sha_ssl vs $sha_ins" >&2; exit 1; }
ports=$("$python" -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["io_ports"]))' "$work/inspect.out")
checker=$("$python" -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["checker"]))' "$work/inspect.out")

awk -v ts="$t_ssl" -v rs="$rss_ssl" -v ti="$t_ins" -v ri="$rss_ins" 'BEGIN {
  printf "%-28s %10s %14s\n", "command", "wall (s)", "peak RSS (MB)"
  printf "%-28s %10.2f %14.1f\n", "openssl dgst -sha256", ts, rs / 1024
  printf "%-28s %10.2f %14.1f\n", "onnx-hub-manifest inspect", ti, ri / 1024
  printf "ratio inspect/openssl: %.2fx (target <= 1.0x); inspect peak RSS target < 64 MB\n", (ts > 0 ? ti / ts : 0)
}'
echo "io_ports: $ports"
echo "checker: $checker"
