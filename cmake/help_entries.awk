# Lists the entries of one CLI11 --help text, one per line, tab-separated
# (used by bash_completion.sh):
#   sub  NAME                 a subcommand
#   opt  NAMES  KIND          an option; NAMES comma-separated; KIND "flag",
#                             "choice:a b c", "dir", "file", "rev" or "value"
#   pos  NAME   KIND          a positional argument
# KIND comes from the value name CLI11 prints (DIR, FILE, REV, {a,b,c}, a|b|c); for
# options still shown as TEXT it falls back on the option's name.

function kind_of(value, names,    choices) {
  if (match(value, /\{[^}]*\}/)) {
    choices = substr(value, RSTART + 1, RLENGTH - 2)
    gsub(/,/, " ", choices)
    return "choice:" choices
  }
  # The value names of the shared flags: "text|json|github", "auto|always|never".
  if (value ~ /^[a-z]+(\|[a-z]+)+$/) {
    choices = value
    gsub(/\|/, " ", choices)
    return "choice:" choices
  }
  if (value ~ /^(DIR|FOLDER)/ || names ~ /(^|,)--(repo|cache)(,|$)/) return "dir"
  if (value ~ /^(FILE|PATH)/ || names ~ /(^|,)(-o|--output|--manifest|--schema|--feature-tensors|--reuse)(,|$)/) return "file"
  if (value ~ /^(REV|BASE)/ || names ~ /(^|,)--(rev|changed-since)(,|$)/) return "rev"
  return "value"
}

/^[^ ].*:$/ { section = $0; next }
/^  [^ ]/ {
  line = $0
  sub(/^  /, "", line)
  if (match(line, /  +/)) line = substr(line, 1, RSTART - 1)
  n = split(line, tok, / +/)
  if (section == "Subcommands:") { print "sub\t" tok[1]; next }
  if (section == "Positionals:") {
    print "pos\t" tok[1] "\t" kind_of(tok[1], "")
    next
  }
  if (tok[1] !~ /^-/) next
  names = tok[1]
  value = (n >= 2 && tok[2] !~ /:$/) ? tok[2] : ""
  print "opt\t" names "\t" (value == "" ? "flag" : kind_of(value, names))
}
