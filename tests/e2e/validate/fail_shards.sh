# validate --shard K/N compares only that shard's rows and entries: over the
# N shards, the real zoo's findings about entries are those of one full run,
# each reported by exactly one shard.
source "$SRC/tests/e2e/lib.sh"
make_repo zoo "$SRC/tests/fixtures/zoo-b1eeaa1"
check full 1 validate --repo zoo
grep -E '\[(entry|readme\.row)\.' "$WORK/stderr" | sort > full.txt
[[ -s full.txt ]] || fail "the real zoo has entry findings"
: > shards.txt
for k in 1 2 3; do
  RC=0
  "$OHM" validate --repo zoo --shard "$k/3" >"$WORK/stdout" 2>"$WORK/stderr" || RC=$?
  [[ $RC == 0 || $RC == 1 ]] || fail "shard $k/3: exit $RC"
  grep -E '\[(entry|readme\.row)\.' "$WORK/stderr" >> shards.txt || true
done
sort shards.txt > shards_sorted.txt
expect_same full.txt shards_sorted.txt
check shard_1_of_3 1 validate --repo zoo --shard 1/3
