# The tool built with mimalloc gives generate and validate large OS pages,
# committed at once (tools/allocator_options.cc), set before mimalloc starts:
# mimalloc's own start-up report shows them. Other commands keep mimalloc's
# defaults, and an option the environment sets wins.
source "$SRC/tests/e2e/lib.sh"
# options CMD...: the two options as mimalloc reports them when it starts.
options() {
  MIMALLOC_VERBOSE=1 "$@" > /dev/null 2> log || true
  awk '/^mimalloc: option .(large_os_pages|eager_commit_delay).:/ { print $3, $4 }' log | tr '\n' ' '
}
libs=$(ldd "$OHM")  # whole, not piped to grep -q: that could cut ldd off (pipefail)
if [[ "$libs" != *libmimalloc* ]]; then
  # Sanitizer and fuzz builds: no mimalloc, so no report and nothing set.
  [[ -z "$(options "$OHM" generate --repo "$SRC/samples" -o -)" ]] || fail "a report without mimalloc"
  exit 0
fi
expect() {
  local want="$1"; shift
  local got; got=$(options "$@")
  [[ "$got" == "$want" ]] || fail "$*: mimalloc reports '$got', expected '$want'"
}
expect "'large_os_pages': 1 'eager_commit_delay': 0 " "$OHM" generate --repo "$SRC/samples" -o -
expect "'large_os_pages': 1 'eager_commit_delay': 0 " "$OHM" validate --repo "$SRC/samples"
expect "'large_os_pages': 0 'eager_commit_delay': 1 " "$OHM" inspect "$SRC/samples/README.md"
expect "'large_os_pages': 0 'eager_commit_delay': 1 " "$OHM" --version
MIMALLOC_LARGE_OS_PAGES=0 expect "'large_os_pages': 0 'eager_commit_delay': 0 " "$OHM" generate --repo "$SRC/samples" -o -
MIMALLOC_EAGER_COMMIT_DELAY=2 expect "'large_os_pages': 1 'eager_commit_delay': 2 " "$OHM" validate --repo "$SRC/samples"
