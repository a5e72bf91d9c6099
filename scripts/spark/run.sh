#!/usr/bin/env bash
# The Spark recipe end to end on this machine: pyspark from PyPI in local mode (needs a
# Java runtime), the sample briefs as a JSON Lines stream, claimex piped per partition.
# Checks that every input document comes back as records carrying its id.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${TMPDIR:-/tmp}/claimex-spark
venv=$work/venv
mkdir -p "$work"
command -v java >/dev/null || { echo "spark: needs a Java runtime (apt-get install default-jre-headless)" >&2; exit 1; }
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q 'pyspark>=3.5'; }
[ -x "$root/.build/release/claimex" ] || (cd "$root" && swift build -c release --product claimex)

# every sample brief, text and HTML, as one {"id", "text"|"html"} line
python3 - "$root/samples" > "$work/input.jsonl" <<'PY'
import json, os, sys
d = sys.argv[1]
for name in sorted(os.listdir(d)):
    path = os.path.join(d, name)
    kind = "html" if name.endswith(".html") else "text" if name.endswith(".txt") else None
    if kind:
        print(json.dumps({"id": name, kind: open(path, encoding="utf-8").read()}))
PY
rm -rf "$work/out"
summary=$("$venv/bin/python" "$root/scripts/spark/claimex_spark.py" "$work/input.jsonl" "$work/out" | tail -1)
echo "spark: $summary"
python3 - "$summary" "$work/input.jsonl" <<'PY'
import json, sys
s = json.loads(sys.argv[1])
n = sum(1 for _ in open(sys.argv[2]))
assert s["documents"] == n, s
assert s["documents_with_records"] == n, f"some documents gave no records: {s}"
print(f"spark: 1 passed, 0 failed ({n} documents, {s['records']} records)")
PY
