# One CLI grammar: every command (and every cache verb) takes --version, -q/--quiet,
# --format (its forms, and refuses others), --color auto|always|never (NO_COLOR
# honoured, colour only on a terminal), and names its values in --help.
source "$SRC/tests/e2e/lib.sh"
unset ONNX_HOME XDG_CACHE_HOME NO_COLOR
make_repo zoo "$SRC/samples"
M=zoo/vision/classification/tinynet/model
echo "not a folder" > "$WORK/afile"

# name | arguments of a clean run | its --format forms | arguments of a failing run
CASES=(
  "generate|generate --repo zoo -o $WORK/out.json|text json github|generate --repo $WORK/missing"
  "validate|validate --repo zoo|text json github|validate --repo $WORK/missing"
  "inspect|inspect $M/tinynet-12.onnx|json text|inspect $WORK/missing.onnx"
  "list|list --repo zoo|text json|list --repo zoo --model nosuchmodel"
  "info|info --repo zoo TinyNet-12|json text|info --repo zoo nosuchmodel"
  "fetch|fetch --repo zoo TinyNet-12 --cache $WORK/cache|text json|fetch --repo zoo nosuchmodel --cache $WORK/cache"
  "cache dir|cache dir --cache $WORK/cache|text json|"
  "cache list|cache list --cache $WORK/cache|text json|cache list --cache $WORK/afile"
  "cache verify|cache verify --cache $WORK/cache|text json|cache verify --cache $WORK/afile"
  "cache prune|cache prune --cache $WORK/cache|text json|cache prune --cache $WORK/afile"
)
ESC=$'\033['

for case in "${CASES[@]}"; do
  IFS='|' read -r name clean forms failing <<<"$case"
  read -ra cmd <<<"$name"

  run "${cmd[@]}" --version
  expect_rc 0 "$name --version"
  grep -qE '^[0-9]+\.[0-9]+\.[0-9]+ \(commit ([0-9a-f]{7,}|unknown)\)$' "$WORK/stdout" \
    || fail "$name --version printed: $(cat "$WORK/stdout")"

  run "${cmd[@]}" --help
  expect_rc 0 "$name --help"
  for flag in "-q,--quiet" "--format ${forms// /|}" "--color auto|always|never" "--version"; do
    expect_stdout_has "$flag"
  done
  # Every value has a name (DIR, FILE, REV, N, MODEL, ...), never CLI11's TEXT, INT or ENUM.
  ! grep -qwE 'TEXT|INT|UINT|FLOAT|ENUM' "$WORK/stdout" || fail "$name --help: $(grep -wE 'TEXT|INT|UINT|FLOAT|ENUM' "$WORK/stdout")"

  read -ra args <<<"$clean"
  run "${args[@]}"
  expect_rc 0 "$name"
  for q in -q --quiet; do
    run "${args[@]}" $q
    expect_rc 0 "$name $q"
    [[ ! -s "$WORK/stderr" ]] || fail "$name $q printed on stderr: $(cat "$WORK/stderr")"
  done
  for form in $forms; do
    run "${args[@]}" --format "$form"
    expect_rc 0 "$name --format $form"
    if [[ $form == json ]]; then
      "$PY" -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/stdout" || fail "$name --format json: not JSON"
    fi
  done
  run "${args[@]}" --format xml
  expect_rc 2 "$name --format xml"
  run "${args[@]}" --color sometimes
  expect_rc 2 "$name --color sometimes"

  [[ -n "$failing" ]] || continue
  read -ra bad <<<"$failing"
  run "${bad[@]}" --color always
  [[ $RC != 0 ]] || fail "$name: the failing run passed"
  expect_stderr_has "${ESC}1;31merror${ESC}0m"
  for quiet_colour in "--color never" "--color auto" ""; do
    run "${bad[@]}" $quiet_colour
    expect_stderr_lacks "$ESC"
  done
  # On a terminal auto colours, unless NO_COLOR is set (or --color never).
  script -qec "$OHM ${failing}" /dev/null > tty.txt || true
  grep -qF "${ESC}1;31merror" tty.txt || { cat -A tty.txt >&2; fail "$name: no colour on a terminal"; }
  NO_COLOR=1 script -qec "$OHM ${failing}" /dev/null > tty.txt || true
  ! grep -qF "$ESC" tty.txt || fail "$name: colour with NO_COLOR"
  script -qec "$OHM ${failing} --color never" /dev/null > tty.txt || true
  ! grep -qF "$ESC" tty.txt || fail "$name: colour with --color never"
done

# The summary's counts are painted too, the plain text is unchanged otherwise.
run validate --repo zoo --manifest "$SRC/samples/README.md" --color always
expect_rc 1 "not a manifest"
grep -qF "${ESC}1;31m1 error${ESC}0m, 0 warnings" "$WORK/stderr" || { cat -A "$WORK/stderr" >&2; fail "summary not painted"; }
run validate --repo zoo --manifest "$SRC/samples/README.md"
expect_stderr_has ": 1 error, 0 warnings"

# The top level answers --version the same way.
run --version
expect_rc 0
grep -qE '^[0-9.]+ \(commit ' "$WORK/stdout" || fail "top-level --version"
