# A root README that is a symlink is refused (never opened) with readme.unreadable,
# not silently taken for a zoo without an index (SPEC 4).
source "$SRC/tests/e2e/lib.sh"
mkdir -p zoo/a/model
cp "$SRC/samples/other/tabular/tiny_mlp/model/tiny-mlp-9.onnx" zoo/a/model/
printf '|Model |Download |ONNX version |Opset version |\n|-|-|-|-|\n|A |[x](model/tiny-mlp-9.onnx) |1.4 |9 |\n' > zoo/a/README.md
printf '|Model Class |x |\n|-|-|\n|[A](a) |b |\n' > index.md
ln -s ../index.md zoo/README.md
check auto 1 generate --repo zoo -o out.json
check index_mode 1 generate --repo zoo --discover index -o out.json
# Tree mode does not read it for an index, but a symlinked README is an error in
# every mode (SPEC 4): the rows it may hold are never dropped silently.
check tree_mode 1 generate --repo zoo --discover tree -o out.json
[[ $(json_query out.json '[e["model_path"] for e in m]') == "['a/model/tiny-mlp-9.onnx']" ]] || fail "tree mode entries"
