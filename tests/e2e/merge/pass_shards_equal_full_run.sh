# generate --shard K/N writes the rows of one shard and a side file; merge
# joins the N parts into exactly the bytes of one full run, for N = 1..5, on
# the samples (real models, inspected) and on the real zoo (LFS pointers).
source "$SRC/tests/e2e/lib.sh"

# shards_equal_full_run ZOO ARGS...: every split of ZOO into 1..5 shards merges
# into the bytes `generate --repo ZOO ARGS -o full.json` writes.
shards_equal_full_run() {
  local zoo=$1 n k parts
  shift
  "$OHM" generate --repo "$zoo" "$@" -o full.json --quiet || fail "full run of $zoo"
  for n in 1 2 3 4 5; do
    parts=()
    for ((k = 1; k <= n; k++)); do
      "$OHM" generate --repo "$zoo" "$@" --shard "$k/$n" -o "part$k.json" --quiet || fail "$zoo shard $k/$n"
      parts+=("part$k.json")
    done
    "$OHM" merge "${parts[@]}" -o merged.json --quiet || fail "merge of $n parts of $zoo"
    expect_same full.json merged.json
    rm -f part*.json merged.json
  done
}

make_repo samples "$SRC/samples"
shards_equal_full_run samples --no-reuse
shards_equal_full_run samples
make_repo zoo "$SRC/tests/fixtures/zoo-b1eeaa1"
shards_equal_full_run zoo

# What one shard and one merge print, and the side file beside a part.
check shard_2_of_3 0 generate --repo samples --shard 2/3 -o part2.json
sed "s/$(git -C samples rev-parse HEAD)/<HEAD>/" part2.json.shard.json > side.txt
check_command side_file 0 cat side.txt
"$OHM" generate --repo samples --shard 1/3 -o part1.json --quiet
"$OHM" generate --repo samples --shard 3/3 -o part3.json --quiet
check merge_to_stdout 0 merge part3.json part1.json part2.json
expect_same "$WORK/stdout" samples/ONNX_HUB_MANIFEST.json
