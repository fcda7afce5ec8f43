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
(cd zoo && "$OHM" generate -q && git add -A && git commit -qm base && pre-commit install >/dev/null)

commit() { set +e; (cd zoo && git commit "$@") >"$WORK/out" 2>&1; RC=$?; set -e; }

readme zoo/a "Model a, renamed|model.onnx|13"
git -C zoo add a/README.md
commit -m stale
[[ $RC != 0 ]] || fail "git commit with a stale manifest passed"
grep -qF '+        "model": "Model a, renamed",' out || { cat out; fail "no diff shown"; }
(cd zoo && "$OHM" generate --staged -q && git add ONNX_HUB_MANIFEST.json)
commit -m fresh
[[ $RC == 0 ]] || { cat out; fail "git commit with an up-to-date manifest refused"; }

readme zoo/a "Model a, again|model.onnx|13"
commit -a -m stale-a
[[ $RC != 0 ]] || fail "git commit -a with a stale manifest passed"
grep -qF '+        "model": "Model a, again",' out || { cat out; fail "no diff shown for commit -a"; }
(cd zoo && "$OHM" generate -q)
commit -a -m fresh-a
[[ $RC == 0 ]] || { cat out; fail "git commit -a with an up-to-date manifest refused"; }
[[ -z $(git -C zoo status --porcelain) ]] || fail "work tree not clean after commit -a"
