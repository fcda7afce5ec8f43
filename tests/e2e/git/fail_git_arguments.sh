# Git options that cannot run exit 2 with one line and write nothing.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/git/gitzoo.sh"
git init -q zoo
model zoo/a/model.onnx a && readme zoo/a "Model a|model.onnx|13"
commit_all zoo base
run generate --repo zoo --rev HEAD --staged -o x.json; expect_rc 2 "--rev with --staged"
run generate --repo zoo --rev no-such-rev -o x.json; expect_rc 2 "unknown revision"
expect_stderr_has "unknown revision no-such-rev"
run generate --repo zoo --reuse missing.json; expect_rc 2 "--reuse of a missing file"
run generate --repo zoo --reuse zoo/a/README.md --no-reuse; expect_rc 2 "--reuse with --no-reuse"
mkdir plain && cp -r zoo/a plain/
run generate --repo plain --rev HEAD -o x.json; expect_rc 2 "--rev outside a repository"
run generate --repo plain --changed-since HEAD -o x.json; expect_rc 2 "--changed-since outside a repository"
[[ ! -e x.json ]] || fail "x.json written"
