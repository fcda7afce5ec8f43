# action.yml itself, run step by step as the runner runs a composite action
# (run_action.py: its env mappings, if: conditions and step outputs; the
# cache steps keep files between runs): a release tag installs the release
# .deb and builds nothing; a branch builds once, caches the .deb even though
# validation fails, and the next run restores it instead of building.
# apt-get, sudo, package.sh and the tool's wrapper are action_lib.sh's.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/action/action_lib.sh"
"$PY" -c "import yaml" || fail "python3-yaml is missing (scripts/setup.sh installs it)"

# run_job STEP RC ACTION_DIR [input=value...]: one job (a fresh runner.temp) in
# $GITHUB_WORKSPACE, its exit code and whole output checked as check does.
run_job() {
  local step=$1 rc=$2 dir=$3
  shift 3
  rm -rf "$RUNNER_TEMP" "$WORK/argv" "$WORK/package_env" && mkdir -p "$RUNNER_TEMP/_runner_file_commands"
  : > "$WORK/apt.log"
  (cd "$GITHUB_WORKSPACE" && check_command "$step" "$rc" "$PY" "$SRC/tests/e2e/action/run_action.py" "$dir" "$WORK/cache_store" "$@")
}
# expect_steps LIST: which steps ran, in order ("ran"/"skipped" per step name).
expect_steps() {
  grep '^step ' "$WORK/stderr" | sed 's/ (rc [0-9]*)//' > "$WORK/got_steps"
  printf '%s\n' "$@" > "$WORK/want_steps"
  expect_same "$WORK/want_steps" "$WORK/got_steps"
}
mkdir -p cache_store
export GITHUB_WORKSPACE="$WORK/ws"
make_repo ws "$SRC/samples"

# A release tag whose release has a .deb this system installs.
tagged=$(action_at "owner/onnx-hub-manifest/v$version")
OHM_TEST_ACTION_REPOSITORY=owner/onnx-hub-manifest OHM_TEST_ACTION_REF=v$version OHM_RELEASES_URL="$releases/good" \
  run_job tagged_release 0 "$tagged"
expect_steps "step Look for a release .deb: ran" "step Restore the .deb built from this source: skipped" \
  "step Build the .deb from source: skipped" "step Cache the .deb: skipped" \
  "step Install onnx-hub-manifest: ran" "step Validate the manifest: ran"
printf '%s\n' "apt-get update -qq" "apt-get install --simulate -q $RUNNER_TEMP/onnx-hub-manifest-release/$DEB" \
  "apt-get install -y -qq --no-install-recommends $RUNNER_TEMP/onnx-hub-manifest-release/$DEB" > want_apt
expect_same want_apt apt.log
expect_argv validate --format github --repo .

# A branch, first run: nothing cached, so it builds, saves, installs; the
# validation fails (a README fault) and the .deb stays cached.
sed -i 's/|1.4 |9 |/|1.4 |10 |/' ws/other/tabular/tiny_mlp/README.md
branch=$(action_at owner/onnx-hub-manifest/main)
stub_package_sh "$branch"
OHM_TEST_ACTION_REPOSITORY=owner/onnx-hub-manifest OHM_TEST_ACTION_REF=main run_job branch_first_run 1 "$branch" strict=true
expect_steps "step Look for a release .deb: ran" "step Restore the .deb built from this source: ran" \
  "step Build the .deb from source: ran" "step Cache the .deb: ran" \
  "step Install onnx-hub-manifest: ran" "step Validate the manifest: ran"
[[ -f package_env ]] || fail "nothing was built"
expect_argv validate --format github --repo . --strict
[[ $(ls cache_store) == onnx-hub-manifest-deb-* && -f cache_store/$(ls cache_store)/$DEB ]] ||
  { ls -R cache_store >&2; fail "the built .deb was not cached"; }
printf '%s\n' "apt-get update -qq" "apt-get install -y -qq --no-install-recommends $RUNNER_TEMP/onnx-hub-manifest-deb/$DEB" > want_apt
expect_same want_apt apt.log

# Second run of the same source: restored from the cache, nothing built.
git -C ws checkout -q -- .
OHM_TEST_ACTION_REPOSITORY=owner/onnx-hub-manifest OHM_TEST_ACTION_REF=main \
  run_job branch_second_run 0 "$branch" repo=. changed-since=HEAD strict=false full-check=false
expect_steps "step Look for a release .deb: ran" "step Restore the .deb built from this source: ran" \
  "step Build the .deb from source: skipped" "step Cache the .deb: skipped" \
  "step Install onnx-hub-manifest: ran" "step Validate the manifest: ran"
[[ ! -f package_env ]] || fail "built although the cache had the .deb"
expect_same want_apt apt.log
expect_argv validate --format github --repo . --changed-since HEAD

# A failing step stops the action: a corrupt release .deb fails the locate step.
OHM_TEST_ACTION_REPOSITORY=owner/onnx-hub-manifest OHM_TEST_ACTION_REF=v$version OHM_RELEASES_URL="$releases/corrupt" \
  run_job corrupt_release 2 "$tagged"
expect_steps "step Look for a release .deb: ran"
[[ ! -f argv ]] || fail "validate ran after a failed step"

# Every input reaches the tool.
RECORD_ONLY=1 OHM_TEST_ACTION_REPOSITORY=owner/onnx-hub-manifest OHM_TEST_ACTION_REF=main \
  run_job every_input 0 "$branch" repo=sub changed-since=origin/main strict=true full-check=true
expect_argv validate --format github --repo sub --changed-since origin/main --strict --full-check
