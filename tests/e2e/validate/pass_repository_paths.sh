# Paths people can open (issue 11): with the zoo in a subfolder of the
# repository, every report (text, json, github) names paths relative to the
# repository root; inside the subfolder that holds ONNX_HUB_MANIFEST.json,
# that subfolder is the zoo root without --repo.
source "$SRC/tests/e2e/lib.sh"
mkdir repo && cp -r "$SRC/samples" repo/samples && git -C repo init -q
git -C repo add -A && git -C repo commit -qm samples
sed -i 's/|1.4 |9 |/|1.4 |10 |/' repo/samples/other/tabular/tiny_mlp/README.md
check text 1 validate --repo repo/samples
check json 1 validate --repo repo/samples --format json
check github 1 validate --repo repo/samples --format github
# From inside the subfolder: the same zoo, without --repo.
(cd repo/samples && check inside 1 validate)
(cd repo/samples && check inside_generate 0 generate -q)
[[ ! -e repo/ONNX_HUB_MANIFEST.json ]] || fail "generate inside samples/ wrote ../ONNX_HUB_MANIFEST.json"
[[ $(json_query repo/samples/ONNX_HUB_MANIFEST.json '[e for e in m if e["model"] == "Tiny MLP"][0]["opset_version"]') == 10 ]] || fail "the subfolder's manifest"
