#!/usr/bin/env bash
# CI regression benchmark: runs experiments/ci.yaml and experiments/ci-logs.yaml (quick, deterministic) and
# compares them with the committed baselines results/ci-baseline/summary.json and logs-summary.json. Exits 1 with a
# readable diff when tokens, cost, completion, answer quality (ROUGE-L, accuracy) or modeled latency moved beyond
# the tolerances (see `scripts/fame check --help`). The run's headline figures for a CI benchmark tracker
# (github-action-benchmark, tool customSmallerIsBetter) are in target/ci-results/<experiment>/current/benchmark.json.
# After an intended change: cp target/ci-results/ci/current/summary.json results/ci-baseline/summary.json
#                     and cp target/ci-results/ci-logs/current/summary.json results/ci-baseline/logs-summary.json
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
scripts/fame run -e experiments/ci.yaml --results target/ci-results --run-id current
scripts/fame run -e experiments/ci-logs.yaml --results target/ci-results --run-id current
echo "ci experiments wall time: $(( $(date +%s) - start )) s"
status=0
scripts/fame check --baseline results/ci-baseline/summary.json --current target/ci-results/ci/current || status=$?
scripts/fame check --baseline results/ci-baseline/logs-summary.json --current target/ci-results/ci-logs/current || status=$?
exit $status
