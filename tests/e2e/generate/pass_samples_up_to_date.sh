# The committed sample manifest is what generate writes, byte for byte.
source "$SRC/tests/e2e/lib.sh"
make_repo repo "$SRC/samples"
check check 0 generate --check --repo repo
check write 0 generate --repo repo -o out.json
expect_same out.json "$SRC/samples/ONNX_HUB_MANIFEST.json"
# An up-to-date manifest is left as it is (the same inode, not a renamed
# temp file); one that differs is replaced.
before=$(stat -c %i repo/ONNX_HUB_MANIFEST.json)
check rewrite_unchanged 0 generate --repo repo
[[ $(stat -c %i repo/ONNX_HUB_MANIFEST.json) == "$before" ]] || fail "an up-to-date manifest was rewritten"
printf ' ' >> repo/ONNX_HUB_MANIFEST.json
check rewrite_changed 0 generate --repo repo
[[ $(stat -c %i repo/ONNX_HUB_MANIFEST.json) != "$before" ]] || fail "a changed manifest was not replaced"
expect_same repo/ONNX_HUB_MANIFEST.json "$SRC/samples/ONNX_HUB_MANIFEST.json"
# What Python's json.dumps(indent=4) writes for the same entries.
"$PY" -c 'import json,sys; s=open(sys.argv[1]).read(); sys.exit(json.dumps(json.loads(s), indent=4) != s)' out.json \
  || fail "not byte-identical with json.dumps"
[[ $(json_query out.json 'len(m)') == 10 ]] || fail "expected 10 entries"
[[ $(json_query out.json '[e["model_path"] for e in m] == sorted(e["model_path"] for e in m)') == True ]] || fail "unsorted"
# The models, archives, pointers and side files are what make_samples.py makes.
"$PY" "$SRC/scripts/make_samples.py" made || fail "make_samples.py"
diff -r -x README.md -x ONNX_HUB_MANIFEST.json -x .onnx-hub-manifest made "$SRC/samples" || fail "samples/ differs from make_samples.py"
