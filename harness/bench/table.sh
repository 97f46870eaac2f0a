#!/usr/bin/env bash
# Prints a Markdown table (benchmark, params, score ± error, units) from a JMH JSON result file.
#   harness/bench/table.sh harness/bench/target/jmh-<stamp>/jmh.json
# Error is JMH's 99.9% confidence half-width; "n/a" when JMH gives none (fewer than three measured iterations).
set -euo pipefail
[[ $# -eq 1 && -f "$1" ]] || { echo "usage: $0 JMH_JSON" >&2; exit 2; }
command -v jq >/dev/null || { echo "jq is needed to format $1" >&2; exit 1; }

jq -r '
  def num: if type == "number" then . else null end;
  # 4 significant digits, no exponent
  def fmt: num as $x | if $x == null then "n/a"
    elif $x == 0 then "0"
    else (($x | fabs | log10 | floor) as $e
          | (if $e >= 3 then 0 else 3 - $e end) as $d
          | (pow(10; $d)) as $p
          | (($x * $p | round) / $p | tostring)) end;
  "| benchmark | params | score | ± error (99.9%) | units |",
  "|---|---|---:|---:|---|",
  (.[] | "| \(.benchmark | sub("^dev\\.fameharness\\.bench\\."; "")) | \((.params // {}) | to_entries | map("\(.key)=\(.value)") | join(", ")) | \(.primaryMetric.score | fmt) | \(.primaryMetric.scoreError | fmt) | \(.primaryMetric.scoreUnit) |")
' "$1"
