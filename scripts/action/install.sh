#!/usr/bin/env bash
# Step 3 of the action: installs the .deb (the release's, OHM_DEB, or the one
# built or restored in OHM_DEB_DIR) with apt, which pulls its runtime
# libraries, and shows the version now on PATH.
source "$(dirname "$0")/lib.sh"
deb=${OHM_DEB:-${OHM_DEB_DIR:?OHM_DEB_DIR is not set}/$(deb_name)}
if [[ ! -f "$deb" ]]; then
  error "no package to install: $deb is missing"
  exit 2
fi
[[ "${OHM_APT_UPDATED:-}" == true ]] || apt_get update -qq
apt_get install -y -qq --no-install-recommends "$deb"
if ! command -v onnx-hub-manifest >/dev/null 2>&1; then
  error "onnx-hub-manifest is not on PATH after installing $deb"
  exit 2
fi
echo "Installed $(command -v onnx-hub-manifest): $(onnx-hub-manifest --version)"
