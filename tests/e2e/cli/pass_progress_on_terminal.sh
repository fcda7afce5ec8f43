# Progress lines, on a terminal's stderr only (never with -q, never into a
# pipe or file): validate's and generate's models with percent and speed,
# fetch's downloads with percent, bytes, speed (and ETA while it runs), and
# cache verify's files. Sizes in binary units.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
source "$SRC/tests/e2e/git/gitzoo.sh"
make_repo zoo "$SRC/samples"

on_tty() { script -qec "$1" /dev/null > "$WORK/tty.txt" || { cat -A "$WORK/tty.txt" >&2; fail "$1 failed"; }; }
tty_has() { grep -qE -- "$1" "$WORK/tty.txt" || { cat -A "$WORK/tty.txt" >&2; fail "no '$1' on a terminal"; }; }
tty_lacks() { ! grep -qE -- "$1" "$WORK/tty.txt" || { cat -A "$WORK/tty.txt" >&2; fail "'$1' on a terminal"; }; }

on_tty "$OHM validate --repo zoo"
tty_has $'\r\033\\[K8/8 models, [0-9.]+ KiB of [0-9.]+ KiB \\(100%\\), [0-9.]+ [KM]?i?B/s'
tty_has "validate: 8 entries"
on_tty "$OHM validate --repo zoo -q"
tty_lacks "models,"
run validate --repo zoo
expect_stderr_lacks "models,"
expect_stderr_lacks $'\r'

on_tty "$OHM generate --repo zoo -o $WORK/out.json --format json"
tty_has "8/8 models, .* \\(100%\\)"

# A model of 3 MiB over HTTP: the download line ends at 100% of its size.
mkdir -p big/m
model big/m/big.onnx big $((3 << 20))
readme big/m "Big|big.onnx|13"
make_repo big
run generate --repo big
expect_rc 0 "big zoo"
start_server "$WORK/big"
export ONNX_HOME="$WORK/onnx"
on_tty "$OHM fetch --hub http://127.0.0.1:$PORT/ok/ --trust big"
tty_has $'\r\033\\[Kdownloading: 100%, 3\\.0 MiB of 3\\.0 MiB, [0-9.]+ [KMG]i?B/s'
tty_has "fetched: Big"
rm -rf "$WORK/onnx"
on_tty "$OHM fetch --hub http://127.0.0.1:$PORT/ok/ --trust big --quiet"
tty_lacks "downloading"
tty_lacks "fetched:"
rm -rf "$WORK/onnx"
run fetch --hub "http://127.0.0.1:$PORT/ok/" --trust big
expect_rc 0 "fetch without a terminal"
expect_stderr_lacks "downloading"
expect_stderr_has "fetched: Big"

on_tty "$OHM cache verify"
tty_has "1/1 files, 3\\.0 MiB of 3\\.0 MiB \\(100%\\)"
tty_has "cache verify: 1 file \\(3\\.0 MiB\\)"
run cache verify
expect_rc 0
expect_stderr_lacks "files,"
