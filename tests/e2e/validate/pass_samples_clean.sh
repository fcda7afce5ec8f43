# The untouched sample zoo validates clean in every report form, also with
# --strict, --staged, --changed-since, --rev and from a subfolder zoo.
source "$SRC/tests/e2e/lib.sh"
make_repo zoo "$SRC/samples"
check text 0 validate --repo zoo
check strict 0 validate --repo zoo --strict
check json 0 validate --repo zoo --format json
[[ $(json_query stdout 'len(m["findings"]), m["summary"]["errors"], m["summary"]["entries"]') == "0 0 10" ]] || fail "json report"
check github 0 validate --repo zoo --format github
check staged 0 validate --repo zoo --staged
check changed_since 0 validate --repo zoo --changed-since HEAD
check rev 0 validate --repo zoo --rev HEAD
check manifest 0 validate --repo zoo --manifest zoo/ONNX_HUB_MANIFEST.json
check schema 0 validate --repo zoo --schema "$SRC/schemas/onnx_hub_manifest.schema.json"
# Without git, the same zoo is clean too (no base manifest: no ports to vouch for).
cp -r "$SRC/samples" plain
check plain 0 validate --repo plain
