# The untouched sample zoo validates clean in every report form, also with
# --strict, --staged, --changed-since, --rev and from a subfolder zoo.
source "$SRC/tests/e2e/lib.sh"
make_repo zoo "$SRC/samples"
run validate --repo zoo
expect_rc 0
[[ $(wc -l < stderr) == 1 ]] || { cat stderr >&2; fail "expected only the summary line"; }
expect_stderr_has "validate: 8 entries, 4 model READMEs, 2 models not checked, 1 archive not at hand: 0 errors, 0 warnings"
run validate --repo zoo --strict
expect_rc 0
run validate --repo zoo --format json
expect_rc 0
[[ $(json_query stdout 'len(m["findings"]), m["summary"]["errors"], m["summary"]["entries"]') == "0 0 8" ]] || fail "json report"
run validate --repo zoo --format github
expect_rc 0
[[ ! -s stdout ]] || fail "github annotations for a clean zoo"
run validate --repo zoo --staged
expect_rc 0
expect_stderr_has "(changed rows only)"
run validate --repo zoo --changed-since HEAD
expect_rc 0
run validate --repo zoo --rev HEAD
expect_rc 0
run validate --repo zoo --manifest zoo/ONNX_HUB_MANIFEST.json
expect_rc 0
run validate --repo zoo --schema "$SRC/schemas/onnx_hub_manifest.schema.json"
expect_rc 0
# Without git, the same zoo is clean too (no base manifest: no ports to vouch for).
cp -r "$SRC/samples" plain
run validate --repo plain
expect_rc 0
