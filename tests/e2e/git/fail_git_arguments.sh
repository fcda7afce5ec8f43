# Git options that cannot run exit 2 with one line and write nothing.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/git/gitzoo.sh"
git init -q zoo
model zoo/a/model.onnx a && readme zoo/a "Model a|model.onnx|13"
commit_all zoo base
check rev_with_staged 2 generate --repo zoo --rev HEAD --staged -o x.json
check unknown_revision 2 generate --repo zoo --rev no-such-rev -o x.json
check reuse_missing_file 2 generate --repo zoo --reuse missing.json
check reuse_with_no_reuse 2 generate --repo zoo --reuse zoo/a/README.md --no-reuse
mkdir plain && cp -r zoo/a plain/
check rev_outside_repository 2 generate --repo plain --rev HEAD -o x.json
check changed_since_outside_repository 2 generate --repo plain --changed-since HEAD -o x.json
[[ ! -e x.json ]] || fail "x.json written"
