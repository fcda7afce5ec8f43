# cache list, verify and prune with a model's external-data side files: fetch
# keeps the side-file list beside the model, list shows each side file (and
# counts its size), verify checks its sha and size against that list, a
# missing one is cache.side-missing, and prune takes side files with the last
# model that needs them; a side file of no cached model is cache.orphan, and
# prune removes it.
source "$SRC/tests/e2e/lib.sh"
unset XDG_CACHE_HOME
export ONNX_HOME="$WORK/onnx"
H="$ONNX_HOME/hub"
C="$H/big/model"
# When a cached file was placed changes with every run.
FILTERS+=('s/"modified": [0-9]*/"modified": <mtime>/')
mk() { "$PY" "$SRC/tests/e2e/generate/make_external_model.py" "$@"; }
mkdir -p zoo/big/model
# Two models that share one side file, and one with a side file of its own.
mk zoo/big/model/big-13.onnx big13 W=shared.weights
mk zoo/big/model/big-14.onnx big14 W=shared.weights U=data/extra.bin
cat > zoo/big/README.md <<'MD'
# Big

| Model | Download | ONNX version | Opset version |
|-------|----------|--------------|---------------|
| Big | [model](model/big-13.onnx) | 1.14 | 13 |
| Big | [model](model/big-14.onnx) | 1.14 | 14 |
MD
make_repo zoo
"$OHM" generate --repo zoo -q
check fetch_13 0 fetch --repo zoo big --opset 13
check fetch_14 0 fetch --repo zoo big --opset 14
check list 0 cache list
check list_json 0 cache list --format json
check verify_clean 0 cache verify

# A side file with other content, and one that is gone.
printf 'XXXX' | dd of="$C/shared.weights" bs=1 seek=3 conv=notrunc status=none
rm "$C/data/extra.bin"
check list_damaged 0 cache list
check verify_damaged 1 cache verify
check verify_fix 1 cache verify --fix
[[ ! -e "$C/shared.weights" ]] || fail "--fix kept the bad side file"
check fetch_again 0 fetch --repo zoo big --opset 14
check verify_after_fetch 0 cache verify -q

# prune: a model that goes takes its list, and the side files no other model needs.
"$PY" -c 'import json,sys; m=json.load(open(sys.argv[1])); json.dump([e for e in m if e["opset_version"] == 13], open(sys.argv[2],"w"), indent=4)' \
  zoo/ONNX_HUB_MANIFEST.json keep13.json
check prune_keep_13 0 cache prune --keep-manifest keep13.json --yes
[[ -e "$C/shared.weights" && ! -e "$C/data/extra.bin" && -z $(find "$H" -name '*big-14*') ]] || fail "$(find "$H" -type f)"
check verify_after_prune 0 cache verify -q

# A model removed by hand leaves its side files and list: orphans, which prune removes.
rm "$C"/*_big-13.onnx
check list_orphans 0 cache list
check verify_orphans 0 cache verify
check prune_orphans_dry_run 0 cache prune
[[ -e "$C/shared.weights" ]] || fail "dry run removed"
check prune_orphans 0 cache prune --yes
[[ -z $(find "$H" -type f) ]] || fail "left: $(find "$H" -type f)"

# A side-file list that is not one is unreadable, and never makes anything an orphan.
mkdir -p "$C"
echo '{broken' > "$C/$(printf x | sha256sum | cut -d' ' -f1)_big-13.onnx.external-data.json"
echo keep > "$C/shared.weights"
check verify_broken_list 1 cache verify
check prune_broken_list 0 cache prune --yes
[[ -e "$C/shared.weights" ]] || fail "a broken list pruned"
