# --changed-since and --staged compare only what changed; the manifest-wide
# checks still run in full. GitHub annotations name repository paths when the
# zoo is a subfolder (samples/ here).
source "$SRC/tests/e2e/lib.sh"
mkdir repo
cp -r "$SRC/samples" repo/samples
git -C repo init -q
MF=samples/ONNX_HUB_MANIFEST.json
MLP_README=samples/other/tabular/tiny_mlp/README.md
# The base already has a fault: TinyNet-12 is renamed in its README only.
sed -i 's/^|TinyNet-12   |/|TinyNet-12b  |/' repo/samples/vision/classification/tinynet/README.md
git -C repo add -A && git -C repo commit -qm base
# The change: Tiny MLP's opset cell.
sed -i 's/|1.4 |9 |/|1.4 |10 |/' repo/$MLP_README
git -C repo commit -qam "opset"

# A full run sees both faults.
check full 1 validate --repo repo/samples
# Only the change since HEAD~1, with repository paths in the annotations.
check changed_since.github 1 validate --repo repo/samples --changed-since HEAD~1 --format github
line=$(grep -n '"opset_version": 9,' repo/$MF | cut -d: -f1)
cat > want.txt <<EOF
::error file=$MF,line=$line,col=9,title=entry.stale::opset_version is 9 but the README row other/tabular/tiny_mlp/README.md:5 gives 10
::error file=$MLP_README,line=5,title=model.opset-mismatch::the Opset version cell says 10 but other/tabular/tiny_mlp/model/tiny-mlp-9.onnx imports opset 9 of the default domain
EOF
expect_same want.txt stdout
# The manifest-wide checks still run: an unsorted manifest is seen whatever changed.
"$PY" - repo/$MF <<'PYEOF'
import json, sys
m = json.load(open(sys.argv[1]))
m[0], m[1] = m[1], m[0]
open(sys.argv[1], "w").write(json.dumps(m, indent=4))
PYEOF
check changed_since.unsorted 1 validate --repo repo/samples --changed-since HEAD~1 --format json
[[ $(json_query stdout '" ".join(sorted(f["check"] for f in m["findings"]))') == "entry.stale manifest.order model.opset-mismatch" ]] \
  || { cat stdout >&2; fail "changed-since with an unsorted manifest"; }
git -C repo checkout -q -- samples/ONNX_HUB_MANIFEST.json

# --staged reads the index: the staged README fix is seen, the unstaged edit is not.
sed -i 's/|1.4 |10 |/|1.4 |9 |/' repo/$MLP_README
git -C repo add $MLP_README
sed -i 's/|1.4 |9 |/|1.4 |11 |/' repo/$MLP_README
check staged 0 validate --repo repo/samples --staged
check work_tree 1 validate --repo repo/samples
git -C repo checkout -q -- $MLP_README

# Ports of a pointer-only model that BASE's manifest does not know are unverified.
printf 'version https://git-lfs.github.com/spec/v1\noid sha256:%s\nsize 7\n' "$(printf 'c%.0s' {1..64})" \
  > repo/samples/audio/keyword_spotting/model/kws-small-12.onnx
check new_small_model.generate 0 generate --repo repo/samples --quiet
"$PY" - repo/$MF <<'PYEOF'
import json, sys
m = json.load(open(sys.argv[1]))
m[1]["metadata"]["io_ports"] = {"inputs": [], "outputs": []}
open(sys.argv[1], "w").write(json.dumps(m, indent=4))
PYEOF
git -C repo commit -qam "new small model"
# The regeneration also wrote the base's README fault into the manifest
# (TinyNet-12b, with the ports TinyNet-12 had by sha): an entry the manifest
# changed since BASE is checked in full, so its extra_ports are seen too.
check new_small_model 1 validate --repo repo/samples --changed-since HEAD~1
check new_small_model.strict 1 validate --repo repo/samples --changed-since HEAD~1 --strict
