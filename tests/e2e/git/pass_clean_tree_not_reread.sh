# A clean work tree with real LFS content is not re-read: sha and size come
# from the index's pointer when git's stat data says the file is unmodified.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/git/gitzoo.sh"
lfs_repo zoo
for m in a b; do model zoo/$m/model.onnx "$m" 3000000; readme zoo/$m "Model $m|model.onnx|13"; done
commit_all zoo base
check first 0 generate --repo zoo --stats
first=$(sed -n 's/^stats: \([0-9]*\) bytes.*/\1/p' stderr)
(( first > 6000000 )) || fail "first run read only $first bytes"
commit_all zoo manifest
[[ -z $(git -C zoo status --porcelain) ]] || fail "tree not clean"
head -c 7 zoo/a/model.onnx | grep -q version && fail "work tree holds pointers, not content"

check clean 0 generate --repo zoo --check --stats
again=$(sed -n 's/^stats: \([0-9]*\) bytes.*/\1/p' stderr)
(( again < 100000 )) || fail "clean tree re-read: $again bytes"

# New stat data (same content): git would look again, and so do we.
touch -d '2001-01-01' zoo/a/model.onnx
check touched 0 generate --repo zoo --check --stats
touched=$(sed -n 's/^stats: \([0-9]*\) bytes.*/\1/p' stderr)
(( touched > 3000000 && touched < 6000000 )) || fail "touched file: $touched bytes read"
