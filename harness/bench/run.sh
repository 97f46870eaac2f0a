#!/usr/bin/env bash
# Builds harness/bench/target/benchmarks.jar and runs the JMH suite (or the benchmarks matching a filter),
# writing JMH's JSON results to <out>/jmh.json and its console output to <out>/jmh.txt.
#
#   harness/bench/run.sh                         # everything (about 3-4 minutes on 2 cores)
#   harness/bench/run.sh RouterBenchmark         # a regular expression over benchmark names
#   harness/bench/run.sh -o /tmp/b 'putGet' -p backend=redis   # arguments after the filter go to JMH
#   SKIP_BUILD=1 harness/bench/run.sh ...        # reuse the jar already built
#
# Run from anywhere; paths are resolved against the repository root.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out=""
if [[ "${1:-}" == "-o" ]]; then
  [[ $# -ge 2 ]] || { echo "usage: $0 [-o OUTDIR] [FILTER] [JMH ARGS...]" >&2; exit 2; }
  out="$2"
  shift 2
fi
filter="${1:-}"
[[ $# -gt 0 ]] && shift
out="${out:-$root/harness/bench/target/jmh-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if [[ -z "${SKIP_BUILD:-}" ]]; then
  (cd "$root" && mvn -q -Pbench -f harness/bench/pom.xml package -DskipTests)
fi

jar="$root/harness/bench/target/benchmarks.jar"
[[ -f "$jar" ]] || { echo "no $jar: build it with mvn -Pbench -f harness/bench/pom.xml package" >&2; exit 1; }

args=(-rf json -rff "$out/jmh.json")
[[ -n "$filter" ]] && args+=("$filter")
echo "results: $out/jmh.json" >&2
java -jar "$jar" "${args[@]}" "$@" 2>&1 | tee "$out/jmh.txt"

if [[ -f "$out/jmh.json" ]] && command -v jq >/dev/null; then
  "$root/harness/bench/table.sh" "$out/jmh.json" | tee "$out/table.md"
fi
