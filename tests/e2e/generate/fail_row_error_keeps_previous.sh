# A typo in a README never deletes a published model: the row's previous entry stays.
source "$SRC/tests/e2e/lib.sh"
make_repo repo "$SRC/samples"
sed -i 's/|1.9 |12 | 12.5 |/|1.9 |twelve | 12.5 |/' repo/vision/classification/tinynet/README.md
echo "|New model |[x](model/none.onnx) | |1.0 |x |" >> repo/vision/classification/tinynet/README.md
run generate --repo repo
expect_rc 1
expect_stderr_has 'vision/classification/tinynet/README.md:10:'
expect_stderr_has 'error: the Opset version cell "twelve" is not an integer; kept the previous entry for vision/classification/tinynet/model/tinynet-12.onnx [readme.row.opset]'
expect_stderr_has 'no entry written for this row [readme.row.opset]'
expect_same repo/ONNX_HUB_MANIFEST.json "$SRC/samples/ONNX_HUB_MANIFEST.json"
