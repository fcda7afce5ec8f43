# The real zoo as a git repository: the work tree, --rev HEAD -o and a bare
# clone with --rev HEAD -o write the same bytes (184 committed entries by reuse
# plus the five age_gender rows); with --no-reuse none has io_ports.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/git/gitzoo.sh"
make_repo zoo "$SRC/tests/fixtures/zoo-b1eeaa1"
check work_tree 0 generate --repo zoo
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

check rev 0 generate --repo zoo --rev HEAD -o rev.json
expect_same worktree.json rev.json
git clone -q --bare zoo bare.git
check bare_rev 0 generate --repo bare.git --rev HEAD -o bare.json
expect_same worktree.json bare.json

# A zoo in a subfolder of a bigger repository (SPEC 2).
mkdir -p project/samples && cp -r "$SRC/tests/fixtures/zoo-b1eeaa1"/. project/samples/ && echo "# project" > project/README.md
make_repo project
check subfolder_rev 0 generate --repo project/samples --rev HEAD -o sub.json
expect_same worktree.json sub.json

check no_reuse.work_tree 0 generate --repo zoo -o a.json --no-reuse
check no_reuse.rev 0 generate --repo zoo --rev HEAD -o b.json --no-reuse
check no_reuse.bare_rev 0 generate --repo bare.git --rev HEAD -o c.json --no-reuse
for out in a.json b.json c.json; do
  no_ports $out || fail "$out (--no-reuse) has io_ports"
  [[ $(json_query $out 'len(m)') == 189 ]] || fail "$out (--no-reuse) count"
done

check bare_without_rev 2 generate --repo bare.git -o x.json
check rev_without_output 2 generate --repo zoo --rev HEAD
