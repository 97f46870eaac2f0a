#!/usr/bin/env bash
# Synthesizes every preset's CloudFormation template (`fame deploy --synth`) and validates it offline:
#   - the state machine definition (ARNs substituted) with asl-validator (Amazon States Language);
#   - the whole template with cfn-lint (npm, martysweet) on a current CloudFormation resource specification
#     (@aws-cdk/cfnspec, plus scripts/cfn-spec/*.json for newer resource types; see merge-spec.js).
# The npm packages are pinned and installed into a local folder (FAME_VALIDATORS, default .validators/), never globally.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS="${FAME_VALIDATORS:-.validators}"
mkdir -p "$TOOLS"
if [ ! -x "$TOOLS/node_modules/.bin/asl-validator" ] || [ ! -x "$TOOLS/node_modules/.bin/cfn-lint" ] \
    || [ ! -f "$TOOLS/node_modules/@aws-cdk/cfnspec/spec/specification.json" ]; then
  npm install --no-audit --no-fund --loglevel=error --prefix "$TOOLS" \
    asl-validator@4.0.0 cfn-lint@1.9.7 @aws-cdk/cfnspec@2.72.1 >/dev/null
fi
node scripts/cfn-spec/merge-spec.js "$TOOLS/node_modules"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
failed=0
scripts/fame deploy --synth all --run-id validate -o "$out" >/dev/null
for template in "$out"/*.template.json; do
  preset="$(basename "$template" .template.json)"
  node scripts/cfn-spec/extract-asl.js "$template" > "$out/$preset.asl.json"
  if [ -s "$out/$preset.asl.json" ]; then
    if ! "$TOOLS/node_modules/.bin/asl-validator" --json-path "$out/$preset.asl.json" >"$out/asl.log" 2>&1; then
      echo "FAIL asl-validator $preset:"; cat "$out/asl.log"; failed=1
    fi
    asl="ASL valid (asl-validator)"
  else
    asl="no state machine (invoked directly)"
  fi
  if ! "$TOOLS/node_modules/.bin/cfn-lint" validate "$template" >"$out/cfn.log" 2>&1; then
    echo "FAIL cfn-lint $preset:"; sed 's/\x1b\[[0-9;]*m//g' "$out/cfn.log"; failed=1
  else
    echo "ok $preset: template valid (cfn-lint), $asl"
  fi
done
exit "$failed"
