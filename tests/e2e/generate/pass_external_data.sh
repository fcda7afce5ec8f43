# A model whose weights live in side files: generate lists them in
# metadata.external_data, a pointer-only clone reuses the list by model_sha,
# validate is clean, inspect lists the ranges, and fetch places the side files
# beside the cached model so that Python's onnx.load finds every tensor.
source "$SRC/tests/e2e/lib.sh"
mk() { "$PY" "$SRC/tests/e2e/generate/make_external_model.py" "$@"; }
mkdir -p zoo/big/model
mk zoo/big/model/big-13.onnx big W=big-13.weights V=big-13.weights U=data/extra.bin
cat > zoo/big/README.md <<'MD'
# Big

| Model | Download | ONNX version | Opset version |
|-------|----------|--------------|---------------|
| Big | [model](model/big-13.onnx) | 1.14 | 13 |
MD
make_repo zoo
check generate 0 generate --repo zoo
"$PY" - zoo <<'PYEOF' || fail "external_data is not the side files' list"
import hashlib, json, os, sys
root = sys.argv[1]
m = json.load(open(os.path.join(root, "ONNX_HUB_MANIFEST.json")))
meta = m[0]["metadata"]
assert list(meta)[-1] == "external_data", list(meta)
want = []
for p in ("big/model/big-13.weights", "big/model/data/extra.bin"):
    data = open(os.path.join(root, p), "rb").read()
    want.append({"path": p, "sha": hashlib.sha256(data).hexdigest(), "bytes": len(data)})
assert meta["external_data"] == want, meta["external_data"]
PYEOF
commit_all() { git -C "$1" add -A && git -C "$1" commit -q -m "${2:-change}"; }
commit_all zoo manifest
check validate_clean 0 validate --repo zoo
check inspect 0 inspect zoo/big/model/big-13.onnx --format text
check inspect_json 0 inspect zoo/big/model/big-13.onnx --format json

# A pointer-only clone: the model and its side files are LFS pointers whose
# content is not here; the list comes back by model_sha, sha and size from
# the side files' pointers.
mkdir clone
cp -r zoo/. clone/ && rm -rf clone/.git
for f in big/model/big-13.onnx big/model/big-13.weights big/model/data/extra.bin; do
  oid=$(sha256sum "zoo/$f" | cut -d' ' -f1); size=$(stat -c %s "zoo/$f")
  printf 'version https://git-lfs.github.com/spec/v1\noid sha256:%s\nsize %s\n' "$oid" "$size" > "clone/$f"
done
make_repo clone
check pointer_clone 0 generate --repo clone --check
expect_same clone/ONNX_HUB_MANIFEST.json zoo/ONNX_HUB_MANIFEST.json

# fetch: the side files land beside the cached model under the names the
# model expects; onnx.load on the printed path, from an empty folder, gives
# every tensor as the original has it.
export ONNX_HOME="$WORK/onnx"
check fetch 0 fetch --repo zoo big
cached=$(head -1 "$WORK/stdout")
check fetch_cached 0 fetch --repo zoo big --format json
[[ $(json_query "$WORK/stdout" "[f['was_cached'] for f in m['side_files']]") == "[True, True]" ]] || fail "side files cached"
mkdir empty
(cd empty && "$PY" - "$cached" "$WORK/zoo/big/model/big-13.onnx" <<'PYEOF') || fail "onnx.load round trip"
import sys
import onnx
from onnx import numpy_helper
cached = onnx.load(sys.argv[1])
original = onnx.load(sys.argv[2])
a = {t.name: numpy_helper.to_array(t).tolist() for t in cached.graph.initializer}
b = {t.name: numpy_helper.to_array(t).tolist() for t in original.graph.initializer}
assert a == b and len(a) == 3, (a, b)
onnx.checker.check_model(sys.argv[1])
PYEOF
[[ -z $(find "$WORK/onnx" -name '*.tmp.*') ]] || fail "temp files left"

# A side file with the wrong content in the cache is replaced; one the hub
# cannot serve stops the fetch before the model appears under its name.
C="$WORK/onnx/hub/big/model"
echo garbage > "$C/big-13.weights"
check refetch_side_file 0 fetch --repo zoo big
cmp -s "$C/big-13.weights" zoo/big/model/big-13.weights || fail "side file not replaced"
rm -rf "$WORK/onnx"
mv zoo/big/model/data/extra.bin extra.bin
echo different > zoo/big/model/data/extra.bin
check fetch_bad_side_file 1 fetch --repo zoo big
[[ -z $(find "$WORK/onnx" -name '*big-13.onnx') ]] || fail "model placed without its side files"
