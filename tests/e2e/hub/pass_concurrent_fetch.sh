# Two fetches of the same model into the same cache, started at once, both
# succeed: each download lands by rename (the second replaces the first with
# the same bytes), and the archive's folder that one of them renames into
# place first is kept by the other. A model with external data likewise.
# The server pauses before each file, so that the two surely overlap.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
mk() { "$PY" "$SRC/tests/e2e/generate/make_external_model.py" "$@"; }
mkdir -p srv/big/big/model
cp -r "$SRC/samples" srv/samples
mk srv/big/big/model/big-13.onnx big W=big-13.weights U=data/extra.bin
cat > srv/big/big/README.md <<'MD'
# Big

| Model | Download | ONNX version | Opset version |
|-------|----------|--------------|---------------|
| Big | [model](model/big-13.onnx) | 1.14 | 13 |
MD
make_repo srv/big
"$OHM" generate --repo srv/big -q
start_server "$WORK/srv"
export ONNX_HOME="$WORK/onnx"

# at_once ARGS...: two runs of the tool with ARGS, started together; prints
# each one's exit code, stdout and stderr, and fails unless both exit 0.
at_once() {
  "$OHM" "$@" >one.out 2>one.err &
  local first=$!
  "$OHM" "$@" >two.out 2>two.err &
  local second=$!
  local rc1=0 rc2=0
  wait "$first" || rc1=$?
  wait "$second" || rc2=$?
  for run in one two; do
    echo "[$run]"
    cat "$run.out" "$run.err"
  done
  echo "[exit codes] $rc1 $rc2"
  ((rc1 == 0 && rc2 == 0))
}

check_command with_data 0 at_once fetch --hub "http://127.0.0.1:$PORT/slow/samples/" --trust tinynet-7 --with-data
check_command side_files 0 at_once fetch --hub "http://127.0.0.1:$PORT/slow/big/" --trust big
check verify 0 cache verify
[[ -z $(find "$ONNX_HOME" -name '*.tmp.*') ]] || fail "temp files left: $(find "$ONNX_HOME" -name '*.tmp.*')"
