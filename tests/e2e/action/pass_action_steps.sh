# The GitHub Action's steps (scripts/action/*.sh), one at a time, with the
# environment a workflow gives them: the action checked out under
# _actions/OWNER/NAME/REF, GITHUB_* and RUNNER_TEMP set, the inputs as
# action.yml maps them to INPUT_*, the tool taken from PATH as the install
# step leaves it (action_lib.sh has the stubs and the fake releases).
# Not run here: the build step's scripts/package.sh (a full Release build,
# minutes), which scripts/test_package.sh and the release workflow run; a stub
# stands in for it to check the step's wiring. pass_action_runs.sh runs the
# steps through action.yml itself.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/action/action_lib.sh"

tagged=$(action_at "owner/onnx-hub-manifest/v$version")
: > apt.log
step locate_release_present 0 "$tagged" locate OHM_ACTION_REPOSITORY=owner/onnx-hub-manifest OHM_ACTION_REF=v$version \
  OHM_RELEASES_URL="$releases/good" OHM_DEB_DIR="$RUNNER_TEMP/onnx-hub-manifest-release"
[[ $(output deb) == "$RUNNER_TEMP/onnx-hub-manifest-release/$DEB" ]] || { cat gh_output >&2; fail "deb output"; }
expect_same "rel/good/v$version/$DEB" "$(output deb)"
[[ $(output apt-updated) == true ]] || fail "apt-updated output"
key=$(output cache-key)
[[ "$key" == onnx-hub-manifest-deb-*-*-$(dpkg --print-architecture)-* ]] || fail "cache key '$key'"
grep -qx "apt-get update -qq" apt.log || { cat apt.log >&2; fail "no apt-get update"; }
grep -qx "apt-get install --simulate -q $(output deb)" apt.log || { cat apt.log >&2; fail "no simulated install"; }
deb_path=$(output deb)

# The install step, with what locate gave it.
: > apt.log
step install_the_release_deb 0 "$tagged" install OHM_DEB="$deb_path" OHM_DEB_DIR="$RUNNER_TEMP/onnx-hub-manifest-deb" OHM_APT_UPDATED=true
printf 'apt-get install -y -qq --no-install-recommends %s\n' "$deb_path" > want_apt
expect_same want_apt apt.log

# github.action_ref/action_repository empty (as in some composite runs): read from the folder.
step locate_ref_from_folder 0 "$tagged" locate OHM_RELEASES_URL="$releases/good" OHM_DEB_DIR="$RUNNER_TEMP/r2"
[[ $(output deb) == "$RUNNER_TEMP/r2/$DEB" ]] || { cat stdout gh_output >&2; fail "ref from the folder"; }

# A branch is not a release: nothing downloaded, the same cache key (same source).
branch=$(action_at owner/onnx-hub-manifest/main)
: > apt.log
step locate_branch 0 "$branch" locate OHM_ACTION_REPOSITORY=owner/onnx-hub-manifest OHM_ACTION_REF=main \
  OHM_RELEASES_URL="$releases/good" OHM_DEB_DIR="$RUNNER_TEMP/r3"
[[ -z $(output deb) ]] || fail "a branch got a release .deb"
[[ ! -s apt.log && ! -e "$RUNNER_TEMP/r3/$DEB" ]] || fail "a branch downloaded or ran apt"
[[ $(output cache-key) == "$key" ]] || fail "same source, different cache key"
# Any change to the source changes the key.
echo "// changed" >> "$branch/lib/core/result.h"
step locate_changed_source 0 "$branch" locate OHM_ACTION_REPOSITORY=owner/onnx-hub-manifest OHM_ACTION_REF=main OHM_DEB_DIR="$RUNNER_TEMP/r3"
[[ -n $(output cache-key) && $(output cache-key) != "$key" ]] || fail "changed source, same cache key"

# The tag's release has no .deb (404), or one this system cannot install, or a corrupt one.
step locate_no_asset 0 "$tagged" locate OHM_ACTION_REPOSITORY=owner/onnx-hub-manifest OHM_ACTION_REF=v$version \
  OHM_RELEASES_URL="http://127.0.0.1:$PORT/missing" OHM_DEB_DIR="$RUNNER_TEMP/r4"
[[ -z $(output deb) && ! -e "$RUNNER_TEMP/r4/$DEB" ]] || fail "no asset, yet a deb"
step locate_no_server 0 "$tagged" locate OHM_ACTION_REPOSITORY=owner/onnx-hub-manifest OHM_ACTION_REF=v$version \
  OHM_RELEASES_URL="http://127.0.0.1:1" OHM_DEB_DIR="$RUNNER_TEMP/r4"
[[ -z $(output deb) ]] || fail "no server, yet a deb"
step locate_foreign_deb 0 "$tagged" locate OHM_ACTION_REPOSITORY=owner/onnx-hub-manifest OHM_ACTION_REF=v$version \
  OHM_RELEASES_URL="$releases/foreign" OHM_DEB_DIR="$RUNNER_TEMP/r5"
[[ -z $(output deb) ]] || fail "an uninstallable .deb was kept"
step locate_checksum_mismatch 2 "$tagged" locate OHM_ACTION_REPOSITORY=owner/onnx-hub-manifest OHM_ACTION_REF=v$version \
  OHM_RELEASES_URL="$releases/corrupt" OHM_DEB_DIR="$RUNNER_TEMP/r6"

# --- Build and install from source: package.sh stands in (see the top).
built=$(action_at owner/onnx-hub-manifest/feature)
stub_package_sh "$built"
step build 0 "$built" build OHM_DEB_DIR="$RUNNER_TEMP/onnx-hub-manifest-deb" OHM_BUILD_DIR="$RUNNER_TEMP/onnx-hub-manifest-build"
[[ $(cat package_env) == "BUILD_DIR=$RUNNER_TEMP/onnx-hub-manifest-build DEB_DIR=$RUNNER_TEMP/onnx-hub-manifest-deb" ]] ||
  fail "package.sh got $(cat package_env)"
: > apt.log
step install_the_built_deb 0 "$built" install OHM_DEB= OHM_DEB_DIR="$RUNNER_TEMP/onnx-hub-manifest-deb" OHM_APT_UPDATED=
printf 'apt-get update -qq\napt-get install -y -qq --no-install-recommends %s\n' "$RUNNER_TEMP/onnx-hub-manifest-deb/$DEB" > want_apt
expect_same want_apt apt.log
step install_without_a_deb 2 "$built" install OHM_DEB= OHM_DEB_DIR="$RUNNER_TEMP/nothing-here"

# --- Validate on the sample zoo, with the real tool behind the wrapper.
export GITHUB_WORKSPACE="$WORK/ws"
make_repo ws "$SRC/samples"
step clean_zoo 0 "$tagged" validate INPUT_REPO=. INPUT_CHANGED_SINCE= INPUT_STRICT=false INPUT_FULL_CHECK=false
expect_argv validate --format github --repo .
printf '+ onnx-hub-manifest validate --format github --repo .\n' > want_stdout
expect_same want_stdout stdout
[[ $(cat tool_env) == "GITHUB_STEP_SUMMARY=$GITHUB_STEP_SUMMARY" ]] || fail "the tool got $(cat tool_env)"

# A warning: reported, fails only with strict (any spelling of true).
"$PY" - ws/ONNX_HUB_MANIFEST.json <<'PYEOF'
import json, sys
m = json.load(open(sys.argv[1]))
m[0], m[1] = m[1], m[0]
open(sys.argv[1], "w").write(json.dumps(m, indent=4))
PYEOF
step warning_not_strict 0 "$tagged" validate INPUT_REPO=. INPUT_STRICT=false INPUT_FULL_CHECK=false
step warning_strict 1 "$tagged" validate INPUT_REPO=. INPUT_STRICT=True INPUT_FULL_CHECK=false
expect_argv validate --format github --repo . --strict
step strict_maybe 2 "$tagged" validate INPUT_REPO=. INPUT_STRICT=maybe
[[ ! -e argv ]] || fail "the tool ran on a bad input"
git -C ws checkout -q -- ONNX_HUB_MANIFEST.json

# full-check: passed through; run for real once this build's validate has it.
if "$OHM" validate --help | grep -q -- --full-check; then
  step full_check 0 "$tagged" validate INPUT_REPO=. INPUT_FULL_CHECK=true
else
  echo "note: this build's validate has no --full-check yet: its command line is checked, the tool not run" >&2
  step full_check_command_line_only 0 "$tagged" validate INPUT_REPO=. INPUT_FULL_CHECK=true RECORD_ONLY=1
fi
expect_argv validate --format github --repo . --full-check

# A zoo in a subfolder with a space, faults before and after the base:
# annotations name repository paths; changed-since sees only the change.
rm -rf ws && mkdir ws && cp -r "$SRC/samples" "ws/my zoo"
git -C ws init -q
Z="my zoo"
sed -i 's/^|TinyNet-12   |/|TinyNet-12b  |/' "ws/$Z/vision/classification/tinynet/README.md"
git -C ws add -A && git -C ws commit -qm base
sed -i 's/|1.4 |9 |/|1.4 |10 |/' "ws/$Z/other/tabular/tiny_mlp/README.md"
git -C ws commit -qam opset
step faulty_zoo 1 "$tagged" validate INPUT_REPO="$Z" INPUT_STRICT=false INPUT_FULL_CHECK=false
expect_argv validate --format github --repo "$Z"
[[ $(grep -c '^::' stdout) == $(grep -c "^::error file=$Z/" stdout) ]] || { cat stdout >&2; fail "annotation outside $Z/"; }
step changed_since_head1 1 "$tagged" validate INPUT_REPO="$Z" INPUT_CHANGED_SINCE=HEAD~1 INPUT_STRICT=false INPUT_FULL_CHECK=false
expect_argv validate --format github --repo "$Z" --changed-since HEAD~1
line=$(grep -n '"opset_version": 9,' "ws/$Z/ONNX_HUB_MANIFEST.json" | cut -d: -f1)
cat > want_stdout <<EOF
+ onnx-hub-manifest validate --format github --repo my\\ zoo --changed-since HEAD~1
::error file=$Z/ONNX_HUB_MANIFEST.json,line=$line,col=9,title=entry.stale::opset_version is 9 but the README row other/tabular/tiny_mlp/README.md:5 gives 10
::error file=$Z/other/tabular/tiny_mlp/README.md,line=5,title=model.opset-mismatch::the Opset version cell says 10 but other/tabular/tiny_mlp/model/tiny-mlp-9.onnx imports opset 9 of the default domain
EOF
expect_same want_stdout stdout
