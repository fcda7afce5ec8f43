# Shared set-up for the benchmark scripts: $OHM (absolute path of the binary
# given as $1, default build/tools/onnx-hub-manifest), a temp folder $WORK
# removed on exit (the current folder), $SRC the source tree, and a private git identity.
set -euo pipefail
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)  # the source tree
OHM=$(realpath "${1:-build/tools/onnx-hub-manifest}")
MODELS=${MODELS:-2000}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ohm-bench-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export GIT_CONFIG_NOSYSTEM=1 HOME="$WORK/home"
mkdir -p "$HOME" && cd "$WORK"
git config --global user.name bench && git config --global user.email bench@example.invalid
git config --global init.defaultBranch main && git config --global commit.gpgsign false
