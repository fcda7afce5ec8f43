#!/usr/bin/env bash
# Peak RSS of reading a large manifest (issue 14: "manifest reading within a
# small multiple of the file's size"): a manifest of about SIZE_MB megabytes,
# made of the samples' entries repeated under new paths, read by `validate`
# (in a zoo of its own with no model READMEs: every entry is entry.extra) and
# by `list`. Prints each peak RSS and its ratio to the file's size (target <= 8x).
# INDENT=0 writes it compact (more values per byte).
#   SIZE_MB=40 INDENT=4 bench/manifest_memory_bench.sh [BINARY]   (default: build/tools/onnx-hub-manifest)
set -euo pipefail
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)  # the source tree
OHM=$(realpath "${1:-build/tools/onnx-hub-manifest}")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ohm-bench-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
[[ -x /usr/bin/time ]] || { echo "manifest_memory_bench: /usr/bin/time missing (Debian package 'time')" >&2; exit 2; }

mkdir zoo
/usr/bin/python3 - "$SRC/samples/ONNX_HUB_MANIFEST.json" zoo/ONNX_HUB_MANIFEST.json "${SIZE_MB:-40}" "${INDENT:-4}" <<'PY'
import json, sys
samples = json.load(open(sys.argv[1]))
target = int(sys.argv[3]) << 20
indent = int(sys.argv[4]) or None  # INDENT=0: compact JSON, the densest text
out, size, i = [], 2, 0
while size < target:
    e = json.loads(json.dumps(samples[i % len(samples)]))
    folder, name = e["model_path"].rsplit("/", 1)
    e["model"] = f"{e['model']} {i}"
    e["model_path"] = f"{folder}/copy{i:07d}/{name}"
    e["metadata"].pop("model_with_data_path", None)
    e["metadata"].pop("model_with_data_sha", None)
    e["metadata"].pop("model_with_data_bytes", None)
    size += len(json.dumps(e, indent=indent)) * (1.25 if indent else 1)
    out.append(e)
    i += 1
out.sort(key=lambda e: e["model_path"])
open(sys.argv[2], "w").write(json.dumps(out, indent=indent))
PY
printf '# A zoo with no model READMEs\n' > zoo/README.md
bytes=$(stat -c %s zoo/ONNX_HUB_MANIFEST.json)

peak() {  # peak NAME EXPECTED_RC ARGS... -> "NAME: RSS MB (Nx the manifest)"
  local name=$1 want=$2 rc=0; shift 2
  /usr/bin/time -v -o time.log "$OHM" "$@" > /dev/null 2>&1 || rc=$?
  [[ $rc == "$want" ]] || { echo "$name: exit code $rc, not $want" >&2; exit 2; }
  local kb
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' time.log)
  awk -v n="$name" -v kb="$kb" -v b="$bytes" 'BEGIN { printf "%-10s %7.1f MB peak RSS (%.1fx the manifest)\n", n":", kb / 1024, kb * 1024 / b }'
}
awk -v b="$bytes" 'BEGIN { printf "manifest:  %7.1f MB\n", b / 1048576 }'
peak validate 1 validate --repo zoo -q
peak list 0 list --manifest zoo/ONNX_HUB_MANIFEST.json
