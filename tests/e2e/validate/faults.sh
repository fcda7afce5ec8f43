# Helpers for the validate fault-injection cases (sourced after tests/e2e/lib.sh).
# The sample zoo is committed once in $WORK/pristine; each fault starts from a
# fresh copy in $WORK/z, breaks one thing and compares every finding.

make_repo pristine "$SRC/samples"
chmod -R u+w pristine

# TinyNet-7's real test data, for archives whose fault lies elsewhere.
mkdir -p "$WORK/td" && tar -xzf pristine/vision/classification/tinynet/model/tinynet-7.tar.gz -C "$WORK/td"
TD7="tinynet-7/test_data_set_0/input_0.pb=$WORK/td/tinynet-7/test_data_set_0/input_0.pb tinynet-7/test_data_set_0/output_0.pb=$WORK/td/tinynet-7/test_data_set_0/output_0.pb"

# fresh: $WORK/z is the untouched sample zoo, committed.
fresh() { rm -rf "$WORK/z"; cp -a "$WORK/pristine" "$WORK/z"; }

# fault NAME DESCRIPTION: starts the fault NAME (the prefix of its steps' names) on a fresh zoo.
fault() { FAULT_STEP=$1 FAULT=$2; fresh; }

M=z/ONNX_HUB_MANIFEST.json

# line_of FILE TEXT [AFTER]: the first line of FILE holding TEXT (after line AFTER).
line_of() {
  awk -v t="$2" -v a="${3:-0}" 'NR > a && index($0, t) { print NR; exit }' "$1"
}

# entry_line MODEL_PATH KEY: the line of KEY in the manifest entry for MODEL_PATH.
entry_line() {
  local at; at=$(line_of "$M" "\"model_path\": \"$1\"")
  line_of "$M" "\"$2\"" $((at - 3))
}

# expect_findings RC [ARGS...] <<< "check severity file line" lines: runs
# validate --format json on z (step NAME, or NAME.strict with --strict: the
# fault's name, then ARGS without their dashes) and compares every finding
# and the exit code; check compares the whole report too.
expect_findings() {
  local rc=$1 step=$FAULT_STEP arg; shift
  for arg in "$@"; do step+=.${arg##*-}; done
  check "$step" "$rc" validate --repo z --format json "$@"
  "$PY" -c '
import json, sys
m = json.load(open(sys.argv[1]))
for f in sorted(m["findings"], key=lambda f: (f["file"], f["line"], f["check"])):
    print(f["check"], f["severity"], f["file"], f["line"])
' "$WORK/stdout" > "$WORK/got.txt" || { cat "$WORK/stdout" "$WORK/stderr" >&2; fail "no JSON report"; }
  sort -k3,3 -k4,4n -k1,1 > "$WORK/want.txt"
  if ! cmp -s "$WORK/want.txt" "$WORK/got.txt"; then
    echo "--- expected / +++ got (${FAULT:-})" >&2
    diff "$WORK/want.txt" "$WORK/got.txt" >&2 || true
    cat "$WORK/stderr" >&2
    fail "findings differ for ${FAULT:-}"
  fi
}

# tarball OUT MEMBER=SOURCE ...: a .tar.gz whose members are named as given
# (names may be unsafe); SOURCE is a file, or "-" for a few bytes.
tarball() {
  "$PY" - "$@" <<'PYEOF'
import io, sys, tarfile
out, members = sys.argv[1], sys.argv[2:]
with tarfile.open(out, "w:gz") as tar:
    for m in members:
        name, src = m.split("=", 1)
        data = open(src, "rb").read() if src != "-" else b"data"
        info = tarfile.TarInfo(name)
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
PYEOF
}

# regenerate RC: rewrites z's manifest so that only the injected fault remains
# (step NAME.generate: what generate makes of the fault is checked too).
regenerate() { check "$FAULT_STEP.generate" "$1" generate --repo z --quiet; }
