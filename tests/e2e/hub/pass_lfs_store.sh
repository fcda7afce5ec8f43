# A model checked out as a Git LFS pointer is fetched from the LFS store,
# verified as it streams; a corrupt store object leaves nothing in the cache.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
make_repo repo "$SRC/samples"
M=other/tabular/tiny_mlp/model/tiny-mlp-9.onnx
oid=$(sha256sum "repo/$M" | cut -d' ' -f1)
size=$(stat -c %s "repo/$M")
store="repo/.git/lfs/objects/${oid:0:2}/${oid:2:2}/$oid"
mkdir -p "$(dirname "$store")"
cp "repo/$M" "$store"
printf 'version https://git-lfs.github.com/spec/v1\noid sha256:%s\nsize %s\n' "$oid" "$size" > "repo/$M"

export ONNX_HOME="$WORK/onnx"
check from_store 0 fetch --repo repo "tiny mlp"
expect_same "$WORK/onnx/hub/other/tabular/tiny_mlp/model/${oid}_tiny-mlp-9.onnx" "$SRC/samples/$M"

rm -rf "$WORK/onnx"
printf 'X' | dd of="$store" bs=1 seek=10 conv=notrunc 2>/dev/null
check corrupt_store_object 1 fetch --repo repo "tiny mlp"
[[ -z $(files_under "$WORK/onnx") ]] || fail "file left after a mismatch"

rm -f "$store"
check not_in_store 2 fetch --repo repo "tiny mlp"
