# A typo in a README never deletes a published model: the row's previous entry stays.
source "$SRC/tests/e2e/lib.sh"
make_repo repo "$SRC/samples"
sed -i 's/|1.9 |12 | 12.5 |/|1.9 |twelve | 12.5 |/' repo/vision/classification/tinynet/README.md
echo "|New model |[x](model/none.onnx) | |1.0 |x |" >> repo/vision/classification/tinynet/README.md
check row_errors 1 generate --repo repo
expect_same repo/ONNX_HUB_MANIFEST.json "$SRC/samples/ONNX_HUB_MANIFEST.json"
