# The man page and completion generators follow subcommands that have verbs
# of their own (as `cache dir|list|verify|prune` will): a stand-in binary
# prints CLI11-shaped help for a command with two verbs.
source "$SRC/tests/e2e/lib.sh"
cat > fake <<'EOF'
#!/bin/bash
opt() { printf '  %-28s%s\n' "$1" "$2"; }
case "$*" in
  --help) printf 'A tool\nUsage: fake [OPTIONS] SUBCOMMAND\n\nOptions:\n'; opt -h,--help "Print this help message and exit"
          printf '\nSubcommands:\n'; opt cache "Manage the cache"; opt other "Something else" ;;
  "cache --help") printf 'Manage the cache\nUsage: fake cache [OPTIONS] SUBCOMMAND\n\nOptions:\n'; opt -h,--help "Print help"
          opt "--cache DIR" "Cache folder"; printf '\nSubcommands:\n'; opt list "List cached files"; opt prune "Remove old files" ;;
  "cache list --help") printf 'List cached files\nUsage: fake cache list [OPTIONS]\n\nOptions:\n'; opt -h,--help "Print help"
          opt "--format TEXT:{text,json}" "Report form" ;;
  "cache prune --help") printf 'Remove old files\nUsage: fake cache prune [OPTIONS]\n\nOptions:\n'; opt -h,--help "Print help"
          opt "--older-than N" "Days"; opt "--keep-manifest FILE" "Keep what this manifest names"; opt --yes "Remove (else a dry run)" ;;
  "other --help") printf 'Something else\nUsage: fake other [OPTIONS]\n\nOptions:\n'; opt -h,--help "Print help"; opt --loud "Louder" ;;
  *) exit 2 ;;
esac
EOF
chmod +x fake

sh "$SRC/cmake/man_page.sh" ./fake 9.9.9 fake.1.gz
gzip -dc fake.1.gz > fake.1
grep -qx '.SS "cache"' fake.1 || fail "no cache subsection"
grep -qx '.SS "cache list"' fake.1 || fail "no cache list subsection"
grep -qx '.SS "cache prune"' fake.1 || fail "no cache prune subsection"
[[ $(grep -c '^\.SS' fake.1) == 4 ]] || fail "expected 4 subsections: $(grep '^\.SS' fake.1)"
awk '/^\.SS "cache prune"/ { on = 1 } on' fake.1 | grep -qF -- '\fB\-\-keep\-manifest\fR \fIFILE\fR' || fail "prune's --keep-manifest"
groff -man -ww -z fake.1 2> groff.log && [[ ! -s groff.log ]] || { cat groff.log >&2; fail "groff warnings"; }

sh "$SRC/cmake/bash_completion.sh" ./fake fake.bash
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
           COMPREPLY=(); _onnx_hub_manifest; printf "%s\n" "${COMPREPLY[@]}"' _ fake.bash onnx-hub-manifest "$@" |
    sed '/^$/d' | sort | paste -sd' ' -
}
[[ $(complete_words "") == "cache other" ]] || fail "top level: $(complete_words "")"
[[ $(complete_words cache "") == "list prune" ]] || fail "cache verbs: $(complete_words cache "")"
[[ $(complete_words cache --cache /tmp p) == "prune" ]] || fail "verb after an option value"
[[ $(complete_words cache prune --) == "--help --keep-manifest --older-than --yes" ]] || fail "prune options"
[[ $(complete_words cache list --format "") == "json text" ]] || fail "list --format values"
[[ $(complete_words other --) == "--help --loud" ]] || fail "other options"
