# Network faults each get one clear line and a defined exit code, and leave
# nothing in the cache: 404, a truncated body, a wrong hash, a server that
# stops answering or trickles, a size that is not the manifest's, and plain
# http:// to a non-loopback host.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
# The samples and one model larger than a Git LFS pointer can be (4 KB).
make_repo zoo "$SRC/samples"
cp /usr/share/libonnx-testdata/data/node/test_hannwindow_symmetric_expanded/model.onnx zoo/other/tabular/tiny_mlp/model/hann-17.onnx
echo '|Hann |[x](model/hann-17.onnx) |1.12 |17 |' >> zoo/other/tabular/tiny_mlp/README.md
"$OHM" generate --repo zoo -q
start_server zoo
export ONNX_HOME="$WORK/onnx"
base="http://127.0.0.1:$PORT"
# What follows the URL of a transfer that failed below HTTP is curl's own text,
# which changes with curl's version (and "after N ms" with the machine).
FILTERS+=('s/\(less than [0-9]* bytes\/s for [0-9]* s, no connection within [0-9]* s, or not all within [0-9]* s\) (.*)$/\1 (<curl message>)/'
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

# Two bytes a second never end a 4 KB download: the low-speed limit does.
start=$(date +%s)
check trickle 2 fetch --hub "$base/trickle/" --trust --stall-timeout 2 --retries 0 Hann
(( $(date +%s) - start < 20 )) || fail "low-speed limit not honoured"
# The speed over the window is enough, the whole file is not: the deadline ends it.
check trickle_deadline 2 fetch --hub "$base/trickle/" --trust --min-speed 1 --min-average-speed 1000000 --stall-timeout 1 --connect-timeout 1 --retries 0 Hann
(( $(date +%s) - start < 30 )) || fail "per-file deadline not honoured"
check wrong_length 1 fetch --hub "$base/wronglength/" --trust Hann
check longer 1 fetch --hub "$base/longer/" --trust Hann
[[ -z $(files_under "$WORK/onnx") ]] || fail "a slow or wrong-size download left a file"

check non_loopback_http 2 fetch --hub "http://example.org/zoo/" --trust tinynet-12
check other_scheme 2 list --hub "ftp://127.0.0.1/"
check malformed_hub 2 list --hub "not a hub"

# A port nobody listens on: a clear connection error, exit 2.
check connection_refused 2 list --hub "http://127.0.0.1:1/" --retries 0
