# Shared by the action cases (sourced after tests/e2e/lib.sh): stubs for
# apt-get and sudo that log to $WORK/apt.log (only `apt-get install --simulate`
# runs for real: it changes nothing), the tool on PATH behind a wrapper that
# records its command line in $WORK/argv, a job step's environment, and fake
# release .debs on a loopback server ($releases/{good,foreign,corrupt}).
source "$SRC/tests/e2e/hub/hub_lib.sh"

version=$(bash "$SRC/scripts/version.sh")
DEB=onnx-hub-manifest_${version}_$(dpkg --print-architecture).deb

# Stubs first on PATH.
mkdir stubs
cat > stubs/apt-get <<'EOF'
#!/bin/bash
echo "apt-get $*" >> "$WORK/apt.log"
for a in "$@"; do [[ "$a" == --simulate ]] && exec /usr/bin/apt-get "$@"; done
exit 0
EOF
cat > stubs/sudo <<'EOF'
#!/bin/bash
echo "sudo $*" >> "$WORK/apt.log"
exec "$@"
EOF
cat > stubs/onnx-hub-manifest <<'EOF'
#!/bin/bash
printf '%s\n' "$@" > "$WORK/argv"
echo "GITHUB_STEP_SUMMARY=${GITHUB_STEP_SUMMARY-unset}" > "$WORK/tool_env"
[[ "${RECORD_ONLY:-0}" == 1 ]] && exit 0
exec "$OHM" "$@"
EOF
chmod +x stubs/*
export WORK OHM PATH="$WORK/stubs:$PATH"

# The environment of a job's step.
export CI=true GITHUB_ACTIONS=true RUNNER_OS=Linux GITHUB_SERVER_URL=https://github.com GITHUB_REPOSITORY=owner/zoo
export RUNNER_TEMP="$WORK/runner/_temp" GITHUB_STEP_SUMMARY="$WORK/runner/_temp/_runner_file_commands/step_summary"
mkdir -p "$RUNNER_TEMP/_runner_file_commands"
unset OHM_ACTION_REPOSITORY OHM_ACTION_REF OHM_RELEASES_URL OHM_DEB OHM_DEB_DIR OHM_BUILD_DIR OHM_APT_UPDATED
unset INPUT_REPO INPUT_CHANGED_SINCE INPUT_STRICT INPUT_FULL_CHECK

# action_at OWNER/NAME/REF: the action as the runner checks it out (the files its steps read).
action_at() {
  local dir="$WORK/runner/_actions/$1"
  mkdir -p "$dir"
  (cd "$SRC" && cp -r action.yml CMakeLists.txt README.md cmake lib tools schemas data scripts "$dir/")
  echo "$dir"
}

# step STEP RC ACTION_DIR NAME [VAR=VALUE...]: runs the action's step NAME in
# $GITHUB_WORKSPACE with a fresh $GITHUB_OUTPUT, requires exit code RC and
# compares its whole output with $EXPECTED/STEP.expected, as check does.
step() {
  local step=$1 rc=$2 dir=$3 name=$4
  shift 4
  : > "$WORK/gh_output"
  rm -f "$WORK/argv" "$WORK/tool_env"
  (cd "${GITHUB_WORKSPACE:-$WORK}" &&
    check_command "$step" "$rc" env GITHUB_ACTION_PATH="$dir" GITHUB_OUTPUT="$WORK/gh_output" "$@" bash "$dir/scripts/action/$name.sh")
}
# output NAME: the step output NAME (empty when the step did not set it).
output() { sed -n "s/^$1=//p" "$WORK/gh_output" | tail -1; }

# What the steps print that changes from build to build and machine to machine.
FILTERS+=(
  "s/$(sed_literal "$DEB")/<deb>/g"            # the .deb's name holds the version and the architecture
  "s/v$(sed_literal "$version")\b/v<version>/g"  # the release tag
  's/: [0-9][^ ]* (commit [^)]*)$/: <version> (commit <commit>)/'  # onnx-hub-manifest --version
  's/^curl: (\([0-9]*\)) .*/curl: (\1) <curl message>/'  # curl's words change with its version; "after N ms" with the machine
)
expect_argv() {
  printf '%s\n' "$@" > "$WORK/want_argv"
  [[ -f "$WORK/argv" ]] || fail "the tool was not run"
  expect_same "$WORK/want_argv" "$WORK/argv"
}

# --- Releases: a fake .deb per case, served as $OHM_RELEASES_URL/<tag>/<name>.
# fake_deb OUT DEPENDS: a package named and versioned as a release's.
fake_deb() {
  rm -rf "$WORK/pkg" && mkdir -p "$WORK/pkg/DEBIAN" "$WORK/pkg/usr/bin"
  printf 'Package: onnx-hub-manifest\nVersion: %s\nArchitecture: %s\nMaintainer: e2e <e2e@example.invalid>\nDepends: %s\nDescription: e2e\n' \
    "$version" "$(dpkg --print-architecture)" "$2" > "$WORK/pkg/DEBIAN/control"
  printf '#!/bin/sh\n' > "$WORK/pkg/usr/bin/onnx-hub-manifest"
  chmod 755 "$WORK/pkg/usr/bin/onnx-hub-manifest"
  mkdir -p "$(dirname "$1")"
  dpkg-deb -b "$WORK/pkg" "$1" >/dev/null
}
fake_deb rel/good/v$version/$DEB libc6
(cd rel/good/v$version && sha256sum "$DEB" > SHA256SUMS)
fake_deb rel/foreign/v$version/$DEB "libc6, libohm-e2e-missing0 (>= 1)"
fake_deb rel/corrupt/v$version/$DEB libc6
printf '%064d  %s\n' 0 "$DEB" > rel/corrupt/v$version/SHA256SUMS
start_server "$WORK/rel"
releases="http://127.0.0.1:$PORT/ok"


# stub_package_sh ACTION_DIR: the action's scripts/package.sh (a full Release
# build) replaced by one that records BUILD_DIR and DEB_DIR in
# $WORK/package_env and "builds" the good fake .deb into DEB_DIR.
stub_package_sh() {
  cat > "$1/scripts/package.sh" <<STUB
#!/bin/bash
echo "BUILD_DIR=\$BUILD_DIR DEB_DIR=\$DEB_DIR" > "$WORK/package_env"
mkdir -p "\$DEB_DIR" && cp "$WORK/rel/good/v$version/$DEB" "\$DEB_DIR/"
STUB
}
