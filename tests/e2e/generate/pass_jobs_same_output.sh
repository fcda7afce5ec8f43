# --jobs N builds rows on N threads, and nothing it prints or writes depends
# on N: the samples (real models, inspected with --no-reuse), the real zoo
# (LFS pointers) and a zoo of faulty models and README rows give the same
# bytes, findings and their order for 1, 2 and 8 jobs.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/generate/jobs_lib.sh"
make_repo samples "$SRC/samples"
same_for_every_jobs samples_no_reuse 0 generate --repo samples --no-reuse -o out.json
same_for_every_jobs samples_reuse 0 generate --repo samples -o out.json
expect_same samples_reuse.json samples/ONNX_HUB_MANIFEST.json

make_repo zoo "$SRC/tests/fixtures/zoo-b1eeaa1"
same_for_every_jobs real_zoo 0 generate --repo zoo -o out.json --stats
same_for_every_jobs real_zoo_check 1 generate --repo zoo --check

mkdir faulty && "$PY" "$SRC/tests/e2e/validate/make_check_zoo.py" faulty
# Rows with errors too: an opset that is no number, a link to nothing.
cat >> faulty/models/README.md <<'MD'
|Bad opset |[x](raw-data-short.onnx) | |1.8 |x |
|Missing |[x](missing.onnx) | |1.8 |13 |
MD
same_for_every_jobs faulty 1 generate --repo faulty --no-reuse -o out.json
[[ $(json_query faulty.json 'len(m)') == 15 ]] || fail "every good row written"
