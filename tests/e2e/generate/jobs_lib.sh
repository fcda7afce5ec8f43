# Sourced by the --jobs cases of generate and validate.
#
# same_for_every_jobs STEP RC ARGS...: runs ARGS with --jobs 1, compared with
# STEP.expected as `check` does; then with --jobs 2 and --jobs 8, whose exit
# code, stdout, stderr and out.json (when the run writes one) must be the same
# bytes as the --jobs 1 run's.
same_for_every_jobs() {
  local step=$1 rc=$2 jobs
  shift 2
  rm -f out.json
  check "$step" "$rc" "$@" --jobs 1
  cp "$WORK/stdout" "$WORK/$step.stdout"
  cp "$WORK/stderr" "$WORK/$step.stderr"
  [[ -f out.json ]] && mv out.json "$step.json"
  for jobs in 2 8; do
    RC=0
    "$OHM" "$@" --jobs "$jobs" >"$WORK/stdout" 2>"$WORK/stderr" || RC=$?
    [[ "$RC" == "$rc" ]] || { cat "$WORK/stderr" >&2; fail "step $step --jobs $jobs: exit code $RC, expected $rc"; }
    expect_same "$WORK/$step.stdout" "$WORK/stdout"
    expect_same "$WORK/$step.stderr" "$WORK/stderr"
    if [[ -f "$step.json" ]]; then
      expect_same "$step.json" out.json
      rm out.json
    fi
  done
}
