# On a terminal an untrusted hub gets a warning and a y/N question: "n" (or
# nothing) refuses with nothing downloaded, "y" downloads.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
start_server "$SRC/samples"
HUB="http://127.0.0.1:$PORT/ok/"
export ONNX_HOME="$WORK/onnx"

set +e
printf 'n\n' | script -qec "$OHM fetch --hub $HUB tinynet-12" /dev/null > no.txt
rc_no=${PIPESTATUS[1]}
printf 'y\n' | script -qec "$OHM fetch --hub $HUB tinynet-12" /dev/null > yes.txt
rc_yes=${PIPESTATUS[1]}
set -e
grep -qF "is not trusted" no.txt || { cat no.txt >&2; fail "no warning on a terminal"; }
[[ $rc_no == 2 ]] || { cat no.txt >&2; fail "answer n: exit $rc_no, expected 2"; }
[[ $rc_yes == 0 ]] || { cat yes.txt >&2; fail "answer y: exit $rc_yes, expected 0"; }
sha=$(json_query "$SRC/samples/ONNX_HUB_MANIFEST.json" "[e for e in m if e['model']=='TinyNet-12'][0]['metadata']['model_sha']")
expect_same "$WORK/onnx/hub/$TINYNET/${sha}_tinynet-12.onnx" "$SRC/samples/$TINYNET/tinynet-12.onnx"
[[ $(files_under "$WORK/onnx" | wc -l) == 1 ]] || fail "more than the one model was written"
