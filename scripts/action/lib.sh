# Shared by the GitHub Action's steps (action.yml runs scripts/action/*.sh).
# Each step is a plain script, so tests/e2e/action/ runs them with the
# environment a workflow gives them.
set -euo pipefail
action_src=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# notice/warning/error MESSAGE: a workflow command (an annotation in the run).
notice() { echo "::notice title=onnx-hub-manifest::$*"; }
error() { echo "::error title=onnx-hub-manifest::$*"; }

# as_root CMD...: root runs it as is (container jobs have no sudo), others with sudo.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}
apt_get() { as_root env DEBIAN_FRONTEND=noninteractive apt-get "$@"; }

# output NAME VALUE: a step output.
output() { echo "$1=$2" >> "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"; }

# The .deb this source builds or a release ships for this machine.
deb_name() { echo "onnx-hub-manifest_$(bash "$action_src/scripts/version.sh")_$(dpkg --print-architecture).deb"; }
