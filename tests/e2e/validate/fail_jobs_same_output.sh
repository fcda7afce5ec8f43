# validate --jobs N: the same report, byte for byte and in the same order, for
# 1, 2 and 8 jobs, on the samples (clean), the real zoo (five errors) and a
# zoo of faulty models, archives and README rows.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/generate/jobs_lib.sh"
make_repo samples "$SRC/samples"
same_for_every_jobs samples 0 validate --repo samples
same_for_every_jobs samples_json 0 validate --repo samples --format json

make_repo zoo "$SRC/tests/fixtures/zoo-b1eeaa1"
same_for_every_jobs real_zoo 1 validate --repo zoo

mkdir faulty && "$PY" "$SRC/tests/e2e/validate/make_check_zoo.py" faulty
"$OHM" generate --repo faulty --quiet >/dev/null 2>&1 || true
cat >> faulty/models/README.md <<'MD'
|Bad opset |[x](raw-data-short.onnx) | |1.8 |x |
|Missing |[x](missing.onnx) | |1.8 |13 |
MD
same_for_every_jobs faulty 1 validate --repo faulty
same_for_every_jobs faulty_github 1 validate --repo faulty --format github
