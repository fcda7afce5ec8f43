# A model file of 64 MiB or more is read ahead: its structure by positional
# reads that pass over the payloads, finished (inference, the checker) on a
# thread of its own while the whole file streams through SHA-256. What inspect
# reports is what the stream alone gives: the same model as an LFS store
# object (streamed, never read ahead) is reported alike, with and without
# --full-check, and a large file cut short gets the stream's finding.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/git/gitzoo.sh"
lfs_repo src
mkdir -p src/zoo/big
"$PY" "$SRC/bench/model_writer.py" src/zoo/big/model.onnx 80 300 --seed 7
commit_all src base

same_but_pointer() {
  "$PY" -c 'import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); assert a.pop("lfs_pointer") is True and a == b, (a, b)' \
    "$WORK/stdout" "$1" || fail "the streamed store object is inspected differently from $1"
}

check read_ahead 0 inspect src/zoo/big/model.onnx
cp "$WORK/stdout" ahead.json
[[ $(json_query ahead.json 'm["model_sha"]') == $(sha256sum src/zoo/big/model.onnx | cut -c1-64) ]] ||
  fail "model_sha is not the file's SHA-256"
check read_ahead_full_check 0 inspect --full-check src/zoo/big/model.onnx
cp "$WORK/stdout" ahead_full.json

git clone -q src ptr  # pointers in the work tree; the content from the store
mkdir -p ptr/.git/lfs && cp -r src/.git/lfs/objects ptr/.git/lfs/
check streamed 0 inspect ptr/zoo/big/model.onnx
same_but_pointer ahead.json
check streamed_full_check 0 inspect --full-check ptr/zoo/big/model.onnx
same_but_pointer ahead_full.json

# Cut inside a payload, past 64 MiB: the walk read ahead ends where the stream's does.
head -c 75000000 src/zoo/big/model.onnx > cut.onnx
check cut_short 1 inspect cut.onnx
