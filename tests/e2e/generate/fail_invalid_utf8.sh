# README bytes and file names that are not UTF-8 are diagnosed, never a crash.
source "$SRC/tests/e2e/lib.sh"
make_repo repo "$SRC/samples"
cp repo/other/tabular/tiny_mlp/model/tiny-mlp-9.onnx $'repo/other/tabular/tiny_mlp/model/bad\xff.onnx'
printf '|Bad path |[x](model/bad%%FF.onnx) |1.4 |9 |\n|Bad \xff name |[x](model/tiny-mlp-9.onnx) |1.4 |9 |\n' >> repo/other/tabular/tiny_mlp/README.md
check invalid_utf8 1 generate --repo repo -o out.json
"$PY" -c 'import json,sys; json.load(open(sys.argv[1]))' out.json || fail "output is not JSON"
[[ $(json_query out.json 'len(m)') == 10 ]] || fail "good rows must still be written"
