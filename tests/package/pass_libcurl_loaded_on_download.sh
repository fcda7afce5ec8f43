# libcurl (and the 18 libraries it brings) is not linked into the tool: the
# hub client loads it when a download starts (lib/hub/curl_library.cc). The
# dynamic linker's own trace shows generate without it and a remote list
# with it, the list still right.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
libs=$(ldd "$OHM")  # whole, not piped to grep -q: that could cut ldd off (pipefail)
[[ "$libs" != *libcurl* ]] || fail "the tool links libcurl: $(grep libcurl <<< "$libs")"
# loads_curl NAME ARGS...: whether the run of the tool loaded libcurl.
loads_curl() {
  local name=$1
  shift
  LD_DEBUG=files LD_DEBUG_OUTPUT="$WORK/$name.ld" "$OHM" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" || true
  cat "$WORK/$name.ld".* | grep -q "file=libcurl\.so"
}
! loads_curl generate generate --repo "$SRC/samples" -o - || fail "generate loaded libcurl"
cmp -s "$WORK/generate.out" "$SRC/samples/ONNX_HUB_MANIFEST.json" || fail "generate --repo samples gives another manifest"
start_server "$SRC/samples"
loads_curl list list --hub "http://127.0.0.1:$PORT/ok/" --format json || fail "a remote list did not load libcurl"
expect_same <(json_query "$WORK/list.out" "len(m)") <(json_query "$SRC/samples/ONNX_HUB_MANIFEST.json" "len(m)")
