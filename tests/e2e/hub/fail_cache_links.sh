# A symlink planted under the cache is never written through: at a folder of
# the model's path, at the model's own name, at a side file's folder, or at
# the folder an archive unpacks into. Each is refused (exit 2) naming the
# link, nothing outside the cache is written, and the fetch leaves no folder
# it made. The cache root itself may be a link (a linked ~/.cache).
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
make_repo zoo "$SRC/samples"
export ONNX_HOME="$WORK/onnx"
H="$ONNX_HOME/hub"
mkdir -p "$WORK/outside" "$H/vision"
nothing_outside() { [[ -z $(find "$WORK/outside" -mindepth 1) ]] || fail "written outside the cache: $(find "$WORK/outside")"; }
folders() { find "$H" -type d | sort; }

ln -s "$WORK/outside" "$H/vision/classification"
before=$(folders)
check folder_link 2 fetch --repo zoo tinynet-12
nothing_outside
[[ $(folders) == "$before" ]] || fail "folders made"
# The cached copy is looked for the same way: a matching file behind the link is not "cached".
mkdir -p "$WORK/outside/tinynet/model"
sha=$(json_query zoo/ONNX_HUB_MANIFEST.json "[e for e in m if e['model']=='TinyNet-12'][0]['metadata']['model_sha']")
cp "zoo/$TINYNET/tinynet-12.onnx" "$WORK/outside/tinynet/model/${sha}_tinynet-12.onnx"
check folder_link_cached 2 fetch --repo zoo tinynet-12
rm -r "$WORK/outside/tinynet" "$H/vision/classification"

mkdir -p "$H/$TINYNET"
ln -s "$WORK/outside/model.onnx" "$H/$TINYNET/${sha}_tinynet-12.onnx"
check file_link 2 fetch --repo zoo tinynet-12
nothing_outside
[[ -L "$H/$TINYNET/${sha}_tinynet-12.onnx" && -z $(find "$H/$TINYNET" -name '*.tmp.*') ]] || fail "the link was replaced"
rm "$H/$TINYNET/${sha}_tinynet-12.onnx"

# The folder an archive unpacks into.
asha=$(json_query zoo/ONNX_HUB_MANIFEST.json "[e for e in m if e['model']=='TinyNet-7'][0]['metadata']['model_with_data_sha']")
ln -s "$WORK/outside" "$H/$TINYNET/${asha}_tinynet-7"
check data_folder_link 2 fetch --repo zoo tinynet-7 --with-data
nothing_outside
rm "$H/$TINYNET/${asha}_tinynet-7"

# A side file's folder (a model with external data).
mkdir -p big/big/model
"$PY" "$SRC/tests/e2e/generate/make_external_model.py" big/big/model/big-13.onnx big W=big-13.weights U=data/extra.bin
cat > big/big/README.md <<'MD'
# Big

| Model | Download | ONNX version | Opset version |
|-------|----------|--------------|---------------|
| Big | [model](model/big-13.onnx) | 1.14 | 13 |
MD
make_repo big
"$OHM" generate --repo big -q
mkdir -p "$H/big/model"
ln -s "$WORK/outside" "$H/big/model/data"
check side_folder_link 2 fetch --repo big big
nothing_outside
[[ -z $(find "$H/big" -name '*big-13.onnx') ]] || fail "model placed without its side files"
rm "$H/big/model/data"
rm -rf "$ONNX_HOME"

# The root may be a link: the user's choice, followed like any path to it.
mkdir -p "$WORK/real/hub"
ln -s "$WORK/real" "$ONNX_HOME"
check linked_root 0 fetch --repo zoo tinynet-7 --with-data
[[ -n $(find "$WORK/real/hub" -path '*test_data_set_0/input_0.pb') ]] || fail "not unpacked under the linked root"
nothing_outside
