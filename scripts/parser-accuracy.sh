#!/usr/bin/env bash
# Drain's grouping accuracy per Loghub system against the ground-truth EventIds, beside Drain's published figure
# (logpai/logparser Loghub_2k benchmark). Prints the table and writes target/parser-accuracy.json (or the path
# given). Logs from ../shared/loghub, or FAME_LOGS=DIR. Builds the harness on first use like scripts/fame.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CP_FILE="$ROOT/harness/runner/target/classpath.txt"
if [ "${FAME_REBUILD:-0}" = 1 ] || [ ! -f "$CP_FILE" ]; then
  (cd "$ROOT" && mvn -B -q -ntp install -DskipTests)
fi
cd "$ROOT"
exec java -cp "$ROOT/harness/runner/target/classes:$(cat "$CP_FILE")" \
  dev.fameharness.scenario.logs.parser.ParserAccuracy "${1:-target/parser-accuracy.json}"
