# --changed-since BASE equals a full regeneration on add, modify, rename and
# delete of a model and on a README-row-only edit, for a commit (--rev) and for
# the work tree; a .gitattributes change regenerates everything.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/git/gitzoo.sh"
git init -q zoo
echo "# A zoo in tree mode" > zoo/README.md
for m in a b c; do model zoo/$m/model.onnx "$m"; readme zoo/$m "Model $m|model.onnx|13"; done
commit_all zoo base
check first 0 generate --repo zoo
commit_all zoo manifest

# after NAME: the change is in the work tree; compare there, then commit it and compare --rev.
after() {
  check "$1.work_tree_incremental" 0 generate --repo zoo --changed-since HEAD -o "wt-inc-$1.json"
  check "$1.work_tree_full" 0 generate --repo zoo -o "wt-full-$1.json"
  expect_same "wt-full-$1.json" "wt-inc-$1.json"
  commit_all zoo "$1"
  check "$1.incremental" 0 generate --repo zoo --rev HEAD --changed-since HEAD~1 -o "inc-$1.json"
  check "$1.full" 0 generate --repo zoo --rev HEAD -o "full-$1.json"
  expect_same "full-$1.json" "inc-$1.json"
  [[ "$1" == gitattributes ]] || ! cmp -s "full-$1.json" zoo/ONNX_HUB_MANIFEST.json || fail "$1 changed nothing"
  check "$1.regenerate" 0 generate --repo zoo
  commit_all zoo "manifest after $1"
}

model zoo/d/model.onnx d && readme zoo/d "Model d|model.onnx|13"
after add
model zoo/a/model.onnx a-v2
after modify
git -C zoo mv b/model.onnx b/model-v2.onnx && readme zoo/b "Model b|model-v2.onnx|13"
after rename
git -C zoo mv c c2
after rename-folder
git -C zoo rm -rq d
after delete
readme zoo/a "Model a renamed|model.onnx|13"
after readme-row
echo '*.bin -text' > zoo/.gitattributes
after gitattributes

check unknown_base 2 generate --repo zoo --changed-since no-such-rev -o x.json
