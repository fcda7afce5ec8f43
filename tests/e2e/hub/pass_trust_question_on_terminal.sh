# On a terminal an untrusted hub gets a warning and a y/N question: "n" (or
# nothing) refuses with nothing downloaded, "y" downloads.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
start_server "$SRC/samples"
HUB="http://127.0.0.1:$PORT/ok/"
export ONNX_HOME="$WORK/onnx"

check_on_terminal answer_no 2 $'n\n' fetch --hub "$HUB" tinynet-12
[[ -z $(files_under "$WORK/onnx") ]] || fail "answer n: downloaded"
check_on_terminal answer_yes 0 $'y\n' fetch --hub "$HUB" tinynet-12
sha=$(json_query "$SRC/samples/ONNX_HUB_MANIFEST.json" "[e for e in m if e['model']=='TinyNet-12'][0]['metadata']['model_sha']")
expect_same "$WORK/onnx/hub/$TINYNET/${sha}_tinynet-12.onnx" "$SRC/samples/$TINYNET/tinynet-12.onnx"
[[ $(files_under "$WORK/onnx" | wc -l) == 1 ]] || fail "more than the one model was written"
