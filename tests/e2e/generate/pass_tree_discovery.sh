# Without an index table every README with a model table is read; ignored files are not.
source "$SRC/tests/e2e/lib.sh"
mkdir -p zoo/a/model zoo/b
cp "$SRC/samples/other/tabular/tiny_mlp/model/tiny-mlp-9.onnx" zoo/a/model/
printf '|Model |Download |ONNX version |Opset version |\n|-|-|-|-|\n|A |[x](model/tiny-mlp-9.onnx) |1.4 |9 |\n' > zoo/a/README.md
printf '# no table here\n' > zoo/b/README.md
printf '# Root\n\n|Model Family |x |\n|-|-|\n|a |b |\n' > zoo/README.md
check tree 0 generate --repo zoo -o out.json
[[ $(json_query out.json '[e["model_path"] for e in m]') == "['a/model/tiny-mlp-9.onnx']" ]] || fail "tree mode"
[[ $(json_query out.json 'm[0]["metadata"]["tags"]') == "['a']" ]] || fail "tags"
check index_mode 1 generate --repo zoo --discover index -o out2.json
