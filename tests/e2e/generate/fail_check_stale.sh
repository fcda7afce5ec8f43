# --check writes nothing and prints a unified diff when the manifest is stale.
source "$SRC/tests/e2e/lib.sh"
make_repo repo "$SRC/samples"
sed -i 's/"onnx_version": "1.4"/"onnx_version": "1.3"/' repo/ONNX_HUB_MANIFEST.json
cp repo/ONNX_HUB_MANIFEST.json before.json
run generate --check --repo repo
expect_rc 1
expect_stdout_has '--- a/ONNX_HUB_MANIFEST.json'
expect_stdout_has '-        "onnx_version": "1.3",'
expect_stdout_has '+        "onnx_version": "1.4",'
expect_stderr_has '[manifest.stale]'
expect_same repo/ONNX_HUB_MANIFEST.json before.json
