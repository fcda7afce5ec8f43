# Network faults each get one clear line and a defined exit code, and leave
# nothing in the cache: 404, a truncated body, a wrong hash, a server that
# stops answering, and plain http:// to a non-loopback host.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
start_server "$SRC/samples"
export ONNX_HOME="$WORK/onnx"
base="http://127.0.0.1:$PORT"
# What follows the URL of a transfer that failed below HTTP is curl's own text,
# which changes with curl's version (and "after N ms" with the machine).
FILTERS+=('s/\(no data for [0-9]* s or no connection within [0-9]* s\) (.*)$/\1 (<curl message>)/'
  '/<curl message>/!s/^\(onnx-hub-manifest: error: .*http:\/\/127\.0\.0\.1:[^ ]*\): .*/\1: <curl message>/')

check http_404 1 fetch --hub "$base/missing/" --trust tinynet-12
[[ -z $(files_under "$WORK/onnx") ]] || fail "404 left a file"

check truncated 2 fetch --hub "$base/truncated/" --trust --retries 1 tinynet-12
[[ -z $(files_under "$WORK/onnx") ]] || fail "truncated download left a file"

check wrong_hash 1 fetch --hub "$base/wronghash/" --trust tinynet-12
[[ -z $(files_under "$WORK/onnx") ]] || fail "wrong hash left a file"

start=$(date +%s)
check stall 2 fetch --hub "$base/stall/" --trust --stall-timeout 2 --retries 0 tinynet-12
(( $(date +%s) - start < 20 )) || fail "stall timeout not honoured"
[[ -z $(files_under "$WORK/onnx") ]] || fail "stall left a file"

check non_loopback_http 2 fetch --hub "http://example.org/zoo/" --trust tinynet-12
check other_scheme 2 list --hub "ftp://127.0.0.1/"
check malformed_hub 2 list --hub "not a hub"

# A port nobody listens on: a clear connection error, exit 2.
check connection_refused 2 list --hub "http://127.0.0.1:1/" --retries 0
