# list, info and fetch against a local zoo: query semantics, cache layout and reuse.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
make_repo repo "$SRC/samples"
cd repo

check list 0 list
check list_by_model 0 list --model TINYBERT --format json
[[ $(json_query "$WORK/stdout" "len(m)") == 1 ]] || fail "one TinyBERT expected"
check list_by_tags 0 list --tag VISION --tag nothing --format json
[[ $(json_query "$WORK/stdout" "sorted(e['model'] for e in m)") == "['TinyNet-12', 'TinyNet-7', 'TinyNet-preproc']" ]] || fail "tags"

check info 0 info tinynet-7
[[ $(json_query "$WORK/stdout" "m['opset_version']") == 7 ]] || fail "info opset"
check info_missing_opset 1 info TinyNet-7 --opset 9
check info_missing_model 1 info nosuchmodel

# Cache root: $ONNX_HOME/hub, then $XDG_CACHE_HOME/onnx/hub, then ~/.cache/onnx/hub.
sha=$(json_query ONNX_HUB_MANIFEST.json "[e for e in m if e['model']=='TinyNet-12'][0]['metadata']['model_sha']")
dsha=$(json_query ONNX_HUB_MANIFEST.json "[e for e in m if e['model']=='TinyNet-12'][0]['metadata']['model_with_data_sha']")
check fetch_to_home 0 fetch TinyNet-12
[[ -f "$HOME/.cache/onnx/hub/$TINYNET/${sha}_tinynet-12.onnx" ]] || fail "home cache"
XDG_CACHE_HOME="$WORK/xdg" check fetch_to_xdg 0 fetch TinyNet-12
[[ -f "$WORK/xdg/onnx/hub/$TINYNET/${sha}_tinynet-12.onnx" ]] || fail "xdg cache"
export ONNX_HOME="$WORK/onnx"
XDG_CACHE_HOME="$WORK/xdg2" check fetch_with_data 0 fetch tinynet-12 --with-data
[[ ! -e "$WORK/xdg2" ]] || fail "ONNX_HOME must win over XDG_CACHE_HOME"
C="$WORK/onnx/hub/$TINYNET"
expect_same "$C/${sha}_tinynet-12.onnx" "$SRC/samples/$TINYNET/tinynet-12.onnx"
expect_same "$C/${dsha}_tinynet-12.tar.gz" "$SRC/samples/$TINYNET/tinynet-12.tar.gz"
[[ -f "$C/${dsha}_tinynet-12/tinynet-12/tinynet-12.onnx" ]] || fail "unpacked model"
[[ -d "$C/${dsha}_tinynet-12/tinynet-12/test_data_set_0" ]] || fail "unpacked test data"
[[ -z $(find "$WORK/onnx" -name '*.part.*' -o -name '*.tmp.*') ]] || fail "temp files left"

check cached 0 fetch tinynet-12 --with-data
# A cached file with the wrong content is replaced, not trusted.
echo garbage > "$C/${sha}_tinynet-12.onnx"
check refetch 0 fetch tinynet-12
expect_same "$C/${sha}_tinynet-12.onnx" "$SRC/samples/$TINYNET/tinynet-12.onnx"

# A manifest file as the source, and bad arguments.
check list_manifest 0 list --manifest ONNX_HUB_MANIFEST.json --model tinybert-13
check two_sources 2 list --manifest ONNX_HUB_MANIFEST.json --repo .
check missing_manifest 2 list --manifest "$WORK/none.json"
echo '{"not": "an array"}' > "$WORK/bad.json"
check not_a_manifest 1 list --manifest "$WORK/bad.json"
check fetch_no_model 2 fetch
