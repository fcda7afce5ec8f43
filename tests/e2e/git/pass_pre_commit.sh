# pre-commit for real (Debian's pre-commit, offline): a zoo whose
# .pre-commit-config.yaml points at a local clone of this repository refuses a
# commit with a stale manifest (showing the diff) and takes an up-to-date one,
# for `git commit` and `git commit -a` (hooks on a temporary index).
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/git/gitzoo.sh"
command -v pre-commit >/dev/null || fail "pre-commit is not installed (scripts/setup.sh)"
export PATH="$(dirname "$OHM"):$PATH" PRE_COMMIT_HOME="$WORK/pre-commit-home"

# The hook repository: a local clone of this one, with the hook file as it is in the tree.
if git -C "$SRC" rev-parse -q --verify HEAD >/dev/null; then git clone -q "$SRC" hooks; else git init -q hooks; fi
cp "$SRC/.pre-commit-hooks.yaml" hooks/
git -C hooks add .pre-commit-hooks.yaml && git -C hooks commit -q --allow-empty -m hooks
rev=$(git -C hooks rev-parse HEAD)

git init -q zoo
model zoo/a/model.onnx a && readme zoo/a "Model a|model.onnx|13"
cat > zoo/.pre-commit-config.yaml <<YAML
repos:
  - repo: $WORK/hooks
    rev: $rev
    hooks:
      - id: onnx-hub-manifest
YAML
(cd zoo && check base 0 generate -q)
(cd zoo && git add -A && git commit -qm base && pre-commit install >/dev/null)

# commit STEP RC ARGS...: git commit ARGS in the zoo, its whole output (the hook's included) checked.
# The commit's id depends on the time, so its line shows <commit>.
FILTERS+=('s/^\[main [0-9a-f]\{7,\}\]/[main <commit>]/')
commit() {
  local step=$1 rc=$2
  shift 2
  (cd zoo && check_command "$step" "$rc" git commit "$@")
}

readme zoo/a "Model a, renamed|model.onnx|13"
git -C zoo add a/README.md
commit stale 1 -m stale
(cd zoo && check staged 0 generate --staged -q && git add ONNX_HUB_MANIFEST.json)
commit fresh 0 -m fresh

readme zoo/a "Model a, again|model.onnx|13"
commit stale_all 1 -a -m stale-a
(cd zoo && check regenerate 0 generate -q)
commit fresh_all 0 -a -m fresh-a
[[ -z $(git -C zoo status --porcelain) ]] || fail "work tree not clean after commit -a"
