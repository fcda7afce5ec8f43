# A failed fetch (a sha mismatch, a network fault, a side file that does not
# match) leaves no folder it made in the cache, and no file: the cache is as
# it was, or absent when the fetch made it.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
start_server "$SRC/samples"
export ONNX_HOME="$WORK/onnx"
H="$ONNX_HOME/hub"
nothing_left() { [[ ! -e "$ONNX_HOME" ]] || fail "left behind: $(find "$ONNX_HOME")"; }

check bad_sha 1 fetch --hub "http://127.0.0.1:$PORT/wronghash/" --trust tinynet-12
nothing_left
# curl's wording of a cut connection changes with its version.
FILTERS+=('s/\(tinynet-12.onnx: \).*/\1<curl message>/')
check network_fault 2 fetch --hub "http://127.0.0.1:$PORT/truncated/" --trust --retries 0 tinynet-12
nothing_left

# Only what the fetch made goes: a folder that was there stays.
mkdir -p "$H/vision"
check bad_sha_kept_folder 1 fetch --hub "http://127.0.0.1:$PORT/wronghash/" --trust tinynet-12
[[ $(find "$ONNX_HOME" | sort) == "$(printf '%s\n' "$ONNX_HOME" "$H" "$H/vision")" ]] || fail "$(find "$ONNX_HOME")"
rm -rf "$ONNX_HOME"

# A model with external data whose second side file differs from the manifest.
mk() { "$PY" "$SRC/tests/e2e/generate/make_external_model.py" "$@"; }
mkdir -p zoo/big/model
mk zoo/big/model/big-13.onnx big W=big-13.weights U=data/extra.bin
cat > zoo/big/README.md <<'MD'
# Big

| Model | Download | ONNX version | Opset version |
|-------|----------|--------------|---------------|
| Big | [model](model/big-13.onnx) | 1.14 | 13 |
MD
make_repo zoo
"$OHM" generate --repo zoo -q
echo different > zoo/big/model/big-13.weights
check bad_first_side_file 1 fetch --repo zoo big
nothing_left
