# What a killed run left (a manifest's temp file, a half-downloaded model in
# the cache) is removed by the next run that writes there, and never trips
# it; a live writer's temp file is left alone. list, fetch and validate agree
# that a manifest starting with a byte-order mark is not one.
source "$SRC/tests/e2e/lib.sh"
unset ONNX_HOME XDG_CACHE_HOME
make_repo zoo "$SRC/samples"
sh -c 'exit 0' & dead=$!; wait $dead
echo '[half a manif' > "zoo/ONNX_HUB_MANIFEST.json.tmp.$dead.Ab12Cd"
echo 'a live writer' > "zoo/ONNX_HUB_MANIFEST.json.tmp.$$.Ef34Gh"
check generate_after_a_kill 0 generate --repo zoo
[[ ! -e "zoo/ONNX_HUB_MANIFEST.json.tmp.$dead.Ab12Cd" ]] || fail "the killed run's temp file is still there"
[[ -e "zoo/ONNX_HUB_MANIFEST.json.tmp.$$.Ef34Gh" ]] || fail "a live writer's temp file was removed"
rm "zoo/ONNX_HUB_MANIFEST.json.tmp.$$.Ef34Gh"

check first_fetch 0 fetch --repo zoo TinyNet-12 --cache "$WORK/cache"
model=$(find "$WORK/cache" -type f -name '*tinynet-12.onnx')
echo 'half' > "$model.tmp.$dead.Zz99Yy"
rm "$model"
check fetch_after_a_kill 0 fetch --repo zoo TinyNet-12 --cache "$WORK/cache"
[[ -z $(find "$WORK/cache" -name '*.tmp.*') ]] || fail "a temp file is left in the cache"

printf '\xef\xbb\xbf' | cat - zoo/ONNX_HUB_MANIFEST.json > bom.json && mv bom.json zoo/ONNX_HUB_MANIFEST.json
check bom_list 1 list --repo zoo
check bom_fetch 1 fetch --repo zoo TinyNet-12 --cache "$WORK/cache"
check bom_validate 1 validate --repo zoo
