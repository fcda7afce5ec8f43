# The committed sample manifest is what generate writes, byte for byte.
source "$SRC/tests/e2e/lib.sh"
make_repo repo "$SRC/samples"
check check 0 generate --check --repo repo
check write 0 generate --repo repo -o out.json
expect_same out.json "$SRC/samples/ONNX_HUB_MANIFEST.json"
# What Python's json.dumps(indent=4) writes for the same entries.
"$PY" -c 'import json,sys; s=open(sys.argv[1]).read(); sys.exit(json.dumps(json.loads(s), indent=4) != s)' out.json \
  || fail "not byte-identical with json.dumps"
[[ $(json_query out.json 'len(m)') == 10 ]] || fail "expected 10 entries"
[[ $(json_query out.json '[e["model_path"] for e in m] == sorted(e["model_path"] for e in m)') == True ]] || fail "unsorted"
# The models, archives, pointers and side files are what make_samples.py makes.
"$PY" "$SRC/scripts/make_samples.py" made || fail "make_samples.py"
diff -r -x README.md -x ONNX_HUB_MANIFEST.json -x .onnx-hub-manifest made "$SRC/samples" || fail "samples/ differs from make_samples.py"
