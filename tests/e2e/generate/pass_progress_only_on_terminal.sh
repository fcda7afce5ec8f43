# The progress line appears only when stderr is a terminal, and never with --quiet.
source "$SRC/tests/e2e/lib.sh"
make_repo repo "$SRC/samples"
script -qec "$OHM generate --repo repo -o out.json" /dev/null > tty.txt
grep -qF "8/8 models," tty.txt || { cat -A tty.txt >&2; fail "no progress line on a terminal"; }
script -qec "$OHM generate --repo repo -o out.json --quiet" /dev/null > quiet.txt
! grep -qF "models," quiet.txt || fail "progress shown with --quiet"
[[ ! -s quiet.txt ]] || fail "--quiet printed a summary on a clean run"
run generate --repo repo -o out.json
expect_stderr_lacks "models,"
expect_stderr_has "generate: wrote 8 entries from 4 READMEs: 0 errors, 0 warnings"
