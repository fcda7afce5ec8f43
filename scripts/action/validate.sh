#!/usr/bin/env bash
# Step 4 of the action: onnx-hub-manifest validate with the action's inputs,
# in the workspace. Annotations (--format github) go to stdout, where the
# runner turns them into annotations; the tool writes the job summary to
# $GITHUB_STEP_SUMMARY itself. The exit code is the tool's: 1 fails the job
# on problems, 2 when it could not run.
# Inputs (action.yml passes them): INPUT_REPO, INPUT_CHANGED_SINCE,
# INPUT_STRICT, INPUT_FULL_CHECK (true/false).
source "$(dirname "$0")/lib.sh"

# flag NAME VALUE OPTION: appends OPTION to args when VALUE is true.
flag() {
  case "${2,,}" in
    true | yes | on | 1) args+=("$3") ;;
    false | no | off | 0 | "") ;;
    *) error "input $1 is '$2': use true or false"; exit 2 ;;
  esac
}

args=(validate --format github)
[[ -z "${INPUT_REPO:-}" ]] || args+=(--repo "$INPUT_REPO")
[[ -z "${INPUT_CHANGED_SINCE:-}" ]] || args+=(--changed-since "$INPUT_CHANGED_SINCE")
flag strict "${INPUT_STRICT:-false}" --strict
flag full-check "${INPUT_FULL_CHECK:-false}" --full-check
echo "+ onnx-hub-manifest$(printf ' %q' "${args[@]}")"
exec onnx-hub-manifest "${args[@]}"
