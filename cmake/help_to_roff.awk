# Renders one CLI11 --help text as a man(7) fragment (used by man_page.sh).
# CLI11 prints: description lines, "Usage: ...", then sections ("Options:",
# "Positionals:", "Subcommands:", option groups) whose entries are
# "  TERM  description" with continuation lines indented further.
# Variables: skip_subcommands=1 leaves out the "Subcommands:" section (the
# page documents each subcommand on its own).

function esc(s) {
  gsub(/\\/, "\\\\e", s)
  gsub(/-/, "\\\\-", s)
  if (s ~ /^[.']/) s = "\\&" s
  return s
}

# A term is option names (bold), then the value type (italic), then notes
# such as "Excludes: --staged" (plain); a positional starts with its name.
function term(s,    n, i, parts, out, tok, names) {
  n = split(s, parts, / +/)
  out = ""
  names = 1
  for (i = 1; i <= n; i++) {
    tok = esc(parts[i])
    if (names && parts[i] ~ /:$/) names = 0
    else if (names && parts[i] ~ /^-/) tok = "\\fB" tok "\\fR"
    else if (names) { tok = "\\fI" tok "\\fR"; names = 0 }
    out = out (out == "" ? "" : " ") tok
  }
  return out
}

function flush() {
  if (pending_term != "") {
    print ".TP"
    print term(pending_term)
    if (pending_desc != "") print esc(pending_desc)
  }
  pending_term = ""
  pending_desc = ""
}

BEGIN { state = "description" }

state == "description" && /^Usage: / {
  sub(/^Usage: /, "")
  print ".PP"
  print "\\fBUsage:\\fR " esc($0)
  state = "body"
  next
}
state == "description" {
  if ($0 != "") { print ".PP"; print esc($0) }
  next
}

/^[^ ].*:$/ {
  flush()
  section = $0
  sub(/:$/, "", section)
  if (skip_subcommands && section == "Subcommands") { state = "skip"; next }
  state = "body"
  print ".PP"
  print "\\fB" esc(section) ":\\fR"
  next
}
state == "skip" { next }
/^$/ { flush(); next }
/^   +[^ ]/ {
  line = $0
  sub(/^ +/, "", line)
  pending_desc = pending_desc (pending_desc == "" ? "" : " ") line
  next
}
/^  [^ ]/ {
  flush()
  line = $0
  sub(/^  /, "", line)
  if (match(line, /  +/)) {
    pending_term = substr(line, 1, RSTART - 1)
    pending_desc = substr(line, RSTART + RLENGTH)
  } else {
    pending_term = line
  }
  next
}
# Footer text after the sections.
{ flush(); print ".PP"; print esc($0) }
END { flush() }
