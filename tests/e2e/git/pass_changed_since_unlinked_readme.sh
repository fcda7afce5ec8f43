# Index mode: a README the root README does not link gives no entries, even
# when it holds a model table naming a model of a linked README (a summary).
# --changed-since must not drop that model's entry when the summary README's
# folder changes: the result equals a full regeneration.
source "$SRC/tests/e2e/lib.sh"
mkdir -p zoo/a/b/model
cp "$SRC/samples/other/tabular/tiny_mlp/model/tiny-mlp-9.onnx" zoo/a/b/model/m.onnx
printf '|Model Class |x |\n|-|-|\n|[B](a/b) |x |\n' > zoo/README.md
printf '|Model |Download |ONNX version |Opset version |\n|-|-|-|-|\n|B |[x](model/m.onnx) |1.4 |9 |\n' > zoo/a/b/README.md
printf '# Summary\n\n|Model |Download |ONNX version |Opset version |\n|-|-|-|-|\n|B |[x](b/model/m.onnx) |1.4 |9 |\n' > zoo/a/README.md
make_repo zoo
check first 0 generate --repo zoo
git -C zoo add -A && git -C zoo commit -qm manifest

echo notes > zoo/a/notes.txt
check file_beside_summary 0 generate --repo zoo --changed-since HEAD -o inc.json
check full 0 generate --repo zoo -o full.json
[[ $(json_query full.json 'len(m)') == 1 ]] || fail "full run"
expect_same full.json inc.json

printf '# Summary, edited\n\n|Model |Download |ONNX version |Opset version |\n|-|-|-|-|\n|B2 |[x](b/model/m.onnx) |1.4 |9 |\n' > zoo/a/README.md
check summary_edited 0 generate --repo zoo --changed-since HEAD -o inc2.json
expect_same full.json inc2.json
