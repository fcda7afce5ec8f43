# GitHub shows at most 10 error and 10 warning annotations per step (issue
# 11): past that the 10th says how many more there are, the rest go to the
# log, and $GITHUB_STEP_SUMMARY gets a Markdown table of every finding.
source "$SRC/tests/e2e/lib.sh"
make_repo zoo "$SRC/tests/fixtures/zoo-b1eeaa1"
(cd zoo && "$OHM" generate -q 2>/dev/null && git add -A && git commit -qm generated)
"$PY" -c 'import json,sys; m=json.load(open(sys.argv[1]))
for e in m[40:60]: e["model_path"] = "archive/" + e["model_path"]
open(sys.argv[1],"w").write(json.dumps(m, indent=4))' zoo/ONNX_HUB_MANIFEST.json
export GITHUB_STEP_SUMMARY="$WORK/summary.md"
check github 1 validate --repo zoo --format github
[[ $(grep -c '^::error ' "$WORK/stdout") == 10 ]] || fail "not 10 error annotations"
[[ $(grep -c '^::warning ' "$WORK/stdout") == 1 ]] || fail "the warning"
[[ $(grep -c '| error |' "$WORK/summary.md") == 40 ]] || fail "the job summary lists every error"
cp "$WORK/summary.md" summary.txt
check_command summary 0 cat summary.txt
