# A broken Model Class link, or no index at all with --discover index, never
# deletes published entries.
source "$SRC/tests/e2e/lib.sh"
make_repo repo "$SRC/samples"
sed -i 's|(text/machine_comprehension/tiny_bert)|(text/machine_comprehension/tiny_bert_renamed)|' repo/README.md
check link_to_nothing 1 generate --repo repo
git -C repo checkout -q README.md ONNX_HUB_MANIFEST.json
# The link names the old folder, but the folder was renamed: its entries stay.
git -C repo mv text/machine_comprehension/tiny_bert text/machine_comprehension/tiny_bert2
check folder_renamed 1 generate --repo repo
expect_same repo/ONNX_HUB_MANIFEST.json "$SRC/samples/ONNX_HUB_MANIFEST.json"
printf '# no index here\n' > repo/README.md
check no_index 1 generate --repo repo --discover index
expect_same repo/ONNX_HUB_MANIFEST.json "$SRC/samples/ONNX_HUB_MANIFEST.json"
