# -o - prints the manifest; without --repo the enclosing work tree is the zoo.
source "$SRC/tests/e2e/lib.sh"
make_repo repo "$SRC/samples"
mkdir -p repo/vision/deeper && cd repo/vision/deeper
check default_root 0 generate -o -
cd "$WORK"
expect_same stdout "$SRC/samples/ONNX_HUB_MANIFEST.json"
