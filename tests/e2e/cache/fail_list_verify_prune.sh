# cache list, verify and prune on a cache fetch filled: sizes and sha checks,
# a tampered file (verify exits 1; --fix removes it), a damaged data folder,
# an unsafe archive another client unpacked, a temp file of a dead process, a
# symlink that is never followed or removed, and prune's dry run, --yes,
# --older-than and --keep-manifest.
source "$SRC/tests/e2e/lib.sh"
unset XDG_CACHE_HOME
export ONNX_HOME="$WORK/onnx"
H="$ONNX_HOME/hub"
# When a cached file was placed changes with every run.
FILTERS+=('s/"modified": [0-9]*/"modified": <mtime>/')
make_repo zoo "$SRC/samples"

check empty 0 cache list
for m in TinyNet-12 TinyBERT Tiny_MLP; do check "fetch_$m" 0 fetch --repo zoo "${m//_/ }"; done
check fetch_with_data 0 fetch --repo zoo TinyNet-7 --with-data
data_folder=$(tail -1 "$WORK/stdout")
check list 0 cache list
check list_json 0 cache list --format json
[[ $(json_query "$WORK/stdout" '[i["data_folder"] for i in m["items"] if i["kind"] == "archive"][0]') == "$data_folder" ]] \
  || fail "json data folder"
check verify_clean 0 cache verify

# Tamper with one model, remove one test file, leave a dead process's temp file and a symlink.
bert=$(find "$H" -name '*_tinybert-11.onnx')
printf 'X' | dd of="$bert" bs=1 seek=5 conv=notrunc status=none
rm "$data_folder/tinynet-7/test_data_set_0/output_0.pb"
echo half > "$H/other/x.onnx.tmp.999999999.a1b2c3"
echo secret > "$WORK/outside.txt"
link="$H/other/$(printf secret | sha256sum | cut -d' ' -f1)_secret.onnx"
ln -s "$WORK/outside.txt" "$link"
check list_no_hash 0 cache list --no-hash
check list_damaged 0 cache list
check verify_damaged 1 cache verify
check verify_fix 1 cache verify --fix
[[ ! -e "$bert" && ! -e "$data_folder" ]] || fail "--fix left bad files"
check verify_after_fix 0 cache verify --format json
check fetch_unpacks_again 0 fetch --repo zoo TinyNet-7 --with-data
check fetch_downloads_again 0 fetch --repo zoo TinyBERT
check verify_quiet 0 cache verify -q

# An archive another client unpacked although it holds an unsafe entry.
"$PY" - "$H/other" <<'PY'
import gzip, hashlib, io, os, sys, tarfile
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as t:
    data = b"escape"
    info = tarfile.TarInfo("../evil.txt")
    info.size, info.mtime = len(data), 0
    t.addfile(info, io.BytesIO(data))
raw = gzip.compress(buf.getvalue(), mtime=0)  # the same bytes (and sha) on every run
name = hashlib.sha256(raw).hexdigest() + "_evil"
open(os.path.join(sys.argv[1], name + ".tar.gz"), "wb").write(raw)
os.makedirs(os.path.join(sys.argv[1], name))
PY
check verify_unsafe_archive 1 cache verify
check verify_unsafe_archive_fix 1 cache verify --fix -q
[[ -z $(find "$H/other" -maxdepth 1 -type d -name '*_evil') ]] || fail "--fix kept the unsafe archive's folder"
rm "$H"/other/*_evil.tar.gz

# prune: without choices only the dead process's temp file, and only with --yes.
check prune_dry_run 0 cache prune
[[ -e "$H/other/x.onnx.tmp.999999999.a1b2c3" ]] || fail "dry run removed"
check prune_yes 0 cache prune --yes
[[ ! -e "$H/other/x.onnx.tmp.999999999.a1b2c3" ]] || fail "--yes kept the temp file"

# --older-than: by when each file was placed; an archive goes with its data folder.
mlp=$(find "$H" -name '*_tiny-mlp-9.onnx')
archive=$(find "$H" -name '*_tinynet-7.tar.gz')
touch -d '40 days ago' "$mlp" "$archive"
check prune_older_than 0 cache prune --older-than 30 --format json
# --keep-manifest: keeps what the manifest names (here TinyNet-12 and TinyNet-7).
"$PY" -c 'import json,sys; m=json.load(open(sys.argv[1])); json.dump([e for e in m if e["model"].startswith("TinyNet-")], open(sys.argv[2],"w"), indent=4)' \
  zoo/ONNX_HUB_MANIFEST.json keep.json
check prune_old_and_unlisted 0 cache prune --keep-manifest keep.json --older-than 30 --yes
[[ ! -e "$mlp" && -e "$archive" ]] || fail "--older-than with --keep-manifest"
check prune_unlisted 0 cache prune --keep-manifest keep.json --yes
[[ -z $(find "$H" -name '*_tinybert*') && -n $(find "$H" -name '*_tinynet-12.onnx') && -e "$archive" ]] \
  || fail "--keep-manifest removed the wrong files"
[[ $(cat "$WORK/outside.txt") == secret && -L "$link" ]] || fail "the symlink or its target was touched"
echo "{broken" > broken.json
check prune_broken_keep_manifest 2 cache prune --keep-manifest broken.json --yes
[[ -n $(find "$H" -name '*_tinynet-12.onnx') ]] || fail "a broken manifest pruned"
check list_not_a_folder 2 cache list --cache "$WORK/outside.txt"
