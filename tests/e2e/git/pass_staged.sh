# --staged reads the index (or GIT_INDEX_FILE): staged edits count, unstaged
# ones do not; --check --staged compares with the staged manifest.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/git/gitzoo.sh"
git init -q zoo
model zoo/a/model.onnx a && readme zoo/a "First|model.onnx|13"
commit_all zoo base
check first 0 generate --repo zoo
commit_all zoo manifest

readme zoo/a "Staged name|model.onnx|13"
git -C zoo add a/README.md
readme zoo/a "Unstaged name|model.onnx|13"
check staged 0 generate --repo zoo --staged -o -
check staged_check_stale 1 generate --repo zoo --staged --check
check work_tree 0 generate --repo zoo -o -

# Writing with --staged updates the work tree's manifest; staging it makes --check pass.
check staged_write 0 generate --repo zoo --staged
git -C zoo add ONNX_HUB_MANIFEST.json
check staged_check_fresh 0 generate --repo zoo --staged --check

# GIT_INDEX_FILE, as git sets it for hooks.
cp zoo/.git/index alt-index
GIT_INDEX_FILE="$WORK/alt-index" git -C zoo reset -q HEAD -- a/README.md
GIT_INDEX_FILE="$WORK/alt-index" check git_index_file 0 generate --repo zoo --staged -o -
check staged_outside_repository 2 generate --repo "$WORK/plain-missing" --staged -o -

# The hook takes previous entries and ports from HEAD's manifest, never from
# the staged one under check: ports hand-edited in the staged manifest are
# stale, though reusing them would give them back.
git -C zoo commit -qm fresh
sed -i 's/"name": "X"/"name": "hand-edited"/' zoo/ONNX_HUB_MANIFEST.json
grep -q '"hand-edited"' zoo/ONNX_HUB_MANIFEST.json || fail "the port name to edit is not in the manifest"
git -C zoo add ONNX_HUB_MANIFEST.json
check staged_ports_edited_by_hand 1 generate --repo zoo --staged --check
