# Network faults each get one clear line and a defined exit code, and leave
# nothing in the cache: 404, a truncated body, a wrong hash, a server that
# stops answering, and plain http:// to a non-loopback host.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
start_server "$SRC/samples"
export ONNX_HOME="$WORK/onnx"
base="http://127.0.0.1:$PORT"

run fetch --hub "$base/missing/" --trust tinynet-12
expect_rc 1 "404"
expect_stderr_has "HTTP 404"
[[ -z $(files_under "$WORK/onnx") ]] || fail "404 left a file"

run fetch --hub "$base/truncated/" --trust --retries 1 tinynet-12
expect_rc 2 "truncated body"
expect_stderr_has "onnx-hub-manifest: error: $base/truncated/$TINYNET/tinynet-12.onnx"
[[ -z $(files_under "$WORK/onnx") ]] || fail "truncated download left a file"

run fetch --hub "$base/wronghash/" --trust tinynet-12
expect_rc 1 "wrong hash"
expect_stderr_has "[hub.sha-mismatch]"
[[ -z $(files_under "$WORK/onnx") ]] || fail "wrong hash left a file"

start=$(date +%s)
run fetch --hub "$base/stall/" --trust --stall-timeout 2 --retries 0 tinynet-12
expect_rc 2 "stalled server"
expect_stderr_has "no data for 2 s"
(( $(date +%s) - start < 20 )) || fail "stall timeout not honoured"
[[ -z $(files_under "$WORK/onnx") ]] || fail "stall left a file"
[[ $(wc -l < "$WORK/stderr") == 1 ]] || { cat "$WORK/stderr"; fail "one line expected"; }

run fetch --hub "http://example.org/zoo/" --trust tinynet-12
expect_rc 2 "non-loopback http"
expect_stderr_has "plain http:// is allowed only to a loopback address"
run list --hub "ftp://127.0.0.1/"
expect_rc 2 "other scheme"
run list --hub "not a hub"
expect_rc 2 "malformed --hub"

# A port nobody listens on: a clear connection error, exit 2.
run list --hub "http://127.0.0.1:1/" --retries 0
expect_rc 2 "connection refused"
expect_stderr_has "cannot read the hub's manifest"
