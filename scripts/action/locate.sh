#!/usr/bin/env bash
# Step 1 of the action: looks for the release .deb of the action's ref and
# keeps it when this runner can install it; otherwise the action builds one
# from its own source, cached under the key this step prints.
# Outputs: deb (the downloaded .deb, or empty), cache-key, apt-updated.
# Environment:
#   OHM_ACTION_REPOSITORY, OHM_ACTION_REF  github.action_repository/action_ref
#       (empty in some composite runs: then read from the action's folder,
#       .../_actions/OWNER/NAME/REF)
#   OHM_RELEASES_URL  base of the release downloads (default
#       $GITHUB_SERVER_URL/OWNER/NAME/releases/download; a mirror, or the tests)
#   OHM_DEB_DIR       where the download goes
source "$(dirname "$0")/lib.sh"
if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  error "this action needs a Debian or Ubuntu runner (apt-get and dpkg)"
  exit 2
fi

# The build cache key: the runner's system and every file the .deb is made from.
system=$(. /etc/os-release && echo "${ID}-${VERSION_ID:-none}")
source_hash=$(cd "$action_src" &&
  find CMakeLists.txt README.md cmake lib tools schemas data scripts -type f -print0 | LC_ALL=C sort -z |
  xargs -0 sha256sum | sha256sum | cut -c1-40)
output cache-key "onnx-hub-manifest-deb-${system}-$(dpkg --print-architecture)-${source_hash}"

repo=${OHM_ACTION_REPOSITORY:-}
ref=${OHM_ACTION_REF:-}
if [[ ( -z "$repo" || -z "$ref" ) && "$action_src" == */_actions/*/*/* ]]; then
  IFS=/ read -r owner name path_ref _ <<<"${action_src##*/_actions/}"
  repo=${repo:-$owner/$name}
  ref=${ref:-$path_ref}
fi
version=$(bash "$action_src/scripts/version.sh")
deb=""
updated=false
apt_update_once() {
  [[ $updated == true ]] || { apt_get update -qq; updated=true; output apt-updated true; }
}
if [[ -z "$repo" || "$ref" != "v$version" ]]; then
  notice "${repo:-a local copy}@${ref:-?} is not the release tag v$version of its source: building from source"
else
  base=${OHM_RELEASES_URL:-${GITHUB_SERVER_URL:-https://github.com}/$repo/releases/download}
  name=$(deb_name)
  dir=${OHM_DEB_DIR:?OHM_DEB_DIR is not set}
  mkdir -p "$dir"
  if ! command -v curl >/dev/null 2>&1; then   # a bare container (debian:12)
    apt_update_once
    apt_get install -y -qq --no-install-recommends curl ca-certificates >/dev/null
  fi
  rc=0
  curl -fsSL --retry 3 -o "$dir/$name" "$base/$ref/$name" || rc=$?
  if [[ $rc -ne 0 ]]; then
    rm -f "$dir/$name"
    if [[ $rc -eq 22 ]]; then
      notice "release $ref of $repo has no $name: building from source"
    else
      notice "could not download $name from release $ref of $repo (curl exit $rc): building from source"
    fi
  else
    if curl -fsSL --retry 3 -o "$dir/SHA256SUMS" "$base/$ref/SHA256SUMS"; then
      if ! (cd "$dir" && sha256sum -c --ignore-missing --quiet SHA256SUMS); then
        error "$name from release $ref does not match the release's SHA256SUMS"
        exit 2
      fi
    fi
    # Its Depends name the libraries of the system it was built on (Debian 12).
    apt_update_once
    if apt_get install --simulate -q "$dir/$name" >"$dir/simulate.log" 2>&1; then
      deb="$dir/$name"
      echo "Using $name from release $ref of $repo"
    else
      notice "$name from release $ref needs libraries this runner's system lacks ($(grep -m1 'Depends:' "$dir/simulate.log" | sed 's/^ *//')): building from source"
    fi
  fi
fi
output deb "$deb"
