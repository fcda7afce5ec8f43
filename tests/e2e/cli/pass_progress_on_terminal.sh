# Progress lines, on a terminal only (never with -q, never into a pipe or
# file): validate's and generate's models, fetch's downloads (percent, bytes
# and speed; an ETA while one runs) and cache verify's files. Sizes in binary
# units. The terminal shows the last state of each line (lib.sh keeps it).
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
source "$SRC/tests/e2e/git/gitzoo.sh"
make_repo zoo "$SRC/samples"

check_on_terminal validate_terminal 0 "" validate --repo zoo
check_on_terminal validate_terminal_quiet 0 "" validate --repo zoo -q
check validate_no_terminal 0 validate --repo zoo
check_on_terminal generate_json_terminal 0 "" generate --repo zoo -o "$WORK/out.json" --format json

# A model of 3 MiB over HTTP: the download line ends at 100% of its size.
mkdir -p big/m
model big/m/big.onnx big $((3 << 20))
readme big/m "Big|big.onnx|13"
make_repo big
check big_generate 0 generate --repo big
start_server "$WORK/big"
export ONNX_HOME="$WORK/onnx"
check_on_terminal fetch_terminal 0 "" fetch --hub "http://127.0.0.1:$PORT/ok/" --trust big
rm -rf "$WORK/onnx"
check_on_terminal fetch_terminal_quiet 0 "" fetch --hub "http://127.0.0.1:$PORT/ok/" --trust big --quiet
rm -rf "$WORK/onnx"
check fetch_no_terminal 0 fetch --hub "http://127.0.0.1:$PORT/ok/" --trust big

check_on_terminal cache_verify_terminal 0 "" cache verify
check cache_verify_no_terminal 0 cache verify
