# inspect on a Git LFS pointer (what a clone without LFS content holds): the
# content from the LFS store when it is there; otherwise the sha and size the
# pointer records on stdout, that the content is not here and the git lfs pull
# that fetches it on stderr, exit 2 (could not run). Never "corrupt protobuf".
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/git/gitzoo.sh"
lfs_repo src
mkdir -p src/zoo/a && cp "$SRC/samples/vision/classification/tinynet/model/tinynet-12.onnx" src/zoo/a/model.onnx
commit_all src base
run inspect src/zoo/a/model.onnx
expect_rc 0 "real content"
cp "$WORK/stdout" real.json

git clone -q src ptr  # no lfs filter in this clone's config: the work tree keeps the pointers
oid=$(sed -n 's/^oid sha256://p' ptr/zoo/a/model.onnx)
size=$(sed -n 's/^size //p' ptr/zoo/a/model.onnx)
for at in "$WORK" "$WORK/ptr/zoo"; do
  (cd "$at" && set +e; "$OHM" inspect "$WORK/ptr/zoo/a/model.onnx" >"$WORK/stdout" 2>"$WORK/stderr"; echo $? >"$WORK/rc")
  RC=$(cat "$WORK/rc")
  expect_rc 2 "pointer without content (from $at)"
  expect_stderr_has "ptr/zoo/a/model.onnx is a Git LFS pointer and its content is not here (not in the LFS store); run git lfs pull --include=\"zoo/a/model.onnx\""
  expect_stderr_lacks "protobuf"
  [[ $(json_query "$WORK/stdout" '(m["model_sha"], m["model_bytes"], m["lfs_pointer"], m["content_here"])') == "('$oid', $size, True, False)" ]] \
    || fail "pointer JSON: $(cat "$WORK/stdout")"
done
run inspect ptr/zoo/a/model.onnx --format text
expect_rc 2 "text"
expect_stdout_has "Git LFS pointer; its content is not here"
expect_stdout_has "sha256    $oid"
expect_stdout_has "bytes     $size"

# With the store's object: the model is read from it, as generate reads it.
mkdir -p ptr/.git/lfs && cp -r src/.git/lfs/objects ptr/.git/lfs/
run inspect ptr/zoo/a/model.onnx
expect_rc 0 "content in the store"
[[ $(json_query "$WORK/stdout" 'm.pop("lfs_pointer")') == True ]] || fail "not marked as a pointer"
"$PY" -c 'import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); a.pop("lfs_pointer"); assert a == b, (a, b)' \
  "$WORK/stdout" real.json || fail "store content inspected differently"
run inspect ptr/zoo/a/model.onnx --format text
expect_stdout_has "a Git LFS pointer; its content was read from the LFS store"
obj=ptr/.git/lfs/objects/${oid:0:2}/${oid:2:2}/$oid
chmod u+w "$obj" && printf 'XXXX' | dd of="$obj" bs=1 seek=100 conv=notrunc status=none
run inspect ptr/zoo/a/model.onnx
expect_rc 1 "corrupt store object"
expect_stderr_has "[artifact.lfs.corrupt]"

# Outside any repository there is no store to look in.
mkdir plain && cp ptr/zoo/a/model.onnx plain/
run inspect plain/model.onnx
expect_rc 2 "outside git"
expect_stderr_has "plain/model.onnx is a Git LFS pointer outside a git repository, so its content is not here"

# The samples' with-data archive of KWS-large is a pointer too.
make_repo samples "$SRC/samples"
run inspect samples/audio/keyword_spotting/model/kws-large-12.tar.gz
expect_rc 2 "archive pointer"
expect_stdout_has '"archive_sha": "c262c274a39df2efd05f3905dbd6c9e25513386f3738eca92b5411a812c8adcc"'
expect_stderr_has 'git lfs pull --include="audio/keyword_spotting/model/kws-large-12.tar.gz"'

# A file that starts like a pointer but is not one is a problem in the file.
printf 'version https://git-lfs.github.com/spec/v1\noid sha256:1234\nsize 10\n' > plain/broken.onnx
run inspect plain/broken.onnx
expect_rc 1 "malformed pointer"
expect_stderr_has "plain/broken.onnx: error: starts like a Git LFS pointer but is not one"
expect_stderr_has "[artifact.pointer.malformed]"
