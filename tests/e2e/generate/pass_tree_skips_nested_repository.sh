# Tree mode in a work tree lists only what git tracks or would track: the
# files of a nested repository (a clone or submodule inside the zoo) are not,
# so its READMEs are not model READMEs; the work tree agrees with --staged.
source "$SRC/tests/e2e/lib.sh"
mkdir -p zoo/a/model
cp "$SRC/samples/other/tabular/tiny_mlp/model/tiny-mlp-9.onnx" zoo/a/model/
printf '|Model |Download |ONNX version |Opset version |\n|-|-|-|-|\n|A |[x](model/tiny-mlp-9.onnx) |1.4 |9 |\n' > zoo/a/README.md
make_repo zoo
mkdir -p zoo/nested
cp -r zoo/a zoo/nested/b
git -C zoo/nested init -q && git -C zoo/nested add -A && git -C zoo/nested commit -qm nested
check work_tree 0 generate --repo zoo -o wt.json
[[ $(json_query wt.json '[e["model_path"] for e in m]') == "['a/model/tiny-mlp-9.onnx']" ]] || fail "nested repository listed"
check index 0 generate --repo zoo --staged -o staged.json
expect_same wt.json staged.json
