# generate --rev C -o FILE writes what generate writes on a checkout of C, for
# commits with real content, LFS pointers with and without store content.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/git/gitzoo.sh"
lfs_repo zoo
model zoo/a/model.onnx a 2000 && readme zoo/a "Model a|model.onnx|13"
mkdir -p zoo/p  # a pointer whose content is nowhere
printf 'version https://git-lfs.github.com/spec/v1\noid sha256:%s\nsize 123456\n' \
  "$(printf absent | sha256sum | cut -c1-64)" > zoo/p/model.onnx
readme zoo/p "Pointer only|model.onnx|12"
commit_all zoo one
check first 0 generate --repo zoo
commit_all zoo manifest
model zoo/a/model.onnx a-v2 2000
model zoo/b/model.onnx b && readme zoo/b "Model b|model.onnx|13"
commit_all zoo two
readme zoo/b "Model b renamed|model.onnx|13" && git -C zoo rm -rq a
commit_all zoo three

for n in 3 2 1 0; do
  c=HEAD~$n
  check "HEAD-$n.rev" 0 generate --repo zoo --rev "$c" -o rev.json
  rm -rf wt && GIT_LFS_SKIP_SMUDGE=1 git -C zoo worktree add -q --detach "$WORK/wt" "$c"
  (cd wt && git lfs checkout >/dev/null 2>&1 || true)
  check "HEAD-$n.checkout" 0 generate --repo wt -o checkout.json
  expect_same checkout.json rev.json
  git -C zoo worktree remove --force "$WORK/wt"
done
