# Arguments and unreadable repositories exit 2 with one line; nothing is written.
source "$SRC/tests/e2e/lib.sh"
check unknown_flag 2 generate --no-such-flag
check bad_discover 2 generate --discover sideways
check no_subcommand 2
check missing_repo 2 generate --repo "$WORK/missing"
echo x > afile
check repo_is_a_file 2 generate --repo afile
make_repo repo "$SRC/samples"
check unwritable_output 2 generate --repo repo -o "$WORK/no/such/dir/out.json"
[[ -z $(ls "$WORK/repo" | grep tmp || true) ]] || fail "temp file left behind"
