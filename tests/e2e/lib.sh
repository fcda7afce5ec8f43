# Shared helpers for end-to-end cases. Each case is a bash script that runs in
# a fresh temp folder ($WORK) with $OHM (the binary), $SRC (the source tree)
# and $PY (Debian's python3) set; it fails on the first broken expectation.
# Every run of the tool goes through `check`, which compares its whole output
# with a committed file; tests/e2e/README.md says how cases are written.
set -euo pipefail
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ohm-e2e-XXXXXX")
# The case's expected outcomes: <command>/<case>/<step>.expected beside <command>/<case>.sh.
EXPECTED=$(cd "$(dirname "$0")" && pwd)/$(basename "$0" .sh)
mkdir "$WORK/.e2e"  # check's own files: the outcomes seen, the steps run
cd "$WORK"
export GIT_CONFIG_NOSYSTEM=1 HOME="$WORK/home"
# git, coreutils and pre-commit speak the user's language otherwise: the expected files are in C's.
export LC_ALL=C.UTF-8
unset LANGUAGE
mkdir -p "$HOME"
git config --global user.name "e2e" && git config --global user.email "e2e@example.invalid"
git config --global init.defaultBranch main && git config --global commit.gpgsign false

fail() { echo "FAIL: $*" >&2; exit 1; }

# at_exit COMMAND: runs COMMAND when the case ends, before $WORK is removed.
AT_EXIT=
at_exit() { AT_EXIT+="$1"$'\n'; }
finish_case() {
  local rc=$?
  eval "$AT_EXIT" || true
  if ((rc == 0)); then no_stale_expected_files || rc=1; fi
  rm -rf "$WORK"
  exit "$rc"
}
trap finish_case EXIT

# check STEP RC ARGS...: runs the tool with ARGS, requires exit code RC, and
# compares the whole outcome (command line, exit code, stdout and stderr,
# normalized) with the committed $EXPECTED/STEP.expected, printing a unified
# diff when they differ. stdout, stderr and the exit code stay in
# $WORK/stdout, $WORK/stderr and $RC for further checks. With
# OHM_E2E_UPDATE=1 it rewrites the file instead (the exit code is still
# required: a wrong one is never written down).
check() {
  local step=$1 rc=$2
  shift 2
  check_command "$step" "$rc" "$OHM" "$@"
}

# check_command STEP RC COMMAND...: as check, for a command that runs the
# tool itself (git commit with a pre-commit hook, say).
check_command() {
  local step=$1 rc=$2
  shift 2
  set +e
  "$@" >"$WORK/stdout" 2>"$WORK/stderr"
  RC=$?
  set -e
  outcome "$@" | normalize | compare_outcome "$step" "$rc" || exit 1 # also where a caller's && or if suspends set -e
}

# check_on_terminal STEP RC TYPED ARGS...: as check, with the tool's stdin,
# stdout and stderr on a pseudo-terminal that TYPED is typed into. The
# expected file holds what the terminal shows (stdout and stderr together, in
# $WORK/stdout), with <CR> for a carriage return and <EL> for "erase the line".
# Progress lines are redrawn as often as time allows, and show a rate: all but
# the last are dropped, and its rate reads <rate> (a download's last line is
# its 100% line).
check_on_terminal() {
  local step=$1 rc=$2 typed=$3
  shift 3
  set +e
  "$PY" "$SRC/tests/e2e/on_terminal.py" "$typed" "$OHM" "$@" >"$WORK/stdout"
  RC=$?
  set -e
  : >"$WORK/stderr"
  {
    command_line "$OHM" "$@"
    printf '[on a terminal, typed: %q]\n[exit %s]\n[terminal]\n' "$typed" "$RC"
    stream "$WORK/stdout" | sed -e 's/\r/<CR>/g' -e 's/\x1b\[K/<EL>/g' | sed -E \
      -e ':progress' -e 's#<CR><EL>[0-9]+/[0-9]+ (models|files), [^<]*(<CR><EL>[0-9]+/[0-9]+ (models|files), )#\2#' \
      -e 't progress' -e 's#( (models|files), [^<]* of [^<,]*, )[0-9.]+ [A-Za-z]*/s#\1<rate>#g' \
      -e ':download' -e 's#<CR>(<EL>)?downloading: [^<]*(<CR>(<EL>)?downloading: )#\2#' -e 't download' \
      -e 's#(<CR>(<EL>)?downloading: [^<]*, )[0-9.]+ [A-Za-z]*/s#\1<rate>#g'
  } | normalize | compare_outcome "$step" "$rc" || exit 1
}

# outcome COMMAND...: the last run as an expected file holds it (before normalize).
outcome() {
  command_line "$@"
  printf '[exit %s]\n[stdout]\n' "$RC"
  stream "$WORK/stdout"
  printf '[stderr]\n'
  stream "$WORK/stderr"
}
command_line() {
  if [[ "$1" == "$OHM" ]]; then printf '$ onnx-hub-manifest'; else printf '$ %q' "$1"; fi
  shift
  (($# == 0)) || printf ' %q' "$@"
  printf '\n'
}
stream() {
  cat "$1"
  [[ -z $(tail -c1 "$1") ]] || printf '\n[no newline at the end]\n'
}

# compare_outcome STEP RC < OUTCOME: the comparison (or the update) of check.
compare_outcome() {
  local step=$1 rc=$2
  [[ "$step" =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]] || fail "step name '$step': use letters, digits, . _ -"
  ! grep -qxF -- "$step" "$WORK/.e2e/steps" 2>/dev/null || fail "step $step is checked twice"
  echo "$step" >>"$WORK/.e2e/steps" # a file, so that steps run in a subshell count too
  local want="$EXPECTED/$step.expected" got="$WORK/.e2e/$step.expected"
  cat >"$got"
  if [[ -n "${OHM_E2E_UPDATE:-}" ]]; then
    expect_rc "$rc" "step $step"
    cmp -s "$want" "$got" 2>/dev/null || { mkdir -p "$EXPECTED" && cp "$got" "$want" && echo "wrote ${want#"$SRC"/}" >&2; }
    return
  fi
  [[ -f "$want" ]] || { cat "$got" >&2; fail "step $step: no ${want#"$SRC"/} (OHM_E2E_UPDATE=1 writes it; review it)"; }
  diff -u --label "${want#"$SRC"/}" --label "this run" "$want" "$got" >&2 ||
    fail "step $step: the outcome differs from ${want#"$SRC"/} (tests/e2e/README.md)"
  expect_rc "$rc" "step $step"
}

# normalize: an outcome with what differs between machines and runs replaced by
# names, so that an expected file holds the same bytes everywhere: the binary
# is $OHM, this case's temp folder $WORK, the source tree $SRC, the loopback
# server's port (hub cases) $PORT, an atomic write's temp name ends in
# .tmp.<pid>.XXXXXX, libgit2's text after "unknown revision R" is
# <libgit2 message>, and the escape character of colours is <ESC>. A case
# adds sed expressions for its own volatile lines to FILTERS, each with a
# comment saying why.
FILTERS=()
normalize() {
  local exprs=("${NORMALIZE[@]}")
  [[ -z "${PORT:-}" ]] || exprs+=(-e "s/127\.0\.0\.1:$PORT\b/127.0.0.1:\$PORT/g")
  local f
  for f in "${FILTERS[@]}"; do exprs+=(-e "$f"); done
  sed "${exprs[@]}"
}
# sed_literal TEXT: TEXT as a sed regular expression that matches it literally.
sed_literal() { printf '%s' "$1" | sed 's/[][\/.*^$]/\\&/g'; }
# The case's fixed replacements, made once.
NORMALIZE=(-e "s/$(sed_literal "$OHM")/\$OHM/g")
for name in WORK SRC; do  # $WORK first: it may lie inside $SRC, never the other way round
  for dir in "${!name}" "$(cd "${!name}" && pwd -P)"; do  # as given, and without symlinks
    NORMALIZE+=(-e "s/$(sed_literal "$dir")/\$$name/g")
  done
done
unset name dir
NORMALIZE+=(-e 's/\.tmp\.[0-9]\+\.[A-Za-z0-9]\{6\}/.tmp.<pid>.XXXXXX/g')
# "unknown revision R: " ends with libgit2's own words, which change with its version.
NORMALIZE+=(-e 's/\(unknown revision [^ :]*\): .*/\1: <libgit2 message>/')
# Colour (--color, or auto on a terminal) as readable text: <ESC>[1;31m.
NORMALIZE+=(-e 's/\x1b/<ESC>/g')

# Every expected file of the case must be a step the case ran: one left by a
# renamed or removed step would otherwise be kept and read as if it were checked.
no_stale_expected_files() {
  local file step stale=0
  for file in "$EXPECTED"/*.expected; do
    [[ -e "$file" ]] || continue
    step=$(basename "$file" .expected)
    grep -qxF -- "$step" "$WORK/.e2e/steps" 2>/dev/null && continue
    if [[ -n "${OHM_E2E_UPDATE:-}" ]]; then
      rm "$file" && echo "removed ${file#"$SRC"/}" >&2
    else
      echo "FAIL: ${file#"$SRC"/}: no step $step ran (OHM_E2E_UPDATE=1 removes it)" >&2
      stale=1
    fi
  done
  return "$stale"
}

expect_rc() { [[ "$RC" == "$1" ]] || { cat "$WORK/stderr" >&2; fail "exit code $RC, expected $1 (${2:-})"; }; }
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
