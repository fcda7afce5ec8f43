# A pointer-only checkout: model content is read from the LFS store and
# verified as it streams; a corrupt store object is a diagnostic; a changed
# model without content gets a warning naming `git lfs pull --include`.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/git/gitzoo.sh"
lfs_repo src
mkdir -p src/zoo
for m in a b; do model src/zoo/$m/model.onnx "$m" 4096; readme src/zoo/$m "Model $m|model.onnx|13"; done
commit_all src base
check real_content 0 generate --repo src/zoo --no-reuse -o real.json
[[ $(json_query real.json 'sum("io_ports" in e["metadata"] for e in m)') == 2 ]] || fail "real content not inspected"

git clone -q src ptr  # no lfs filter in this clone's config: the work tree keeps the pointers
head -c 40 ptr/zoo/a/model.onnx | grep -q "^version https://git-lfs" || fail "clone is not pointer-only"
check pointers_without_store 0 generate --repo ptr/zoo --no-reuse -o none.json
no_ports none.json || fail "ports without content"
mkdir -p ptr/.git/lfs && cp -r src/.git/lfs/objects ptr/.git/lfs/
check store.work_tree 0 generate --repo ptr/zoo --no-reuse -o store.json
expect_same real.json store.json
check store.rev 0 generate --repo ptr/zoo --no-reuse --rev HEAD -o store.json
expect_same real.json store.json
check store.staged 0 generate --repo ptr/zoo --no-reuse --staged -o store.json
expect_same real.json store.json

# Corrupt the store object of a: same length, other bytes.
oid=$(sed -n 's/^oid sha256://p' ptr/zoo/a/model.onnx)
obj=ptr/.git/lfs/objects/${oid:0:2}/${oid:2:2}/$oid
chmod u+w "$obj" && printf 'XXXX' | dd of="$obj" bs=1 seek=100 conv=notrunc status=none
check corrupt_store_object 1 generate --repo ptr/zoo --no-reuse -o corrupt.json
[[ $(json_query corrupt.json '[("io_ports" in e["metadata"], e["metadata"]["model_sha"]) for e in m][0]') == "(False, '$oid')" ]] \
  || fail "corrupt entry keeps its pointer sha and has no ports"

# A model changed upstream whose content is not here: no ports, and how to fetch it.
check src_manifest 0 generate --repo src/zoo
commit_all src manifest
model src/zoo/b/model.onnx b-v2 4096 && commit_all src "new b"
git clone -q src ptr2
check changed_without_content 0 generate --repo ptr2/zoo -o -
