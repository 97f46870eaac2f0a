#!/usr/bin/env bash
# Makes a corpus folder the harness can read: JATS XML files plus manifest.json with their SHA-256.
#   scripts/fetch-corpus.sh DEST              copy the reference corpus (../shared/corpus) to DEST and verify it
#   scripts/fetch-corpus.sh DEST SRC...       build DEST from your own JATS files (PubMed Central, PLOS, eLife
#                                             exports) and write its manifest
# Then run with --corpus DEST, `corpus: DEST` in an experiment file, or FAME_CORPUS=DEST.
# The reference corpus is 120 CC-BY articles (see ../shared/corpus/README.md); never commit it to this repo.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="${1:?usage: scripts/fetch-corpus.sh DEST [SRC...]}"; shift || true
mkdir -p "$DEST"
if [ "$#" -eq 0 ]; then
  SRC="$ROOT/../shared/corpus"
  [ -f "$SRC/manifest.json" ] || { echo "no reference corpus at $SRC; pass your own JATS files: scripts/fetch-corpus.sh DEST file.xml..." >&2; exit 2; }
  cp -r "$SRC"/. "$DEST"/
  cd "$DEST"
  python3 - <<'PY'
import json, hashlib, sys
bad = [e["file"] for e in json.load(open("manifest.json"))
       if hashlib.sha256(open(e["file"], "rb").read()).hexdigest() != e["sha256"]]
print("verified", "with %d mismatches: %s" % (len(bad), bad) if bad else "all checksums")
sys.exit(1 if bad else 0)
PY
else
  python3 - "$DEST" "$@" <<'PY'
import json, hashlib, os, shutil, sys
dest, files = sys.argv[1], sys.argv[2:]
manifest = []
for f in files:
    name = os.path.basename(f)
    shutil.copyfile(f, os.path.join(dest, name))
    data = open(f, "rb").read()
    manifest.append({"file": name, "doi": "", "license": "unknown", "body_words": 0,
                     "sha256": hashlib.sha256(data).hexdigest()})
json.dump(manifest, open(os.path.join(dest, "manifest.json"), "w"), indent=1)
print("wrote %d files and manifest.json to %s" % (len(files), dest))
PY
fi
