#!/usr/bin/env bash
# CI regression benchmark: runs experiments/ci.yaml and experiments/ci-logs.yaml (quick, deterministic) and
# compares them with the committed baselines results/ci-baseline/summary.json and logs-summary.json. Exits 1 with a
# readable diff when tokens, cost, completion, answer quality (ROUGE-L, accuracy) or modeled latency moved beyond
# the tolerances (see `scripts/fame check --help`). The run's headline figures for a CI benchmark tracker
# (github-action-benchmark, tool customSmallerIsBetter) are in target/ci-results/<experiment>/current/benchmark.json.
# Then checks determinism: in virtual-clock mode a seed gives the same bytes in every JVM run, so each run's
# turns.csv and event streams must equal the committed results/<experiment>/reference ones byte for byte.
# After an intended change: cp target/ci-results/ci/current/summary.json results/ci-baseline/summary.json
#                     and cp target/ci-results/ci-logs/current/summary.json results/ci-baseline/logs-summary.json
#                     and, for each experiment E in ci ci-logs:
#                         rm -rf results/E/reference && cp -r target/ci-results/E/current results/E/reference
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
scripts/fame run -e experiments/ci.yaml --results target/ci-results --run-id current
scripts/fame run -e experiments/ci-logs.yaml --results target/ci-results --run-id current
echo "ci experiments wall time: $(( $(date +%s) - start )) s"
status=0
scripts/fame check --baseline results/ci-baseline/summary.json --current target/ci-results/ci/current || status=$?
scripts/fame check --baseline results/ci-baseline/logs-summary.json --current target/ci-results/ci-logs/current || status=$?
for e in ci ci-logs; do
  ref="results/$e/reference" cur="target/ci-results/$e/current"
  for f in turns.csv $(cd "$ref" && ls events/*.jsonl.gz); do
    if ! cmp -s "$ref/$f" "$cur/$f"; then
      echo "determinism: $cur/$f differs from $ref/$f; the same seed must give the same bytes." >&2
      if [ "$f" = turns.csv ]; then diff "$ref/$f" "$cur/$f" | head -6 >&2 || true; fi
      echo "  an intended change: copy the run over the reference (see the top of scripts/ci-bench.sh);" >&2
      echo "  otherwise something depends on the JVM run (README, Determinism)" >&2
      status=1
    fi
  done
done
[ "$status" = 0 ] && echo "determinism: ci and ci-logs turns.csv and event streams identical to results/*/reference"
exit $status
