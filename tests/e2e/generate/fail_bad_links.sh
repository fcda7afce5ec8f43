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
check bad_links 1 generate --repo repo -o out.json
[[ $(json_query out.json 'len(m)') == 10 ]] || fail "good rows must still be written, once each"
