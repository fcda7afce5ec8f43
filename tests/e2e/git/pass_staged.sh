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

# The hook's check is the SPEC 7 one, `validate --changed-since HEAD`: it reads
# only what the commit changes. With nothing staged it reads no model at all;
# with one model staged, that model alone.
git -C zoo reset -q && git -C zoo checkout -q -- .
check staged_check_reads_nothing_unchanged 0 generate --repo zoo --staged --check --stats
bytes_read=$("$OHM" generate --repo zoo --staged --check --stats 2>&1 | sed -n 's/^stats: \([0-9]*\) bytes.*/\1/p')
[[ $bytes_read == $(wc -c < zoo/ONNX_HUB_MANIFEST.json) ]] || fail "the hook read $bytes_read bytes, not only the manifest's"
model zoo/b/model.onnx b && readme zoo/b "Second|model.onnx|13"
git -C zoo add b
check staged_check_new_model_unlisted 1 generate --repo zoo --staged --check --stats
check staged_write_new_model 0 generate --repo zoo --staged -q
git -C zoo add ONNX_HUB_MANIFEST.json
check staged_check_reads_the_new_model 0 generate --repo zoo --staged --check --stats
git -C zoo commit -qm second

# So a manifest committed stale past the hook (git commit --no-verify) is the
# CI gate's to find: the full check of the work tree fails where the hook,
# which trusts HEAD for what the commit leaves alone, passes.
sed -i 's/"model": "Second"/"model": "Renamed by hand"/' zoo/ONNX_HUB_MANIFEST.json
git -C zoo commit -qam "stale, past the hook"
check hook_trusts_head_for_unchanged 0 generate --repo zoo --staged --check
check full_check_finds_stale_head 1 generate --repo zoo --check

# With no manifest at HEAD there is nothing to trust: the hook checks the
# whole index, so a staged manifest that leaves out a committed README's rows
# fails.
git init -q fresh
model fresh/a/model.onnx a && readme fresh/a "First|model.onnx|13"
commit_all fresh "models, no manifest yet"
echo '[]' > fresh/ONNX_HUB_MANIFEST.json && git -C fresh add ONNX_HUB_MANIFEST.json
check staged_check_no_manifest_at_head 1 generate --repo fresh --staged --check
# So do the gate and --changed-since of the work tree: a base with no
# manifest vouches for no row.
check gate_no_manifest_at_head 1 validate --repo fresh --staged
check changed_since_no_manifest_at_base 1 validate --repo fresh --changed-since HEAD
check generate_changed_since_no_manifest_at_base 1 generate --repo fresh --check --changed-since HEAD
