# Links that are URLs, leave the zoo, or name nothing are errors naming README:line.
source "$SRC/tests/e2e/lib.sh"
make_repo repo "$SRC/samples"
cat >> repo/other/tabular/tiny_mlp/README.md <<'MD'
|Remote |[x](https://example.org/m.onnx) |1.4 |9 |
|Escape |[x](../../../../../etc/passwd) |1.4 |9 |
|Missing |[x](model/missing.onnx) |1.4 |9 |
|No link |just text |1.4 |9 |
| |[x](model/tiny-mlp-9.onnx) |1.4 |9 |
MD
sed -i 's|\[Tiny MLP\](other/tabular/tiny_mlp/)|[Tiny MLP](other/tabular/tiny_mlp/)\n\|<b>[Gone](other/gone)</b>\| x \||' repo/README.md
run generate --repo repo -o out.json
expect_rc 1
expect_stderr_has 'other/tabular/tiny_mlp/README.md:6:10: error: Download link: the link "https://example.org/m.onnx" is a URL, not a file of the zoo; no entry written for this row [readme.link.invalid]'
expect_stderr_has 'other/tabular/tiny_mlp/README.md:7:10: error: Download link: the link "../../../../../etc/passwd" leads outside the zoo'
expect_stderr_has 'other/tabular/tiny_mlp/README.md:8: error: other/tabular/tiny_mlp/model/missing.onnx does not exist; no entry written for this row [artifact.missing]'
expect_stderr_has 'other/tabular/tiny_mlp/README.md:9:'
expect_stderr_has 'the Download cell "just text" is not a link'
expect_stderr_has 'other/tabular/tiny_mlp/README.md:10:'
expect_stderr_has 'the Model cell is empty'
expect_stderr_has 'README.md:27:2: error: Model Class link "other/gone" leads to no README'
expect_stderr_has '[index.link.missing]'
[[ $(json_query out.json 'len(m)') == 8 ]] || fail "good rows must still be written, once each"
