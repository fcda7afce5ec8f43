# Helpers for the git end-to-end cases (sourced after tests/e2e/lib.sh).

# model FILE NAME [PAD_BYTES]: writes a valid ONNX model.
model() { mkdir -p "$(dirname "$1")"; "$PY" "$SRC/tests/e2e/git/make_model.py" "$@"; }

# readme DIR "Name|file.onnx|opset" ...: a model README with one row per argument.
readme() {
  local dir=$1; shift
  mkdir -p "$dir"
  { echo "# Models"; echo
    echo "| Model | Download | ONNX version | Opset version |"
    echo "|-------|----------|--------------|---------------|"
    local row name file opset
    for row in "$@"; do
      IFS='|' read -r name file opset <<<"$row"
      echo "| $name | [model]($file) | 1.14 | $opset |"
    done; } > "$dir/README.md"
}

# lfs_repo DIR: an empty repository whose *.onnx go through Git LFS.
lfs_repo() {
  git init -q "$1"
  git -C "$1" lfs install --local >/dev/null
  git -C "$1" lfs track '*.onnx' >/dev/null
}

commit_all() { git -C "$1" add -A && git -C "$1" commit -q --allow-empty -m "${2:-change}"; }

# no_ports FILE: succeeds when no entry of the manifest has io_ports.
no_ports() { [[ $(json_query "$1" 'sum("io_ports" in e["metadata"] for e in m)') == 0 ]]; }
