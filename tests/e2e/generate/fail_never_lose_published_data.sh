# A manifest that cannot be parsed never costs published data (issue 11):
# generate takes previous entries and ports from the last committed manifest
# and says so; with none to take them from it writes nothing (unless
# --no-reuse). A folder without any model README is zoo.empty: exit 1.
source "$SRC/tests/e2e/lib.sh"
make_repo zoo "$SRC/samples"
# A hand edit that breaks the JSON: a comma dropped.
sed -i '0,/"onnx_version": "1.2",/s//"onnx_version": "1.2"/' zoo/ONNX_HUB_MANIFEST.json
check broken_json 0 generate --repo zoo
expect_same zoo/ONNX_HUB_MANIFEST.json "$SRC/samples/ONNX_HUB_MANIFEST.json"

# Outside git there is no committed manifest: nothing is written.
cp -r "$SRC/samples" plain
sed -i '0,/"onnx_version": "1.2",/s//"onnx_version": "1.2"/' plain/ONNX_HUB_MANIFEST.json
cp plain/ONNX_HUB_MANIFEST.json broken.json
check plain_broken_json 1 generate --repo plain
expect_same plain/ONNX_HUB_MANIFEST.json broken.json
[[ -z $(find plain -name '*.tmp.*') ]] || fail "temp file left"
check plain_no_reuse 0 generate --repo plain --no-reuse
[[ $(json_query plain/ONNX_HUB_MANIFEST.json 'len(m)') == 10 ]] || fail "--no-reuse writes the manifest"

mkdir empty
check empty_folder 1 generate --repo empty
[[ ! -e empty/ONNX_HUB_MANIFEST.json ]] || fail "an empty zoo got a manifest"
