# Bad arguments are refused at once as usage errors (exit 2), never taken to
# mean something else: an empty value (`--repo ''` walked the current folder
# for ever), a negative or overflowing limit (`--max-entries -1` meant "no
# limit"), a signed or non-numeric opset.
source "$SRC/tests/e2e/lib.sh"
make_repo zoo "$SRC/samples"
check empty_repo 2 generate --repo ''
check empty_output 2 generate --repo zoo -o ''
check empty_rev 2 validate --repo zoo --rev ''
check empty_cache 2 fetch --repo zoo TinyNet-12 --cache ''
check negative_max_entries 2 fetch --repo zoo TinyNet-12 --with-data --max-entries -1
check zero_max_entries 2 fetch --repo zoo TinyNet-12 --with-data --max-entries 0
check overflowing_max_unpacked_bytes 2 fetch --repo zoo TinyNet-12 --with-data --max-unpacked-bytes 99999999999999999999
check word_max_entries 2 fetch --repo zoo TinyNet-12 --with-data --max-entries many
check signed_opset 2 info --repo zoo TinyNet --opset +12
check negative_opset 2 fetch --repo zoo TinyNet --opset -1
[[ ! -e "$HOME/.cache" ]] || fail "a refused command line wrote a cache"
