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

# py CODE: runs CODE with onnx.hub reading this zoo through file:// (only its URL builder patched).
py() {
  "$PY" - "$WORK" "$1" <<'PY'
import os, sys
from onnx import hub
work, code = sys.argv[1], sys.argv[2]
hub._get_base_url = lambda repo, lfs=False: "file://" + os.path.join(work, "zoo") + "/"
exec(code)
PY
}

py 'for name in ("TinyNet-12", "TinyBERT", "Tiny MLP"): assert hub.load(name, repo="me/zoo", silent=True) is not None'
run fetch --repo zoo TinyNet-7 --with-data
expect_rc 0 "our fetch beside theirs"

run cache list --format json
expect_rc 0
"$PY" - "$WORK/stdout" zoo/ONNX_HUB_MANIFEST.json <<'PY' || fail "cache list does not match what onnx.hub wrote"
import json, sys
listing, manifest = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
by_path = {e["model_path"]: e for e in manifest}
models = {i["hub_path"]: i for i in listing["items"] if i["kind"] == "model"}
assert sorted(models) == sorted(by_path[p]["model_path"] for p in by_path
                                if by_path[p]["model"] in ("TinyNet-12", "TinyBERT", "Tiny MLP", "TinyNet-7")), models
for path, item in models.items():
    e = by_path[path]
    assert item["sha256"] == e["metadata"]["model_sha"] and item["bytes"] == e["metadata"]["model_bytes"], item
    assert item["sha_matches"] is True, item
archives = [i for i in listing["items"] if i["kind"] == "archive"]
assert len(archives) == 1 and archives[0]["data_folder"], archives
PY
run cache verify
expect_rc 0 "a shared cache verifies"

# The Python client writes in place: a download cut short keeps its final name.
bert=$(find "$H" -name '*_tinybert-11.onnx')
truncate -s 100 "$bert"
py '
try:
    hub.load("TinyBERT", repo="me/zoo", silent=True)
    raise SystemExit("onnx.hub used a damaged cache file")
except AssertionError as e:
    assert "SHA256" in str(e), e'
run cache verify
expect_rc 1 "the damaged file"
expect_stderr_has "$bert: error: sha256 is "
run cache verify --fix
expect_stdout_has "removed $bert"
py 'assert hub.load("TinyBERT", repo="me/zoo", silent=True) is not None'
run cache verify
expect_rc 0 "downloaded again by onnx.hub"
py 'assert hub.load("TinyBERT", repo="me/zoo", silent=True, force_reload=True) is not None'
run fetch --repo zoo TinyBERT
expect_stderr_has "cached: TinyBERT"

# Keep only TinyNet-12 (and the archive of TinyNet-7, whose entry the manifest also names).
"$PY" -c 'import json,sys; m=json.load(open(sys.argv[1])); json.dump([e for e in m if e["model"] in ("TinyNet-12", "TinyNet-7")], open(sys.argv[2],"w"))' \
  zoo/ONNX_HUB_MANIFEST.json keep.json
run cache prune --keep-manifest keep.json --yes
expect_rc 0
expect_stderr_has "cache prune: removed 2 items"
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
run cache list
expect_stderr_has "cache list: 2 models, 1 archive (1 unpacked)"
