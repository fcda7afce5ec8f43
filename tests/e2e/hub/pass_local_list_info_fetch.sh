# list, info and fetch against a local zoo: query semantics, cache layout and reuse.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
make_repo repo "$SRC/samples"
cd repo

run list
expect_rc 0 "list"
expect_stdout_has "TinyNet-12"
expect_stdout_has "MODEL"
run list --model TINYBERT --format json
expect_rc 0 "list by model"
[[ $(json_query "$WORK/stdout" "len(m)") == 1 ]] || fail "one TinyBERT expected"
run list --tag VISION --tag nothing --format json
[[ $(json_query "$WORK/stdout" "sorted(e['model'] for e in m)") == "['TinyNet-12', 'TinyNet-7', 'TinyNet-preproc']" ]] || fail "tags"

run info tinynet-7
expect_rc 0 "info"
[[ $(json_query "$WORK/stdout" "m['opset_version']") == 7 ]] || fail "info opset"
run info TinyNet-7 --opset 9
expect_rc 1 "missing opset"
expect_stderr_has "TinyNet-7 has no version with opset 9; opsets: 7 [hub.no-such-opset]"
run info nosuchmodel
expect_rc 1 "missing model"
expect_stderr_has "no model named 'nosuchmodel'"

# Cache root: $ONNX_HOME/hub, then $XDG_CACHE_HOME/onnx/hub, then ~/.cache/onnx/hub.
sha=$(json_query ONNX_HUB_MANIFEST.json "[e for e in m if e['model']=='TinyNet-12'][0]['metadata']['model_sha']")
dsha=$(json_query ONNX_HUB_MANIFEST.json "[e for e in m if e['model']=='TinyNet-12'][0]['metadata']['model_with_data_sha']")
run fetch TinyNet-12
expect_rc 0 "fetch to home"
[[ -f "$HOME/.cache/onnx/hub/$TINYNET/${sha}_tinynet-12.onnx" ]] || fail "home cache"
XDG_CACHE_HOME="$WORK/xdg" run fetch TinyNet-12
[[ -f "$WORK/xdg/onnx/hub/$TINYNET/${sha}_tinynet-12.onnx" ]] || fail "xdg cache"
export ONNX_HOME="$WORK/onnx"
XDG_CACHE_HOME="$WORK/xdg2" run fetch tinynet-12 --with-data
expect_rc 0 "fetch with data"
[[ ! -e "$WORK/xdg2" ]] || fail "ONNX_HOME must win over XDG_CACHE_HOME"
C="$WORK/onnx/hub/$TINYNET"
expect_same "$C/${sha}_tinynet-12.onnx" "$SRC/samples/$TINYNET/tinynet-12.onnx"
expect_same "$C/${dsha}_tinynet-12.tar.gz" "$SRC/samples/$TINYNET/tinynet-12.tar.gz"
[[ -f "$C/${dsha}_tinynet-12/tinynet-12/tinynet-12.onnx" ]] || fail "unpacked model"
[[ -d "$C/${dsha}_tinynet-12/tinynet-12/test_data_set_0" ]] || fail "unpacked test data"
expect_stdout_has "$C/${sha}_tinynet-12.onnx"
expect_stdout_has "$C/${dsha}_tinynet-12"
[[ -z $(find "$WORK/onnx" -name '*.part.*' -o -name '*.tmp.*') ]] || fail "temp files left"

run fetch tinynet-12 --with-data
expect_rc 0 "cached"
expect_stderr_has "cached: TinyNet-12"
# A cached file with the wrong content is replaced, not trusted.
echo garbage > "$C/${sha}_tinynet-12.onnx"
run fetch tinynet-12
expect_rc 0 "refetch"
expect_stderr_has "fetched: TinyNet-12"
expect_same "$C/${sha}_tinynet-12.onnx" "$SRC/samples/$TINYNET/tinynet-12.onnx"

# A manifest file as the source, and bad arguments.
run list --manifest ONNX_HUB_MANIFEST.json --model tinybert-13
expect_rc 0 "--manifest"
expect_stdout_has "TinyBERT-13"
run list --manifest ONNX_HUB_MANIFEST.json --repo .
expect_rc 2 "two sources"
run list --manifest "$WORK/none.json"
expect_rc 2 "missing manifest"
echo '{"not": "an array"}' > "$WORK/bad.json"
run list --manifest "$WORK/bad.json"
expect_rc 1 "not a manifest"
run fetch
expect_rc 2 "no model"
