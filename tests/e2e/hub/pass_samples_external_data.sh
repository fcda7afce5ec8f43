# The sample zoo's model with external data (Tiny linear), end to end:
# generate on samples gives the committed entry with its external_data, fetch
# from a loopback hub places the side file beside the cached model, and
# Python's onnx.load on the printed path, from an empty folder, gives every
# tensor make_samples.py wrote; onnx.hub.load cannot (it parses bytes). The LFS
# variant's side file is a pointer: a hub serving raw files is refused, the
# clone's LFS store serves it. A pointer-only clone keeps the list by model_sha.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
make_repo zoo "$SRC/samples"
check generate 0 generate --repo zoo --no-reuse
expect_same zoo/ONNX_HUB_MANIFEST.json "$SRC/samples/ONNX_HUB_MANIFEST.json"
D=other/external_data/tiny_linear/model
[[ $(json_query zoo/ONNX_HUB_MANIFEST.json "[e['metadata']['external_data'][0]['path'] for e in m if e['model'] == 'Tiny linear']") == "['$D/tiny-linear-13.weights']" ]] ||
  fail "the entry lists its side file"

start_server "$WORK/zoo"
HUB="http://127.0.0.1:$PORT/ok/"
export ONNX_HOME="$WORK/onnx"
check fetch 0 fetch --hub "$HUB" --trust "tiny linear"
cached=$(head -1 "$WORK/stdout")
expect_same "$WORK/onnx/hub/$D/tiny-linear-13.weights" "$SRC/samples/$D/tiny-linear-13.weights"

# same_tensors CACHED: onnx.load from an empty folder; each tensor equals the
# sample's and what make_samples.py computes, dtype and shape included.
mkdir empty
same_tensors() {
  (cd "$WORK/empty" && "$PY" - "$1" "$SRC/samples/$D/tiny-linear-13.onnx" "$SRC/scripts" <<'PYEOF') || fail "onnx.load round trip of $1"
import os, sys
import numpy as np
import onnx
from onnx import numpy_helper
assert os.listdir(".") == [], os.listdir(".")
sys.path.insert(0, sys.argv[3])
from make_samples import linear_weights
def tensors(path):
    return {t.name: numpy_helper.to_array(t) for t in onnx.load(path).graph.initializer}
got, original, made = tensors(sys.argv[1]), tensors(sys.argv[2]), dict(linear_weights())
assert sorted(got) == sorted(original) == sorted(made) == ["linear.bias", "linear.weight"], sorted(got)
for name, want in made.items():
    for have in (got[name], original[name]):
        assert have.dtype == want.dtype and have.shape == want.shape, (name, have.dtype, have.shape)
        assert np.array_equal(have, want), name
onnx.checker.check_model(sys.argv[1])
PYEOF
}
same_tensors "$cached"

# onnx.hub.load downloads model_path alone and parses it from bytes, so the
# model it returns has no weights, and they cannot be found from here either
# (README: Publishing large models).
(cd empty && "$PY" - "$WORK" <<'PYEOF') || fail "onnx.hub.load on a model with external data"
import os, sys
from onnx import TensorProto, hub, numpy_helper
work = sys.argv[1]
hub._get_base_url = lambda repo, lfs=False: "file://" + os.path.join(work, "zoo") + "/"
hub.set_dir(os.path.join(work, "pycache"))
model = hub.load("Tiny linear", repo="me/zoo", silent=True)
for t in model.graph.initializer:
    assert t.data_location == TensorProto.EXTERNAL and not t.raw_data, t.name
    try:
        numpy_helper.to_array(t)
    except FileNotFoundError as e:
        assert "tiny-linear-13.weights" in str(e), e
    else:
        raise AssertionError("the weights of " + t.name + " were found")
PYEOF

# The LFS variant, served as the repository has it: its side file is a pointer.
check fetch_lfs_pointer_served 1 fetch --hub "$HUB" --trust "tiny linear lfs"
[[ -z $(find "$WORK/onnx" -name '*tiny-linear-lfs-13.*') ]] || fail "a file of the LFS variant was cached"
# From the clone, whose LFS store holds the object (the content variant's bytes).
oid=$(sha256sum "zoo/$D/tiny-linear-13.weights" | cut -d' ' -f1)
mkdir -p "zoo/.git/lfs/objects/${oid:0:2}/${oid:2:2}"
cp "zoo/$D/tiny-linear-13.weights" "zoo/.git/lfs/objects/${oid:0:2}/${oid:2:2}/$oid"
check fetch_lfs_store 0 fetch --repo zoo "tiny linear lfs"
same_tensors "$(head -1 "$WORK/stdout")"

# A pointer-only clone: the models and side files are pointers; the committed
# external_data comes back by model_sha, sha and size from the pointers.
mkdir clone && cp -r "$SRC/samples/." clone/
for f in tiny-linear-13.onnx tiny-linear-13.weights tiny-linear-lfs-13.onnx; do
  printf 'version https://git-lfs.github.com/spec/v1\noid sha256:%s\nsize %s\n' \
    "$(sha256sum "zoo/$D/$f" | cut -d' ' -f1)" "$(stat -c %s "zoo/$D/$f")" > "clone/$D/$f"
done
make_repo clone
check pointer_clone 0 generate --repo clone --check
