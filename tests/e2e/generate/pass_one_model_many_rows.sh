# One 1 MB model linked from 3,000 README rows is read once per run, not
# 3,000 times (issue 14): generate reads about its size, and each row still
# gets its own entry and findings (a broken model linked twice is reported at
# both rows), the same bytes for every --jobs, in generate and in validate.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/git/gitzoo.sh"
model zoo/m/model.onnx shared 1000000
printf '\x0a\xff\xff not a model' > zoo/m/bad.onnx
"$PY" - <<'PYEOF'
import os
os.makedirs("zoo/a", exist_ok=True)
with open("zoo/a/README.md", "w") as f:
    f.write("# Many\n\n| Model | Download | ONNX version | Opset version |\n|---|---|---|---|\n")
    for i in range(3000):
        f.write(f"| Model {i} | [model](../m/model.onnx) | 1.14 | 13 |\n")
PYEOF
readme zoo/b "Bad|../m/bad.onnx|13" "Bad again|../m/bad.onnx|13"
make_repo zoo
check generate 1 generate --repo zoo --stats --jobs 1
read=$(sed -n 's/^stats: \([0-9]*\) bytes.*/\1/p' stderr)
(( read < 1500000 )) || fail "the model was read more than once: $read bytes"
[[ $(json_query zoo/ONNX_HUB_MANIFEST.json 'len(m)') == 3002 ]] || fail "not one entry per row"
mv zoo/ONNX_HUB_MANIFEST.json serial.json
check generate_jobs 1 generate --repo zoo --stats --jobs 3
expect_same zoo/ONNX_HUB_MANIFEST.json serial.json

commit_all zoo manifest
check validate 1 validate --repo zoo --jobs 1
check validate_jobs 1 validate --repo zoo --jobs 3
