# Paths every client can fetch (issue 11): a file name the Python client
# cannot put in a URL unescaped is path.unportable (a warning, an error with
# --strict) in generate and validate; a link with a literal space is no link,
# and the row error says how to write one.
source "$SRC/tests/e2e/lib.sh"
make_repo zoo "$SRC/samples"
D=zoo/other/tabular/tiny_mlp
git -C zoo mv other/tabular/tiny_mlp/model/tiny-mlp-9.onnx "other/tabular/tiny_mlp/model/conv 6.onnx"
sed -i 's|(model/tiny%2Dmlp-9.onnx)|(model/conv%206.onnx)|' $D/README.md
check generate 0 generate --repo zoo
check validate 0 validate --repo zoo
check strict 1 validate --repo zoo --strict

sed -i 's|(model/conv%206.onnx)|(model/conv 6.onnx)|' $D/README.md
check literal_space 1 generate --repo zoo
