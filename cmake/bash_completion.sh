#!/bin/sh
# bash_completion.sh BINARY OUT: writes the bash completion of
# onnx-hub-manifest to OUT, from the built binary's --help and each
# (sub)command's --help, so it completes exactly the subcommands and options
# the binary has: option names, the values of choice options, folders for
# DIR, files for FILE, git revisions for REV. It needs only bash (not the
# bash-completion package).
set -eu
bin=$1 out=$2
here=$(dirname "$0")
export LC_ALL=C
tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT

# quote WORDS: one single-quoted bash word.
quote() { printf "'%s'" "$(printf '%s' "$*" | sed "s/'/'\\\\''/g")"; }

# table PATH...: the array entries of one command path, recursing into its verbs.
table() {
  path=$(printf '%s' "onnx-hub-manifest $*" | sed 's/ $//')
  entries=$("$bin" "$@" --help | awk -f "$here/help_entries.awk")
  subs=$(printf '%s\n' "$entries" | awk -F '\t' '$1 == "sub" { printf "%s%s", sep, $2; sep = " " }')
  flags=$(printf '%s\n' "$entries" | awk -F '\t' '$1 == "opt" { gsub(/,/, " ", $2); printf "%s%s", sep, $2; sep = " " }')
  printf '_onnx_hub_manifest_flags[%s]=%s\n' "$(quote "$path")" "$(quote "$flags")"
  [ -z "$subs" ] || printf '_onnx_hub_manifest_commands[%s]=%s\n' "$(quote "$path")" "$(quote "$subs")"
  printf '%s\n' "$entries" | awk -F '\t' '$1 == "pos" { print $3; exit }' | while read -r kind; do
    printf '_onnx_hub_manifest_positional[%s]=%s\n' "$(quote "$path")" "$(quote "$kind")"
  done
  printf '%s\n' "$entries" | awk -F '\t' '$1 == "opt" && $3 != "flag" { n = split($2, a, ","); for (i = 1; i <= n; i++) print a[i] "\t" $3 }' |
    while IFS="$(printf '\t')" read -r name kind; do
      printf '_onnx_hub_manifest_values[%s]=%s\n' "$(quote "$path $name")" "$(quote "$kind")"
    done
  for verb in $subs; do
    table "$@" "$verb"
  done
}

{
  cat <<'EOF'
# bash completion for onnx-hub-manifest. Generated from the binary's --help by
# cmake/bash_completion.sh: do not edit.

# Per command path ("onnx-hub-manifest", "onnx-hub-manifest generate", ...): its subcommands, its
# option names, the kind of its first positional, and per "path option" the
# kind of the option's value (flag options are absent).
declare -gA _onnx_hub_manifest_commands=() _onnx_hub_manifest_flags=()
declare -gA _onnx_hub_manifest_positional=() _onnx_hub_manifest_values=()
EOF
  table
  cat <<'EOF'

# _onnx_hub_manifest_reply KIND: completes $cur as a value of that kind.
_onnx_hub_manifest_reply() {
  local IFS=$'\n'
  case $1 in
    dir) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")) ;;
    file) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    rev) COMPREPLY=($(compgen -W "HEAD"$'\n'"$(git for-each-ref --format='%(refname:short)' 2>/dev/null)" -- "$cur")) ;;
    choice:*) IFS=$' \t\n'; COMPREPLY=($(compgen -W "${1#choice:}" -- "$cur")) ;;
    *) COMPREPLY=() ;;
  esac
}

_onnx_hub_manifest() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]-}
  local path=onnx-hub-manifest word i=1
  # bash splits --opt=value at '=' (COMP_WORDBREAKS): complete the value.
  if [[ $cur == "=" ]]; then
    cur=""
  elif [[ $prev == "=" ]]; then
    prev=${COMP_WORDS[COMP_CWORD-2]-}
  fi
  # The command path: the (sub)command words typed so far, skipping options
  # and the values of options that take one.
  while ((i < COMP_CWORD)); do
    word=${COMP_WORDS[i]}
    if [[ $word == -* ]]; then
      if [[ ${COMP_WORDS[i+1]-} == "=" ]]; then
        ((i += 2))
      elif [[ -n ${_onnx_hub_manifest_values["$path $word"]+set} ]]; then
        ((i += 1))
      fi
    elif [[ " ${_onnx_hub_manifest_commands["$path"]-} " == *" $word "* ]]; then
      path="$path $word"
    fi
    ((i += 1))
  done
  if [[ $prev == -* && -n ${_onnx_hub_manifest_values["$path $prev"]+set} ]]; then
    _onnx_hub_manifest_reply "${_onnx_hub_manifest_values["$path $prev"]}"
  elif [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "${_onnx_hub_manifest_flags["$path"]-}" -- "$cur"))
  elif [[ -n ${_onnx_hub_manifest_commands["$path"]-} ]]; then
    COMPREPLY=($(compgen -W "${_onnx_hub_manifest_commands["$path"]}" -- "$cur"))
  else
    _onnx_hub_manifest_reply "${_onnx_hub_manifest_positional["$path"]-}"
  fi
}
complete -F _onnx_hub_manifest onnx-hub-manifest
EOF
} > "$tmp"
mv "$tmp" "$out"
trap - EXIT
