# A cache shared with Debian's onnx.hub (python3-onnx 1.12, ONNX_HOME set):
# what onnx.hub.load wrote, cache list shows and verify checks like our own
# files; a half-written download of the Python client (it writes in place) is
# found and removed by verify --fix, after which onnx.hub downloads it again;
# prune --keep-manifest leaves what the client still finds without a download.
source "$SRC/tests/e2e/lib.sh"
unset XDG_CACHE_HOME
make_repo zoo "$SRC/samples"
export ONNX_HOME="$WORK/onnx"
H="$ONNX_HOME/hub"
# When a cached file was placed changes with every run.
FILTERS+=('s/"modified": [0-9]*/"modified": <mtime>/')

# py CODE: runs CODE with onnx.hub reading this zoo through file:// (only its
# URL builder patched); what the client prints goes to py.log.
py() {
  "$PY" - "$WORK" "$1" >>"$WORK/py.log" <<'PY'
import os, sys
from onnx import hub
work, code = sys.argv[1], sys.argv[2]
hub._get_base_url = lambda repo, lfs=False: "file://" + os.path.join(work, "zoo") + "/"
exec(code)
PY
}

py 'for name in ("TinyNet-12", "TinyBERT", "Tiny MLP"): assert hub.load(name, repo="me/zoo", silent=True) is not None'
check our_fetch_beside_theirs 0 fetch --repo zoo TinyNet-7 --with-data
check list 0 cache list
check list_json 0 cache list --format json
"$PY" - "$WORK/stdout" zoo/ONNX_HUB_MANIFEST.json <<'PY' || fail "cache list does not match the manifest's entries"
import json, sys
listing, manifest = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
by_path = {e["model_path"]: e for e in manifest}
for item in (i for i in listing["items"] if i["kind"] == "model"):
    e = by_path[item["hub_path"]]
    assert item["sha256"] == e["metadata"]["model_sha"] and item["bytes"] == e["metadata"]["model_bytes"], item
PY
check verify 0 cache verify

# The Python client writes in place: a download cut short keeps its final name.
bert=$(find "$H" -name '*_tinybert-11.onnx')
truncate -s 100 "$bert"
py '
try:
    hub.load("TinyBERT", repo="me/zoo", silent=True)
    raise SystemExit("onnx.hub used a damaged cache file")
except AssertionError as e:
    assert "SHA256" in str(e), e'
check verify_cut_short 1 cache verify
check verify_fix 1 cache verify --fix
py 'assert hub.load("TinyBERT", repo="me/zoo", silent=True) is not None'
check verify_downloaded_again 0 cache verify
py 'assert hub.load("TinyBERT", repo="me/zoo", silent=True, force_reload=True) is not None'
check fetch_finds_theirs 0 fetch --repo zoo TinyBERT

# Keep TinyNet-12 and TinyNet-7 (model and archive): prune the rest.
"$PY" -c 'import json,sys; m=json.load(open(sys.argv[1])); json.dump([e for e in m if e["model"] in ("TinyNet-12", "TinyNet-7")], open(sys.argv[2],"w"))' \
  zoo/ONNX_HUB_MANIFEST.json keep.json
check prune_keep_manifest 0 cache prune --keep-manifest keep.json --yes
py '
def no_download(url, file_name):
    raise AssertionError("downloaded " + url)
hub._download_file = no_download
assert hub.load("TinyNet-12", repo="me/zoo", silent=True) is not None
try:
    hub.load("Tiny MLP", repo="me/zoo", silent=True)
    raise SystemExit("Tiny MLP was not pruned")
except AssertionError as e:
    assert "downloaded" in str(e), e'
check list_after_prune 0 cache list
