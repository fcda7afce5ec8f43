# The real zoo as a git repository: the work tree, --rev HEAD -o and a bare
# clone with --rev HEAD -o write the same bytes (184 committed entries by reuse
# plus the five age_gender rows); with --no-reuse none has io_ports.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/git/gitzoo.sh"
make_repo zoo "$SRC/tests/fixtures/zoo-b1eeaa1"
run generate --repo zoo
expect_rc 0 "work tree"
"$PY" - zoo/ONNX_HUB_MANIFEST.json <(git -C zoo show HEAD:ONNX_HUB_MANIFEST.json) <<'PYEOF' || fail "entries differ"
import json, sys
ours, committed = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert len(committed) == 184 and len(ours) == 189, (len(committed), len(ours))
paths = {c["model_path"] for c in committed}
assert [e for e in ours if e["model_path"] in paths] == committed
assert all("/age_gender/" in e["model_path"] for e in ours if e["model_path"] not in paths)
assert open(sys.argv[1]).read() == json.dumps(ours, indent=4)
PYEOF
cp zoo/ONNX_HUB_MANIFEST.json worktree.json
git -C zoo checkout -q ONNX_HUB_MANIFEST.json

run generate --repo zoo --rev HEAD -o rev.json
expect_rc 0 "--rev HEAD"
expect_same worktree.json rev.json
git clone -q --bare zoo bare.git
run generate --repo bare.git --rev HEAD -o bare.json
expect_rc 0 "bare --rev HEAD"
expect_same worktree.json bare.json

# A zoo in a subfolder of a bigger repository (SPEC 2).
mkdir -p project/samples && cp -r "$SRC/tests/fixtures/zoo-b1eeaa1"/. project/samples/ && echo "# project" > project/README.md
make_repo project
run generate --repo project/samples --rev HEAD -o sub.json
expect_rc 0 "subfolder --rev HEAD"
expect_same worktree.json sub.json

for args in "--repo zoo -o a.json" "--repo zoo --rev HEAD -o b.json" "--repo bare.git --rev HEAD -o c.json"; do
  run generate $args --no-reuse
  expect_rc 0 "$args --no-reuse"
  no_ports "${args##* }" || fail "$args --no-reuse has io_ports"
  [[ $(json_query "${args##* }" 'len(m)') == 189 ]] || fail "$args --no-reuse count"
done

run generate --repo bare.git -o x.json
expect_rc 2 "bare without --rev"
run generate --repo zoo --rev HEAD
expect_rc 2 "--rev without -o"
expect_stderr_has "-o FILE"
