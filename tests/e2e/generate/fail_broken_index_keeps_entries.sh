# A broken Model Class link, or no index at all with --discover index, never
# deletes published entries.
source "$SRC/tests/e2e/lib.sh"
make_repo repo "$SRC/samples"
sed -i 's|(text/machine_comprehension/tiny_bert)|(text/machine_comprehension/tiny_bert_renamed)|' repo/README.md
run generate --repo repo
expect_rc 1
expect_stderr_has 'README.md:19:2: error: Model Class link "text/machine_comprehension/tiny_bert_renamed" leads to no README'
expect_stderr_has 'previous entries under text/machine_comprehension/tiny_bert_renamed/ are kept [index.link.missing]'
git -C repo checkout -q README.md ONNX_HUB_MANIFEST.json
# The link names the old folder, but the folder was renamed: its entries stay.
git -C repo mv text/machine_comprehension/tiny_bert text/machine_comprehension/tiny_bert2
run generate --repo repo
expect_rc 1
expect_same repo/ONNX_HUB_MANIFEST.json "$SRC/samples/ONNX_HUB_MANIFEST.json"
printf '# no index here\n' > repo/README.md
run generate --repo repo --discover index
expect_rc 1
expect_stderr_has '[index.missing]'
expect_stderr_has 'nothing written'
expect_same repo/ONNX_HUB_MANIFEST.json "$SRC/samples/ONNX_HUB_MANIFEST.json"
