#!/bin/sh
# man_page.sh BINARY VERSION OUT: writes the man page onnx-hub-manifest(1),
# gzip-compressed, to OUT, from the built binary's --help and each
# subcommand's --help (and each sub-subcommand's, for commands that have
# verbs). help2man reads only the top-level --help, which for CLI11 lists the
# subcommands without their options; this page has every option of every
# command, so it cannot drift from the code.
set -eu
bin=$1 version=$2 out=$3
here=$(dirname "$0")
export LC_ALL=C

# subcommands HELP_TEXT: names listed in its "Subcommands:" section.
subcommands() {
  printf '%s\n' "$1" | awk '/^[^ ].*:$/ { in_sub = ($0 == "Subcommands:"); next }
                            in_sub && /^  [^ ]/ { print $1 }'
}

# section WORDS...: one subsection per command, recursing into its verbs.
section() {
  help=$("$bin" "$@" --help)
  printf '.SS "%s"\n' "$*"
  printf '%s\n' "$help" | awk -v skip_subcommands=1 -f "$here/help_to_roff.awk"
  for verb in $(subcommands "$help"); do
    section "$@" "$verb"
  done
}

top=$("$bin" --help)
summary=$(printf '%s\n' "$top" | head -n 1)
tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT
{
  printf '.TH ONNX\\-HUB\\-MANIFEST 1 "" "onnx-hub-manifest %s" "User Commands"\n' "$version"
  printf '.SH NAME\nonnx\\-hub\\-manifest \\- %s\n' "$summary"
  printf '.SH SYNOPSIS\n.B onnx\\-hub\\-manifest\n.I COMMAND\n.RI [ OPTIONS ]\n'
  printf '.SH DESCRIPTION\n%s.\n' "$summary"
  printf '.PP\nEach command and its options are listed below, as\n'
  printf '.B onnx\\-hub\\-manifest\n.I COMMAND\n.B \\-\\-help\nprints them.\n'
  printf '.SH OPTIONS\n'
  printf '%s\n' "$top" | sed 1d | awk -v skip_subcommands=1 -f "$here/help_to_roff.awk"
  printf '.SH COMMANDS\n'
  for cmd in $(subcommands "$top"); do
    section "$cmd"
  done
  cat <<'EOF'
.SH EXIT STATUS
.TP
.B 0
Done, and nothing wrong was found.
.TP
.B 1
Problems were found: errors in READMEs or models, a stale or invalid manifest,
no such model, a sha mismatch, an unsafe archive.
.TP
.B 2
Could not run: bad arguments, an unreadable repository, the network, an
unwritable output.
.SH FILES
.TP
.I /usr/share/onnx\-hub\-manifest/onnx_hub_manifest.schema.json
The JSON Schema of ONNX_HUB_MANIFEST.json (the binary holds the same one).
.TP
.I /usr/share/doc/onnx\-hub\-manifest/README.md
The full documentation: manifest format, check ids, GitHub Actions, pre-commit.
EOF
} > "$tmp"
gzip -9n < "$tmp" > "$out"
