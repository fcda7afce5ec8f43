# inspect on a Git LFS pointer (what a clone without LFS content holds): the
# content from the LFS store when it is there; otherwise the sha and size the
# pointer records on stdout, that the content is not here and the git lfs pull
# that fetches it on stderr, exit 2 (could not run). Never "corrupt protobuf".
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/git/gitzoo.sh"
lfs_repo src
mkdir -p src/zoo/a && cp "$SRC/samples/vision/classification/tinynet/model/tinynet-12.onnx" src/zoo/a/model.onnx
commit_all src base
check real_content 0 inspect src/zoo/a/model.onnx
cp "$WORK/stdout" real.json

git clone -q src ptr  # no lfs filter in this clone's config: the work tree keeps the pointers
check pointer 2 inspect ptr/zoo/a/model.onnx
# The hint names the path in the repository wherever inspect runs.
(cd ptr/zoo && check pointer_from_subfolder 2 inspect a/model.onnx)
check pointer_text 2 inspect ptr/zoo/a/model.onnx --format text

# With the store's object: the model is read from it, as generate reads it.
mkdir -p ptr/.git/lfs && cp -r src/.git/lfs/objects ptr/.git/lfs/
check from_store 0 inspect ptr/zoo/a/model.onnx
"$PY" -c 'import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); assert a.pop("lfs_pointer") is True and a == b, (a, b)' \
  "$WORK/stdout" real.json || fail "store content inspected differently"
check from_store_text 0 inspect ptr/zoo/a/model.onnx --format text
oid=$(sed -n 's/^oid sha256://p' ptr/zoo/a/model.onnx)
obj=ptr/.git/lfs/objects/${oid:0:2}/${oid:2:2}/$oid
chmod u+w "$obj" && printf 'XXXX' | dd of="$obj" bs=1 seek=100 conv=notrunc status=none
check corrupt_store_object 1 inspect ptr/zoo/a/model.onnx

# Outside any repository there is no store to look in.
mkdir plain && cp ptr/zoo/a/model.onnx plain/
check outside_git 2 inspect plain/model.onnx

# The samples' with-data archive of KWS-large is a pointer too.
make_repo samples "$SRC/samples"
check archive_pointer 2 inspect samples/audio/keyword_spotting/model/kws-large-12.tar.gz

# A file that starts like a pointer but is not one is a problem in the file.
printf 'version https://git-lfs.github.com/spec/v1\noid sha256:1234\nsize 10\n' > plain/broken.onnx
check malformed_pointer 1 inspect plain/broken.onnx
