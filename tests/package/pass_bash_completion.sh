# The bash completion generated from --help (build/doc/onnx-hub-manifest.bash)
# offers the subcommands, every option each subcommand's --help lists, the
# values of choice options, folders for --repo, files for FILE, and git
# revisions for --rev/--changed-since, skipping option values when it finds
# the subcommand.
source "$SRC/tests/e2e/lib.sh"
script="$OHM_BUILD_DIR/doc/onnx-hub-manifest.bash"
[[ -f "$script" ]] || fail "no $script"
bash -n "$script" || fail "syntax"

# complete WORD...: the candidates bash would offer for the last word, sorted, one line.
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
           COMPREPLY=(); _onnx_hub_manifest; printf "%s\n" "${COMPREPLY[@]}"' _ "$script" onnx-hub-manifest "$@" |
    sed '/^$/d' | sort | paste -sd' ' -
}
expect_completion() {
  local want=$1; shift
  local got
  got=$(complete_words "$@")
  [[ "$got" == "$want" ]] || fail "completing '$*': got '$got', expected '$want'"
}

# Subcommands, as --help lists them.
commands=$("$OHM" --help | awk '/^Subcommands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }' | sort | paste -sd' ' -)
[[ $(wc -w <<<"$commands") -ge 6 ]] || fail "subcommands in --help: $commands"
expect_completion "$commands" ""
expect_completion "generate" ge
expect_completion "--help --version" --

# Every option of every subcommand, read from its --help with grep (not the
# generator's parser).
for cmd in $commands; do
  want=$("$OHM" "$cmd" --help | sed -n '/^Options:/,$p' | grep -oE -- '^  (-[a-zA-Z],)?--[a-z][-a-z0-9]*' |
         tr ',' '\n' | tr -d ' ' | sort | paste -sd' ' -)
  [[ -n "$want" ]] || fail "$cmd --help lists no options"
  expect_completion "$want" "$cmd" -
done
expect_completion "--staged --strict" validate --st

# Values.
expect_completion "github json text" validate --format ""
expect_completion "github" validate --format = g
expect_completion "index" generate --discover i
expect_completion "json text" inspect --format ""
mkdir -p tree/dir_a tree/dir_b && touch tree/file_c.onnx
cd tree
expect_completion "dir_a dir_b" generate --repo ""
expect_completion "dir_a dir_b" validate --repo = ""
expect_completion "dir_a dir_b file_c.onnx" inspect ""
expect_completion "file_c.onnx" validate --manifest f
git init -q && git commit -q --allow-empty -m one && git branch feature && git tag v9
expect_completion "HEAD feature main v9" validate --changed-since ""
expect_completion "feature" generate --rev f
cd ..

# An option's value is not a subcommand; a flag takes no value.
expect_completion "--staged --strict" --help validate --repo generate --st
expect_completion "--recompute-ports --repo --reuse --rev" generate --check --re
expect_completion "" info ""
