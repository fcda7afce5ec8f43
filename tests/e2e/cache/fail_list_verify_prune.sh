# cache list, verify and prune on a cache fetch filled: sizes and sha checks,
# a tampered file (verify exits 1; --fix removes it), a damaged data folder,
# temp names of dead processes, a symlink that is never followed or removed,
# and prune's dry run, --yes, --older-than and --keep-manifest.
source "$SRC/tests/e2e/lib.sh"
unset XDG_CACHE_HOME
export ONNX_HOME="$WORK/onnx"
H="$ONNX_HOME/hub"
make_repo zoo "$SRC/samples"

run cache list
expect_rc 0 "empty cache"
expect_stderr_has "cache list: nothing cached: $H does not exist"
for m in TinyNet-12 TinyBERT "Tiny MLP"; do run fetch --repo zoo "$m" && expect_rc 0 "fetch $m"; done
run fetch --repo zoo TinyNet-7 --with-data
expect_rc 0 "with data"
data_folder=$(tail -1 "$WORK/stdout")

run cache list
expect_rc 0
expect_stdout_has "KIND      SIZE  SHA256        CHECK     DATA  HUB PATH"
sha12=$(json_query zoo/ONNX_HUB_MANIFEST.json "[e for e in m if e['model']=='TinyNet-12'][0]['metadata']['model_sha'][:12]")
grep -qE "^model +[0-9]+ B  $sha12  ok +-  vision/classification/tinynet/model/tinynet-12.onnx$" "$WORK/stdout" \
  || fail "model row: $(cat "$WORK/stdout")"
grep -qE "^archive +[0-9]+ B  [0-9a-f]{12}  ok +[0-9.]+ KiB  vision/classification/tinynet/model/tinynet-7.tar.gz$" "$WORK/stdout" \
  || fail "archive row: $(cat "$WORK/stdout")"
expect_stderr_has "cache list: 4 models, 1 archive (1 unpacked), "
run cache list --format json
[[ $(json_query "$WORK/stdout" 'sorted((i["kind"], i["hub_path"], i["sha_matches"]) for i in m["items"])[0]') == \
   "('archive', 'vision/classification/tinynet/model/tinynet-7.tar.gz', True)" ]] || fail "json list"
[[ $(json_query "$WORK/stdout" '[i["data_folder"] for i in m["items"] if i["kind"] == "archive"][0]') == "$data_folder" ]] \
  || fail "json data folder"
run cache verify
expect_rc 0 "clean cache"
expect_stderr_has "cache verify: 5 files ("
expect_stderr_has "), 1 data folder in $H: 0 errors, 0 warnings"

# Tamper with one model, remove one test file, leave a dead process's temp file and a symlink.
bert=$(find "$H" -name '*_tinybert-11.onnx')
printf 'X' | dd of="$bert" bs=1 seek=5 conv=notrunc status=none
rm "$data_folder/tinynet-7/test_data_set_0/output_0.pb"
echo half > "$H/other/x.onnx.tmp.999999999.a1b2c3"
echo secret > "$WORK/outside.txt"
ln -s "$WORK/outside.txt" "$H/other/$(printf secret | sha256sum | cut -d' ' -f1)_secret.onnx"
run cache list --no-hash
expect_rc 0
expect_stdout_has "unchecked"
run cache list
expect_stdout_has "MISMATCH"
expect_stdout_has "not-a-file"
expect_stdout_has "stale"
run cache verify
expect_rc 1 "mismatches"
expect_stderr_has "$bert: error: sha256 is "
expect_stderr_has "[cache.sha-mismatch]"
expect_stderr_has "$data_folder: error: differs from its archive: tinynet-7/test_data_set_0/output_0.pb is missing [cache.data-mismatch]"
expect_stderr_has "x.onnx.tmp.999999999.a1b2c3: warning: an unfinished write of process 999999999, which has ended; cache prune removes it [cache.stale-temp]"
expect_stderr_has "_secret.onnx: warning: a symbolic link where the cache holds files and folders: not followed, left alone [cache.not-regular]"
expect_stderr_has ": 2 errors, 2 warnings"
run cache verify --fix
expect_rc 1 "fixed, still reported"
expect_stdout_has "removed $bert"
expect_stdout_has "removed $data_folder"
[[ ! -e "$bert" && ! -e "$data_folder" ]] || fail "--fix left bad files"
run cache verify --format json
expect_rc 0 "after --fix"
[[ $(json_query "$WORK/stdout" 'm["summary"]["errors"]') == 0 ]] || fail "json verify"
run fetch --repo zoo TinyNet-7 --with-data
expect_rc 0 "fetch unpacks again"
run fetch --repo zoo TinyBERT
expect_stderr_has "fetched: TinyBERT"
run cache verify -q
expect_rc 0
expect_stderr_lacks ": error:"

# An archive another client unpacked although it holds an unsafe entry.
"$PY" - "$H/other" <<'PY'
import hashlib, io, os, sys, tarfile
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w:gz") as t:
    data = b"escape"
    info = tarfile.TarInfo("../evil.txt")
    info.size = len(data)
    t.addfile(info, io.BytesIO(data))
raw = buf.getvalue()
name = hashlib.sha256(raw).hexdigest() + "_evil"
open(os.path.join(sys.argv[1], name + ".tar.gz"), "wb").write(raw)
os.makedirs(os.path.join(sys.argv[1], name))
PY
run cache verify
expect_rc 1 "unsafe archive"
expect_stderr_has "_evil: error: differs from its archive: the archive has 1 unsafe entry (../evil.txt) [cache.data-mismatch]"
run cache verify --fix
[[ -z $(find "$H/other" -maxdepth 1 -type d -name '*_evil') ]] || fail "--fix kept the unsafe archive's folder"
rm "$H"/other/*_evil.tar.gz

# prune: without choices only the dead process's temp file, and only with --yes.
run cache prune
expect_rc 0
expect_stdout_has "would remove $H/other/x.onnx.tmp.999999999.a1b2c3 (5 B, unfinished write of process 999999999, which has ended)"
expect_stderr_has "cache prune: would remove 1 item (5 B); pass --yes to remove them (only unfinished writes were looked for"
[[ -e "$H/other/x.onnx.tmp.999999999.a1b2c3" ]] || fail "dry run removed"
run cache prune --yes
expect_stdout_has "removed $H/other/x.onnx.tmp.999999999.a1b2c3"
[[ ! -e "$H/other/x.onnx.tmp.999999999.a1b2c3" ]] || fail "--yes kept the temp file"

# --older-than: by when each file was placed; an archive goes with its data folder.
mlp=$(find "$H" -name '*_tiny-mlp-9.onnx')
archive=$(find "$H" -name '*_tinynet-7.tar.gz')
touch -d '40 days ago' "$mlp" "$archive"
run cache prune --older-than 30 --format json
expect_rc 0
[[ $(json_query "$WORK/stdout" 'sorted(i["file"] for i in m["items"])') == "['$mlp', '$archive']" ]] \
  || fail "older-than chose: $(cat "$WORK/stdout")"
[[ $(json_query "$WORK/stdout" 'm["dry_run"]') == True ]] || fail "json dry run"

# --keep-manifest: keeps what the manifest names (here only TinyNet-12 and TinyNet-7).
"$PY" -c 'import json,sys; m=json.load(open(sys.argv[1])); json.dump([e for e in m if e["model"].startswith("TinyNet-")], open(sys.argv[2],"w"), indent=4)' \
  zoo/ONNX_HUB_MANIFEST.json keep.json
mlp_size=$(stat -c %s "$mlp")
run cache prune --keep-manifest keep.json --older-than 30 --yes
expect_rc 0
expect_stdout_has "removed $mlp ($mlp_size B, placed 40 days ago, not in keep.json)"
[[ -e "$archive" ]] || fail "kept archive removed"
run cache prune --keep-manifest keep.json --yes
expect_stdout_has "_tinybert-11.onnx"
[[ -z $(find "$H" -name '*_tinybert*') ]] || fail "unlisted model kept"
[[ -n $(find "$H" -name '*_tinynet-12.onnx') && -e "$archive" ]] || fail "listed models removed"
[[ $(cat "$WORK/outside.txt") == secret && -L "$H/other/$(printf secret | sha256sum | cut -d' ' -f1)_secret.onnx" ]] \
  || fail "the symlink or its target was touched"
echo "{broken" > broken.json
run cache prune --keep-manifest broken.json --yes
expect_rc 2 "unreadable keep manifest"
[[ -n $(find "$H" -name '*_tinynet-12.onnx') ]] || fail "a broken manifest pruned"
run cache list --cache "$WORK/outside.txt"
expect_rc 2 "not a folder"
