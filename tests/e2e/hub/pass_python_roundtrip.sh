# Round trip with Debian's onnx.hub (python3-onnx 1.12): it reads the manifest
# we generate through a file:// base URL (only its URL builder patched) and
# agrees with list/info; a model placed by `fetch` is found in its cache.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
make_repo zoo "$SRC/samples"
check generate 0 generate --repo zoo
export ONNX_HOME="$WORK/onnx"

check list 0 list --repo zoo --format json
cp "$WORK/stdout" "$WORK/ours_all.json"
check list_vision 0 list --repo zoo --tag VISION --format json
cp "$WORK/stdout" "$WORK/ours_vision.json"
check info 0 info --repo zoo tinynet-7
cp "$WORK/stdout" "$WORK/ours_info.json"
check info_opset 0 info --repo zoo tinybert --opset 11
cp "$WORK/stdout" "$WORK/ours_info11.json"
check fetch 0 fetch --repo zoo TinyBERT-13

"$PY" - "$WORK" <<'PY'
import json, os, sys
from onnx import hub
work = sys.argv[1]
base = "file://" + os.path.join(work, "zoo") + "/"
hub._get_base_url = lambda repo, lfs=False: base  # the only patch
ours = lambda name: json.load(open(os.path.join(work, name)))
def same(infos, entries, what):
    got = [(i.model, i.opset, i.model_path) for i in infos]
    want = [(e["model"], e["opset_version"], e["model_path"]) for e in entries]
    assert got == want, (what, got, want)

same(hub.list_models(repo="me/zoo"), ours("ours_all.json"), "all")
same(hub.list_models(repo="me/zoo", tags=["VISION"]), ours("ours_vision.json"), "tags")
same(hub.list_models(repo="me/zoo", model="tinybert"), [e for e in ours("ours_all.json") if e["model"].lower() == "tinybert"], "name")
info = hub.get_model_info("tinynet-7", repo="me/zoo")
assert info.raw_model_info == ours("ours_info.json"), info
info11 = hub.get_model_info("tinybert", repo="me/zoo", opset=11)
assert info11.raw_model_info == ours("ours_info11.json"), info11

# load downloads (from file://) into its own cache and checks the sha256.
hub.set_dir(os.path.join(work, "pycache"))
model = hub.load("TinyNet-12", repo="me/zoo", silent=True)
assert model is not None and len(model.graph.node) > 0

# The model `fetch` placed is found in the shared cache: no download at all.
hub.set_dir(os.path.join(work, "onnx", "hub"))
def no_download(url, file_name):
    raise AssertionError("downloaded " + url)
hub._download_file = no_download
model = hub.load("TinyBERT-13", repo="me/zoo", silent=True)
assert model is not None
print("round trip ok")
PY

# onnx 1.12 has no with-data download; check fetch's layout against SPEC 9's
# text: <model_with_data_sha>_<name>.tar.gz, unpacked beside it without .tar.gz.
check fetch_with_data 0 fetch --repo zoo tinybert --with-data
dsha=$(json_query "$WORK/ours_info11.json" "m['metadata']['model_with_data_sha']")
dpath=$(json_query "$WORK/ours_info11.json" "m['metadata']['model_with_data_path']")
[[ -f "$WORK/onnx/hub/$(dirname "$dpath")/${dsha}_$(basename "$dpath")" ]] || fail "archive layout"
[[ -d "$WORK/onnx/hub/$(dirname "$dpath")/${dsha}_$(basename "$dpath" .tar.gz)" ]] || fail "unpacked layout"
