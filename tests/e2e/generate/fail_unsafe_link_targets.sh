# A link whose decoded target holds a backslash or a control character (from
# %5C, %0A, %1B) is a row error in generate, the same rule validate applies to
# a model_path: generate never writes a manifest its own validate rejects. Such
# a link resolves to no path, so its row has no previous entry to keep (SPEC 3):
# the error says so. The message shows the target escaped.
source "$SRC/tests/e2e/lib.sh"
make_repo repo "$SRC/samples"
R=repo/vision/classification/tinynet/README.md
sed -i 's|(model/tinynet-7.onnx)|(model%5Ctinynet-7.onnx)|; s|(model/tinynet-12.onnx)|(model/tinynet%0A-12.onnx)|; s|(preproc/tinynet-preproc-13.onnx)|(preproc/%1B[2Jx.onnx)|' "$R"
check unsafe_targets 1 generate --repo repo
[[ $(json_query repo/ONNX_HUB_MANIFEST.json 'len(m)') == 7 ]] || fail "the other rows must still be written"
check validate_agrees 1 validate --repo repo
