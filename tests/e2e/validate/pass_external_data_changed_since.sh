# --changed-since and --staged (issue 15): a change to a model's side file
# alone (its content, or its LFS pointer) is a change to the model, so its
# entry is checked again, even when the model's README is not in a folder
# above the side file.
source "$SRC/tests/e2e/lib.sh"
mk() { "$PY" "$SRC/tests/e2e/generate/make_external_model.py" "$@"; }
mkdir -p zoo/models/f zoo/docs
mk zoo/models/f/a.onnx a W=a.bin
cat > zoo/docs/README.md <<'MD'
# Models

| Model | Download | ONNX version | Opset version |
|-------|----------|--------------|---------------|
| A | [model](../models/f/a.onnx) | 1.14 | 13 |
MD
make_repo zoo
check generate 0 generate --repo zoo
git -C zoo add -A && git -C zoo commit -qm manifest

printf 'X' | dd of=zoo/models/f/a.bin bs=1 seek=3 conv=notrunc 2>/dev/null
check content_changed 1 validate --repo zoo --changed-since HEAD
git -C zoo add -A
check content_staged 1 validate --repo zoo --staged
check generate_changed 0 generate --repo zoo --changed-since HEAD
git -C zoo add -A && git -C zoo commit -qm "new weights"
check clean_again 0 validate --repo zoo --changed-since HEAD~1

# The side file as an LFS pointer: a new pointer is a new file.
"$PY" - zoo/models/f/a.bin <<'PYEOF'
import hashlib, sys
data = open(sys.argv[1], "rb").read() + b"more"
open(sys.argv[1], "w").write("version https://git-lfs.github.com/spec/v1\noid sha256:%s\nsize %d\n"
                             % (hashlib.sha256(data).hexdigest(), len(data)))
PYEOF
git -C zoo add -A
check pointer_staged 1 validate --repo zoo --staged
