# fetch --with-data refuses every unsafe archive entry kind (SPEC 4): nothing
# is unpacked, the archive is not kept, and nothing appears outside the cache.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
mkdir zoo
"$PY" - zoo <<'PY'
import hashlib, io, json, os, sys, tarfile
zoo = sys.argv[1]
model = b"not really a model, but bytes with a sha"
cases = {
    "dotdot": lambda t: add(t, "../escape.txt"),
    "absolute": lambda t: add(t, "/tmp/ohm-hostile-abs.txt"),
    "symlink": lambda t: link(t, "m/evil", tarfile.SYMTYPE, "../../../../etc/passwd"),
    "hardlink": lambda t: link(t, "m/evil", tarfile.LNKTYPE, "/etc/passwd"),
    "device": lambda t: special(t, "m/zero", tarfile.CHRTYPE),
    "fifo": lambda t: special(t, "m/fifo", tarfile.FIFOTYPE),
    "through_link": lambda t: (link(t, "m/l", tarfile.SYMTYPE, "."), add(t, "m/l/x.txt")),
}
def add(t, name, data=b"x"):
    info = tarfile.TarInfo(name); info.size = len(data); t.addfile(info, io.BytesIO(data))
def link(t, name, kind, target):
    info = tarfile.TarInfo(name); info.type = kind; info.linkname = target; t.addfile(info)
def special(t, name, kind):
    info = tarfile.TarInfo(name); info.type = kind; info.devmajor = 1; info.devminor = 5; t.addfile(info)
entries = []
for name, hostile in cases.items():
    folder = os.path.join(zoo, name)
    os.makedirs(folder)
    open(os.path.join(folder, "m.onnx"), "wb").write(model)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as t:
        add(t, "m/m.onnx", model)
        add(t, "m/test_data_set_0/input_0.pb")
        hostile(t)
    data = buf.getvalue()
    open(os.path.join(folder, "m.tar.gz"), "wb").write(data)
    entries.append({"model": name, "model_path": name + "/m.onnx", "onnx_version": "1.9",
                    "opset_version": 12, "metadata": {
                        "model_sha": hashlib.sha256(model).hexdigest(), "model_bytes": len(model),
                        "tags": ["hostile"], "model_with_data_path": name + "/m.tar.gz",
                        "model_with_data_sha": hashlib.sha256(data).hexdigest(),
                        "model_with_data_bytes": len(data)}})
open(os.path.join(zoo, "ONNX_HUB_MANIFEST.json"), "w").write(json.dumps(entries, indent=4))
PY
export ONNX_HOME="$WORK/cache/onnx"
for name in dotdot absolute symlink hardlink device fifo through_link; do
  check "$name" 1 fetch --manifest zoo/ONNX_HUB_MANIFEST.json "$name" --with-data
  [[ -z $(find "$WORK/cache" -name '*_m' -o -name '*.tar.gz' -o -name '*.tmp.*') ]] || fail "$name left an archive or folder"
done
[[ ! -e "$WORK/cache/onnx/escape.txt" && ! -e "$WORK/cache/escape.txt" ]] || fail "escaped the cache"
[[ ! -e /tmp/ohm-hostile-abs.txt ]] || fail "wrote an absolute path"
# The model itself was verified and stays (it is what `fetch` without --with-data gives).
[[ $(find "$WORK/cache" -type f | wc -l) == 7 ]] || { find "$WORK/cache" -type f; fail "only the 7 models expected"; }

# An archive over the limits is refused the same way.
check entry_limit 1 fetch --manifest zoo/ONNX_HUB_MANIFEST.json dotdot --with-data --max-entries 1
