#!/usr/bin/env bash
# The storage-tier sweeps REPORT.md discusses: offload threshold, hot store, tool cache, Lambda memory.
# Each writes results/sweeps/<param>/ (runs, sweep.json, charts); then REPORT.md is rebuilt.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fame sweep --param offload_threshold_bytes --values 512,4096,16384,65536 --unit bytes "$@"
scripts/fame sweep --param hot_store --values dynamodb,redis "$@"
scripts/fame sweep --param tool_cache --values true,false "$@"
scripts/fame sweep --param function_memory_mb --values 512,1024,1769,3008 --unit MB "$@"
scripts/fame report
