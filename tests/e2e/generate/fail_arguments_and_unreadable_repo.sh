# Arguments and unreadable repositories exit 2 with one line; nothing is written.
source "$SRC/tests/e2e/lib.sh"
run generate --no-such-flag
expect_rc 2 "unknown flag"
run generate --discover sideways
expect_rc 2 "bad --discover"
run
expect_rc 2 "no subcommand"
run generate --repo "$WORK/missing"
expect_rc 2 "missing repo"
expect_stderr_has "onnx-hub-manifest: error: cannot read the zoo at $WORK/missing"
echo x > afile
run generate --repo afile
expect_rc 2 "repo is a file"
make_repo repo "$SRC/samples"
run generate --repo repo -o "$WORK/no/such/dir/out.json"
expect_rc 2 "unwritable output"
expect_stderr_has "cannot write $WORK/no/such/dir/out.json"
[[ -z $(ls "$WORK/repo" | grep tmp || true) ]] || fail "temp file left behind"
