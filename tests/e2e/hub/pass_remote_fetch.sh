# list, info and fetch over HTTP from a loopback server, with the trust rules.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
start_server "$SRC/samples"
HUB="http://127.0.0.1:$PORT/ok/"
export ONNX_HOME="$WORK/onnx"

run list --hub "$HUB" --format json
expect_rc 0 "remote list"
expect_same <(json_query "$WORK/stdout" "len(m)") <(json_query "$SRC/samples/ONNX_HUB_MANIFEST.json" "len(m)")
run info --hub "$HUB" tinybert
expect_rc 0 "remote info"
expect_stdout_has '"model": "TinyBERT"'

# Untrusted hub and no terminal: exit 2 unless --trust, nothing downloaded.
run fetch --hub "$HUB" tinynet-12 </dev/null
expect_rc 2 "untrusted without a terminal"
expect_stderr_has "is not trusted"
[[ -z $(files_under "$WORK/onnx") ]] || fail "downloaded without trust"

run fetch --hub "$HUB" --trust tinynet-12 --with-data
expect_rc 0 "remote fetch"
sha=$(json_query "$SRC/samples/ONNX_HUB_MANIFEST.json" "[e for e in m if e['model']=='TinyNet-12'][0]['metadata']['model_sha']")
expect_same "$WORK/onnx/hub/$TINYNET/${sha}_tinynet-12.onnx" "$SRC/samples/$TINYNET/tinynet-12.onnx"
[[ -n $(find "$WORK/onnx" -path '*test_data_set_0/input_0.pb') ]] || fail "test data not unpacked"

# Everything cached: no download, so no trust question either.
run fetch --hub "$HUB" tinynet-12 --with-data </dev/null
expect_rc 0 "cached remote"
expect_stderr_has "cached: TinyNet-12"
