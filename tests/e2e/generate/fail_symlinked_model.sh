# A model that is a symlink is never opened: an error for its row, the rest is written.
source "$SRC/tests/e2e/lib.sh"
make_repo repo "$SRC/samples"
rm repo/vision/classification/tinynet/model/tinynet-7.onnx
ln -s /etc/passwd repo/vision/classification/tinynet/model/tinynet-7.onnx
mkfifo repo/other/tabular/tiny_mlp/model/fifo.onnx
sed -i 's|tiny%2Dmlp-9.onnx|fifo.onnx|' repo/other/tabular/tiny_mlp/README.md
check special_files 1 generate --repo repo -o out.json
# The symlinked model keeps its published entry; every other row is written.
[[ $(json_query out.json 'len(m)') == 9 ]] || fail "expected 9 entries"
"$PY" - "$SRC/samples/ONNX_HUB_MANIFEST.json" out.json <<'PYEOF' || fail "kept entry differs"
import json, sys
old = {e["model_path"]: e for e in json.load(open(sys.argv[1]))}
new = {e["model_path"]: e for e in json.load(open(sys.argv[2]))}
p = "vision/classification/tinynet/model/tinynet-7.onnx"
sys.exit(old[p] != new[p])
PYEOF
