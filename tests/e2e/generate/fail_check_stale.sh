# --check writes nothing and prints a unified diff when the manifest is stale.
source "$SRC/tests/e2e/lib.sh"
make_repo repo "$SRC/samples"
sed -i 's/"onnx_version": "1.4"/"onnx_version": "1.3"/' repo/ONNX_HUB_MANIFEST.json
cp repo/ONNX_HUB_MANIFEST.json before.json
check stale 1 generate --check --repo repo
expect_same repo/ONNX_HUB_MANIFEST.json before.json
