# --changed-since BASE equals a full regeneration on add, modify, rename and
# delete of a model and on a README-row-only edit, for a commit (--rev) and for
# the work tree; a .gitattributes change regenerates everything.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/git/gitzoo.sh"
git init -q zoo
echo "# A zoo in tree mode" > zoo/README.md
for m in a b c; do model zoo/$m/model.onnx "$m"; readme zoo/$m "Model $m|model.onnx|13"; done
commit_all zoo base
run generate --repo zoo && expect_rc 0 "first"
commit_all zoo manifest

# check NAME: the change is in the work tree; compare there, then commit it and compare --rev.
check() {
  run generate --repo zoo --changed-since HEAD -o "wt-inc-$1.json"; expect_rc 0 "$1 work tree incremental"
  run generate --repo zoo -o "wt-full-$1.json"; expect_rc 0 "$1 work tree full"
  expect_same "wt-full-$1.json" "wt-inc-$1.json"
  commit_all zoo "$1"
  run generate --repo zoo --rev HEAD --changed-since HEAD~1 -o "inc-$1.json"; expect_rc 0 "$1 incremental"
  run generate --repo zoo --rev HEAD -o "full-$1.json"; expect_rc 0 "$1 full"
  expect_same "full-$1.json" "inc-$1.json"
  [[ "$1" == gitattributes ]] || ! cmp -s "full-$1.json" zoo/ONNX_HUB_MANIFEST.json || fail "$1 changed nothing"
  run generate --repo zoo && expect_rc 0 "$1 regenerate"
  commit_all zoo "manifest after $1"
}

model zoo/d/model.onnx d && readme zoo/d "Model d|model.onnx|13"
check add
model zoo/a/model.onnx a-v2
check modify
git -C zoo mv b/model.onnx b/model-v2.onnx && readme zoo/b "Model b|model-v2.onnx|13"
check rename
git -C zoo mv c c2
check rename-folder
git -C zoo rm -rq d
check delete
readme zoo/a "Model a renamed|model.onnx|13"
check readme-row
echo '*.bin -text' > zoo/.gitattributes
check gitattributes

run generate --repo zoo --changed-since no-such-rev -o x.json
expect_rc 2 "unknown base"
