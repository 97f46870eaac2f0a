#!/usr/bin/env bash
# CI regression benchmark: runs experiments/ci.yaml (quick, deterministic) and compares it with the committed
# baseline results/ci-baseline/summary.json. Exits 1 with a readable diff when tokens, cost, completion, answer
# quality (ROUGE-L) or modeled latency moved beyond the tolerances (see `scripts/fame check --help`).
# The run's headline figures for a CI benchmark tracker (github-action-benchmark, tool customSmallerIsBetter)
# are in target/ci-results/ci/current/benchmark.json.
# After an intended change: cp target/ci-results/ci/current/summary.json results/ci-baseline/summary.json
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
scripts/fame run -e experiments/ci.yaml --results target/ci-results --run-id current
echo "ci experiment wall time: $(( $(date +%s) - start )) s"
scripts/fame check --baseline results/ci-baseline/summary.json --current target/ci-results/ci/current
