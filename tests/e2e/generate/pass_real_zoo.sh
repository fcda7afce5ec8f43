# The real zoo at its last commit: 184 committed entries byte for byte (ports by
# reuse), plus the five age_gender rows, and every diagnostic.
source "$SRC/tests/e2e/lib.sh"
make_repo zoo "$SRC/tests/fixtures/zoo-b1eeaa1"
check reuse 0 generate --repo zoo -o out.json
"$PY" - zoo/ONNX_HUB_MANIFEST.json out.json <<'PYEOF' || fail "zoo entries differ"
import json, sys
committed = json.load(open(sys.argv[1]))
ours = json.load(open(sys.argv[2]))
assert len(committed) == 184 and len(ours) == 189, (len(committed), len(ours))
by_path = {e["model_path"]: e for e in ours}
for e in committed:
    assert by_path[e["model_path"]] == e, e["model_path"]
kept = [e for e in ours if e["model_path"] in {c["model_path"] for c in committed}]
assert kept == committed, "committed order"
extra = sorted(e["model_path"] for e in ours if e not in committed)
assert len(extra) == 5 and all("/age_gender/" in p for p in extra), extra
PYEOF
# Without reuse, the same 189 entries and none has io_ports.
rm zoo/ONNX_HUB_MANIFEST.json
check no_reuse 0 generate --repo zoo -o bare.json
[[ $(json_query bare.json 'len(m), sum("io_ports" in e["metadata"] for e in m)') == "189 0" ]] || fail "no-reuse run"
