# The real zoo at its last commit: exactly five errors, the age_gender README
# rows that have no entry, compared with the golden list; after generate adds
# them, validate finds nothing.
source "$SRC/tests/e2e/lib.sh"
make_repo zoo "$SRC/tests/fixtures/zoo-b1eeaa1"
chmod -R u+w zoo
run validate --repo zoo
expect_rc 1
sed -E 's/^([^:]+):([0-9]+)(:[0-9]+)?: (error|warning): .* \[([^]]+)\]$/\5 \4 \1 \2/' stderr | grep -v '^validate:' > findings.txt
expect_same findings.txt "$SRC/tests/fixtures/zoo-b1eeaa1.validate.golden"
expect_stderr_has "validated/vision/body_analysis/age_gender/README.md:11: error: the row \"googlenet_age_adience\""
expect_stderr_has "184 entries"
expect_stderr_has ": 5 errors, 0 warnings"
# The GitHub form annotates the same README lines.
run validate --repo zoo --format github
expect_rc 1
[[ $(grep -c '^::error file=validated/vision/body_analysis/age_gender/README.md,line=1[1-5],title=entry.missing::' stdout) == 5 ]] \
  || { cat stdout >&2; fail "github annotations"; }
run generate --repo zoo --quiet
expect_rc 0
run validate --repo zoo
expect_rc 0
[[ $(wc -l < stderr) == 1 ]] || { cat stderr >&2; fail "findings after generate"; }
expect_stderr_has "validate: 189 entries"
expect_stderr_has ": 0 errors, 0 warnings"
