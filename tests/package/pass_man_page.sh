# The man page generated from --help (build/doc/onnx-hub-manifest.1.gz)
# renders without groff warnings and documents every subcommand with every
# option its --help lists, under that subcommand's heading.
source "$SRC/tests/e2e/lib.sh"
page="$OHM_BUILD_DIR/doc/onnx-hub-manifest.1.gz"
[[ -f "$page" ]] || fail "no $page"
gzip -dc "$page" > page.1

groff -man -ww -z page.1 2> groff.log || fail "groff failed"
[[ ! -s groff.log ]] || { cat groff.log >&2; fail "groff warnings"; }
groff -man -Tutf8 -P-cbou -rHY=0 -rLL=300n page.1 2>/dev/null > page.txt
for heading in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS "EXIT STATUS" FILES; do
  grep -qx "$heading" page.txt || fail "no $heading section"
done
version=$(bash "$SRC/scripts/version.sh")
grep -q "onnx-hub-manifest $version" page.txt || fail "page does not name version $version"

# section CMD: the rendered text of CMD's subsection (up to the next one).
section() { awk -v cmd="$1" '/^   [a-z]/ { on = ($1 == cmd) } /^[A-Z]/ { on = 0 } on' page.txt; }
commands=$("$OHM" --help | awk '/^Subcommands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }')
[[ $(wc -w <<<"$commands") -ge 6 ]] || fail "expected the subcommands in --help: $commands"
for cmd in $commands; do
  section "$cmd" > "sec_$cmd"
  [[ -s "sec_$cmd" ]] || fail "no subsection for $cmd"
  summary=$("$OHM" --help | awk -v cmd="$cmd" '$1 == cmd { $1 = ""; sub(/^ +/, ""); print }')
  grep -qF "$summary" <(tr -s ' \n' ' ' < "sec_$cmd") || fail "$cmd: summary '$summary' missing"
  for opt in $("$OHM" "$cmd" --help | grep -oE -- '(^|[ ,])--[a-z][-a-z0-9]*' | tr -d ' ,' | sort -u); do
    grep -qE -- "(^|[ ,])$opt( |,|$)" "sec_$cmd" || fail "$cmd: $opt is not in its subsection"
  done
done
# A value type and a choice list come through as written in --help.
grep -qF -- "--format text|json|github" sec_validate || fail "validate --format's choices"
