# Readable failures (issue 11): --check prints one line per differing entry
# and field, then the unified diff cut at 200 lines (--full-diff: all of it).
source "$SRC/tests/e2e/lib.sh"
make_repo zoo "$SRC/tests/fixtures/zoo-b1eeaa1"
(cd zoo && "$OHM" generate -q 2>/dev/null && git add -A && git commit -qm generated)
# Re-indented: no entry differs, every line of the file does.
"$PY" -c 'import json,sys; m=json.load(open(sys.argv[1])); open(sys.argv[1],"w").write(json.dumps(m, indent=2))' \
  zoo/ONNX_HUB_MANIFEST.json
check reindented 1 generate --repo zoo --check
[[ $(wc -l < "$WORK/stdout") -lt 210 ]] || fail "the diff is not capped"
check reindented_full 1 generate --repo zoo --check --full-diff
[[ $(wc -l < "$WORK/stdout") -gt 5000 ]] || fail "--full-diff"
git -C zoo checkout -q -- ONNX_HUB_MANIFEST.json
"$PY" -c 'import json,sys; m=json.load(open(sys.argv[1])); m[0]["opset_version"] = 99; m[1]["model"] = "Renamed"
open(sys.argv[1],"w").write(json.dumps(m, indent=4))' zoo/ONNX_HUB_MANIFEST.json
check two_fields 1 generate --repo zoo --check
