# Shared helpers for end-to-end cases. Each case is a bash script that runs in
# a fresh temp folder ($WORK) with $OHM (the binary), $SRC (the source tree)
# and $PY (Debian's python3) set; it fails on the first broken expectation.
set -euo pipefail
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ohm-e2e-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
export GIT_CONFIG_NOSYSTEM=1 HOME="$WORK/home"
mkdir -p "$HOME"
git config --global user.name "e2e" && git config --global user.email "e2e@example.invalid"
git config --global init.defaultBranch main && git config --global commit.gpgsign false

fail() { echo "FAIL: $*" >&2; exit 1; }

# run CMD...: runs the tool, capturing stdout, stderr and the exit code.
run() {
  set +e
  "$OHM" "$@" >"$WORK/stdout" 2>"$WORK/stderr"
  RC=$?
  set -e
}

expect_rc() { [[ "$RC" == "$1" ]] || { cat "$WORK/stderr" >&2; fail "exit code $RC, expected $1 (${2:-})"; }; }
expect_stderr_has() { grep -qF -- "$1" "$WORK/stderr" || { cat "$WORK/stderr" >&2; fail "stderr lacks: $1"; }; }
expect_stderr_lacks() { ! grep -qF -- "$1" "$WORK/stderr" || { cat "$WORK/stderr" >&2; fail "stderr has: $1"; }; }
expect_stdout_has() { grep -qF -- "$1" "$WORK/stdout" || { head -50 "$WORK/stdout" >&2; fail "stdout lacks: $1"; }; }
expect_same() { cmp -s "$1" "$2" || { diff "$1" "$2" | head -40 >&2; fail "$1 and $2 differ"; }; }

# make_repo DIR [FROM]: a git repository at DIR holding a copy of FROM, committed.
make_repo() {
  mkdir -p "$1"
  if [[ -n "${2:-}" ]]; then cp -r "$2"/. "$1"/; fi
  git -C "$1" init -q
  git -C "$1" add -A
  git -C "$1" commit -qm "fixture"
}

# json_query FILE EXPR: evaluates a Python expression over the parsed JSON `m`.
json_query() { "$PY" -c "import json,sys; m=json.load(open(sys.argv[1])); print($2)" "$1"; }
