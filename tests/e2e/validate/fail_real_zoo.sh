# The real zoo at its last commit: exactly five errors, the age_gender README
# rows that have no entry; after generate adds them, validate finds nothing.
source "$SRC/tests/e2e/lib.sh"
make_repo zoo "$SRC/tests/fixtures/zoo-b1eeaa1"
chmod -R u+w zoo
check validate 1 validate --repo zoo
# The GitHub form annotates the same README lines.
check github 1 validate --repo zoo --format github
check generate 0 generate --repo zoo --quiet
check after_generate 0 validate --repo zoo
