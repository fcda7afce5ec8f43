# The crash corpus (tests/fixtures/crash_models: single nodes, and one in a
# chain, that crash or exhaust libonnx 1.12's shape inference) in a zoo, as .onnx and inside a
# with-data .tar.gz: each is one warning (onnx.inference.crashed, or a shape
# libonnx would read past refused as onnx.inference.failed), the outputs are as declared
# and the rest of the manifest is still written; validate agrees; inspect
# reports the same, in the model and in the archive, and names the node of a
# chain that inference crashed on.
source "$SRC/tests/e2e/lib.sh"
make_repo repo "$SRC/samples"
mkdir -p repo/other/crash/model
{
  printf '# Crash corpus\n\n|Model |Download |Download (with sample test data) |ONNX version |Opset version |\n|---|---|---|---|---|\n'
  for f in "$SRC"/tests/fixtures/crash_models/*.onnx; do
    name=$(basename "$f" .onnx)
    cp "$f" repo/other/crash/model/
    (cd repo/other/crash/model && mkdir -p "$name/test_data_set_0" && cp "$name.onnx" "$name/" &&
      tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - "$name" | gzip -n > "$name.tar.gz" &&
      rm -r "$name")  # same bytes on every run
    printf '|%s |[m](model/%s.onnx) |[d](model/%s.tar.gz) |1.12 |17 |\n' "$name" "$name" "$name"
  done
} > repo/other/crash/README.md
printf '\n|Model Class |\n|---|\n|[Crash](other/crash) |\n' >> repo/README.md
(cd repo && git add -A && git commit -qm crash)

check generate 0 generate --repo repo
json_query repo/ONNX_HUB_MANIFEST.json 'len(m)' > count
[[ $(cat count) == 18 ]] || fail "expected the 10 sample entries and the 8 crash models, got $(cat count)"
(cd repo && git add -A && git commit -qm manifest)
check validate 0 validate --repo repo
check inspect 0 inspect repo/other/crash/model/layernorm_axis.onnx --format text
check inspect_chain 0 inspect repo/other/crash/model/layernorm_axis_in_chain.onnx --format text
check inspect_archive 0 inspect repo/other/crash/model/stft_rank1.tar.gz --format text
