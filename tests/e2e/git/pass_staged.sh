# --staged reads the index (or GIT_INDEX_FILE): staged edits count, unstaged
# ones do not; --check --staged compares with the staged manifest.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/git/gitzoo.sh"
git init -q zoo
model zoo/a/model.onnx a && readme zoo/a "First|model.onnx|13"
commit_all zoo base
run generate --repo zoo && expect_rc 0
commit_all zoo manifest

readme zoo/a "Staged name|model.onnx|13"
git -C zoo add a/README.md
readme zoo/a "Unstaged name|model.onnx|13"
run generate --repo zoo --staged -o -
expect_rc 0 "--staged"
expect_stdout_has '"model": "Staged name"'
grep -qF "Unstaged" "$WORK/stdout" && fail "--staged saw the unstaged edit"
run generate --repo zoo --staged --check
expect_rc 1 "--staged --check with a stale staged manifest"
expect_stdout_has '+        "model": "Staged name",'
run generate --repo zoo -o -
expect_stdout_has '"model": "Unstaged name"'

# Writing with --staged updates the work tree's manifest; staging it makes --check pass.
run generate --repo zoo --staged
expect_rc 0
git -C zoo add ONNX_HUB_MANIFEST.json
run generate --repo zoo --staged --check
expect_rc 0 "--staged --check after staging the manifest"

# GIT_INDEX_FILE, as git sets it for hooks.
cp zoo/.git/index alt-index
GIT_INDEX_FILE="$WORK/alt-index" git -C zoo reset -q HEAD -- a/README.md
GIT_INDEX_FILE="$WORK/alt-index" run generate --repo zoo --staged -o -
expect_stdout_has '"model": "First"'
run generate --repo "$WORK/plain-missing" --staged -o -
expect_rc 2 "--staged outside a repository"
