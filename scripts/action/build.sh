#!/usr/bin/env bash
# Step 2 of the action, when no release .deb fits and the cache has none:
# builds the .deb from the action's own source (scripts/package.sh: build
# dependencies from apt, Release build, cpack) into OHM_DEB_DIR, which
# actions/cache keeps for the next run.
source "$(dirname "$0")/lib.sh"
BUILD_DIR=${OHM_BUILD_DIR:-${RUNNER_TEMP:?}/onnx-hub-manifest-build} DEB_DIR=${OHM_DEB_DIR:?OHM_DEB_DIR is not set} \
  bash "$action_src/scripts/package.sh"
