# The progress line appears only when stderr is a terminal, and never with --quiet.
source "$SRC/tests/e2e/lib.sh"
make_repo repo "$SRC/samples"
check_on_terminal terminal 0 "" generate --repo repo -o out.json
check_on_terminal terminal_quiet 0 "" generate --repo repo -o out.json --quiet
check no_terminal 0 generate --repo repo -o out.json
