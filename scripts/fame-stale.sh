#!/usr/bin/env bash
# Exit 0 when the harness in ROOT (default: this repository) needs a build: never built, or a source file under
# any module's src/main or a pom.xml is newer than the last build's stamp. Used by scripts/fame.
set -uo pipefail
ROOT="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
STAMP="$ROOT/harness/runner/target/.fame-built"
if [ ! -f "$ROOT/harness/runner/target/classpath.txt" ] || [ ! -d "$ROOT/harness/runner/target/classes" ] \
    || [ ! -f "$STAMP" ]; then
  exit 0
fi
newer="$(cd "$ROOT" && find . -path ./results -prune -o \( -path '*/src/main/*' -o -name pom.xml \) \
  -type f -newer "$STAMP" -print -quit)"
[ -n "$newer" ] && { echo "$newer is newer than the last build" >&2; exit 0; }
exit 1
