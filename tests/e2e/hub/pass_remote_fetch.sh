# list, info and fetch over HTTP from a loopback server, with the trust rules.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
start_server "$SRC/samples"
HUB="http://127.0.0.1:$PORT/ok/"
export ONNX_HOME="$WORK/onnx"

check list 0 list --hub "$HUB" --format json
expect_same <(json_query "$WORK/stdout" "len(m)") <(json_query "$SRC/samples/ONNX_HUB_MANIFEST.json" "len(m)")
check info 0 info --hub "$HUB" tinybert

# Untrusted hub and no terminal: exit 2 unless --trust, nothing downloaded.
check untrusted 2 fetch --hub "$HUB" tinynet-12 </dev/null
[[ -z $(files_under "$WORK/onnx") ]] || fail "downloaded without trust"

check trusted 0 fetch --hub "$HUB" --trust tinynet-12 --with-data
sha=$(json_query "$SRC/samples/ONNX_HUB_MANIFEST.json" "[e for e in m if e['model']=='TinyNet-12'][0]['metadata']['model_sha']")
expect_same "$WORK/onnx/hub/$TINYNET/${sha}_tinynet-12.onnx" "$SRC/samples/$TINYNET/tinynet-12.onnx"
[[ -n $(find "$WORK/onnx" -path '*test_data_set_0/input_0.pb') ]] || fail "test data not unpacked"

# Everything cached: no download, so no trust question either.
check cached 0 fetch --hub "$HUB" tinynet-12 --with-data </dev/null
