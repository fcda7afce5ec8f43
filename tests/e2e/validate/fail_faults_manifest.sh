# Fault injection in the sample zoo's manifest: each fault is reported with its
# check id, severity, file and line, and nothing else is.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/validate/faults.sh"
MF=ONNX_HUB_MANIFEST.json
MLP=other/tabular/tiny_mlp/model/tiny-mlp-9.onnx
T7=vision/classification/tinynet/model/tinynet-7.onnx
KWS=audio/keyword_spotting/model/kws-small-12.onnx

fault untouched "untouched"
expect_findings 0 </dev/null

fault wrong_sha "wrong sha"
line=$(entry_line $T7 model_sha)
sed -i "${line}s/\"[0-9a-f]\{64\}\"/\"$(printf 'a%.0s' {1..64})\"/" $M
expect_findings 1 <<<"artifact.sha-mismatch error $MF $line"

fault wrong_size "wrong size"
line=$(entry_line $MLP model_bytes)
sed -i "${line}s/: [0-9]*/: 151/" $M
expect_findings 1 <<<"artifact.size-mismatch error $MF $line"

fault bad_json "bad JSON"
line=$(entry_line $MLP onnx_version)
sed -i "${line}s/,\$//" $M
expect_findings 1 <<<"manifest.json error $MF $((line + 1))"
check bad_json.text 1 validate --repo z

fault schema_type "schema type error"
line=$(entry_line $MLP opset_version)
sed -i "${line}s/: 9,/: \"9\",/" $M
expect_findings 1 <<<"schema.violation error $MF $line"
[[ $(json_query "$WORK/stdout" 'm["findings"][0]["json_pointer"]') == /4/opset_version ]] || fail "json_pointer"

fault path_dotdot "path with .."
line=$(entry_line $MLP model_path)
sed -i "${line}s|tiny_mlp/model|tiny_mlp/../tiny_mlp/model|" $M
expect_findings 1 <<<"path.unsafe error $MF $line"

fault unsorted "unsorted manifest"
"$PY" - $M <<'PYEOF'
import json, sys
m = json.load(open(sys.argv[1]))
i = [e["model"] for e in m].index("Tiny MLP")
m[i], m[i + 1] = m[i + 1], m[i]
open(sys.argv[1], "w").write(json.dumps(m, indent=4))
PYEOF
line=$(line_of $M "\"model_path\": \"$MLP\"")
expect_findings 0 <<<"manifest.order warning $MF $line"
expect_findings 1 --strict <<<"manifest.order error $MF $line"

fault unknown_key "unknown key"
line=$(entry_line $MLP onnx_version)
sed -i "${line}s/\$/\n        \"homepage\": \"https:\/\/example.org\",/" $M
expect_findings 0 <<<"entry.unknown-key warning $MF $((line + 1))"

fault stale_sha "stale sha after a model update"
printf 'version https://git-lfs.github.com/spec/v1\noid sha256:%s\nsize 7\n' "$(printf 'b%.0s' {1..64})" > z/$KWS
printf '%s\n' "artifact.sha-mismatch error $MF $(entry_line $KWS model_sha)" \
              "artifact.size-mismatch error $MF $(entry_line $KWS model_bytes)" | expect_findings 1

fault duplicate_case "duplicate (model, opset) differing only in case"
sed -i 's/^|KWS-small /|kws-LARGE /' z/audio/keyword_spotting/README.md
regenerate 0
expect_findings 1 <<<"manifest.duplicate error $MF $(entry_line $KWS model)"
check duplicate_case.text 1 validate --repo z

fault invented_io_ports "invented io_ports for a pointer-only model"
"$PY" - $M <<'PYEOF'
import json, sys
m = json.load(open(sys.argv[1]))
m[1]["metadata"]["io_ports"] = {"inputs": [{"name": "x", "shape": [1], "type": "tensor(float)"}], "outputs": []}
open(sys.argv[1], "w").write(json.dumps(m, indent=4))
PYEOF
expect_findings 1 <<<"ports.mismatch error $MF $(entry_line $KWS io_ports)"

fault unverified_io_ports "io_ports nothing can vouch for"
printf 'version https://git-lfs.github.com/spec/v1\noid sha256:%s\nsize 7\n' "$(printf 'c%.0s' {1..64})" > z/$KWS
regenerate 0
"$PY" - $M <<'PYEOF'
import json, sys
m = json.load(open(sys.argv[1]))
m[1]["metadata"]["io_ports"] = {"inputs": [], "outputs": []}
open(sys.argv[1], "w").write(json.dumps(m, indent=4))
PYEOF
expect_findings 0 <<<"ports.unverified warning $MF $(entry_line $KWS io_ports)"
