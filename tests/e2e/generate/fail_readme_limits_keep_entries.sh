# A README that would cost far more than its size (a 60,000-column header, a
# 2,000-cell row, 900 columns of 200 rows, a line of 100 KB, `![[]()` repeated, 5 MB of text) is refused
# before the markdown parser sees it, at its location, in well under a second;
# its published entries are kept, as a row error keeps them (SPEC 3), in tree
# and index mode alike.
source "$SRC/tests/e2e/lib.sh"
make_repo repo "$SRC/samples"
R=repo/vision/classification/tinynet/README.md
cp "$R" "$WORK/readme.orig"
restore() { cp "$WORK/readme.orig" "$R"; }

"$PY" -c "import sys; sys.stdout.write('|' + 'c|' * 60000 + '\n|' + '-|' * 60000 + '\n')" >> "$R"
check wide_header 1 generate --repo repo
expect_same repo/ONNX_HUB_MANIFEST.json "$SRC/samples/ONNX_HUB_MANIFEST.json"
check wide_header_tree 1 generate --repo repo --discover tree
expect_same repo/ONNX_HUB_MANIFEST.json "$SRC/samples/ONNX_HUB_MANIFEST.json"

restore
"$PY" -c "import sys; sys.stdout.write('|' + 'c|' * 900 + '\n|' + '-|' * 900 + '\n' + '|x|\n' * 200)" >> "$R"
check many_cells 1 generate --repo repo
expect_same repo/ONNX_HUB_MANIFEST.json "$SRC/samples/ONNX_HUB_MANIFEST.json"

restore
"$PY" -c "import sys; sys.stdout.write('|x' * 2000 + '|\n')" >> "$R"
check wide_row 1 generate --repo repo
expect_same repo/ONNX_HUB_MANIFEST.json "$SRC/samples/ONNX_HUB_MANIFEST.json"

restore
"$PY" -c "import sys; sys.stdout.write('a' * 100000 + '\n')" >> "$R"
check long_line 1 generate --repo repo

restore
"$PY" -c "import sys; sys.stdout.write(('![[]()' * 100 + '\n') * 500)" >> "$R"
check brackets 1 generate --repo repo

restore
"$PY" -c "import sys; sys.stdout.write(('word ' * 20 + '\n') * 50000)" >> "$R"
check too_large 1 generate --repo repo
expect_same repo/ONNX_HUB_MANIFEST.json "$SRC/samples/ONNX_HUB_MANIFEST.json"
check too_large_validate 1 validate --repo repo
