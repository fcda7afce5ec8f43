# merge refuses parts that do not make one full run, with one line naming the
# part and exit 1: an overlap, a missing shard, different splits, mixed
# revisions, and a file that is no part. generate refuses --shard where it
# cannot write a part (exit 2).
source "$SRC/tests/e2e/lib.sh"
make_repo zoo "$SRC/samples"
for k in 1 2; do "$OHM" generate --repo zoo --shard "$k/2" -o "half$k.json" --quiet || fail "shard $k/2"; done
"$OHM" generate --repo zoo --shard 1/3 -o third1.json --quiet || fail "shard 1/3"

cp half1.json again1.json
cp half1.json.shard.json again1.json.shard.json
check overlap 1 merge half1.json again1.json half2.json
check missing_shard 1 merge half2.json
check missing_shards 1 merge third1.json
check shard_count 1 merge half1.json third1.json -o out.json
[[ ! -e out.json ]] || fail "a refused merge writes nothing"

# A commit later, shard 2/2 comes from another revision.
echo "more" >> zoo/README.md
git -C zoo commit -qam "later"
"$OHM" generate --repo zoo --shard 2/2 -o later2.json --quiet || fail "shard 2/2 later"
# The commits' ids change with every run.
FILTERS+=("s/$(git -C zoo rev-parse HEAD)/<HEAD>/g" "s/$(git -C zoo rev-parse HEAD~1)/<HEAD~1>/g")
check mixed_revisions 1 merge half1.json later2.json

cp zoo/ONNX_HUB_MANIFEST.json whole.json
check no_side_file 1 merge whole.json
n=$(json_query whole.json "len(m)")  # the whole manifest, under a side file of shard 1/2
sed "s/\"entries\": [0-9]*/\"entries\": $n/" half1.json.shard.json > whole.json.shard.json
check entries_of_another_shard 1 merge whole.json
echo '{"shard": "3/2"}' > bad.json.shard.json
cp half1.json bad.json
check bad_side_file 1 merge bad.json
check no_such_part 2 merge missing.json

check shard_without_output 2 generate --repo zoo --shard 1/2
check shard_with_check 2 generate --repo zoo --shard 1/2 --check
check shard_not_k_of_n 2 generate --repo zoo --shard 3/2 -o x.json
check jobs_zero 2 validate --repo zoo --jobs 0
