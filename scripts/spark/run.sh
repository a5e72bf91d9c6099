#!/usr/bin/env bash
# The Spark recipe end to end on this machine: pyspark from PyPI in local mode (needs a
# Java runtime), the sample briefs as a JSON Lines stream, claimex piped per partition.
# Checks that Spark gives exactly the records claimex gives on its own, each with its id.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${TMPDIR:-/tmp}/claimex-spark
venv=${CLAIMEX_SPARK_VENV:-$work/venv}
mkdir -p "$work"
command -v java >/dev/null || { echo "spark: needs a Java runtime (apt-get install default-jre-headless)" >&2; exit 1; }
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q 'pyspark>=3.5'; }
[ -x "$root/.build/release/claimex" ] || (cd "$root" && make release)

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
summary=$("$venv/bin/python" "$root/scripts/spark/claimex_spark.py" "$work/input.jsonl" "$work/out" --all-sentences | tail -1)
echo "spark: $summary"
"$root/.build/release/claimex" extract --input-format jsonl --all-sentences --quiet --rules "$root/rules" \
  < "$work/input.jsonl" > "$work/direct.jsonl"
python3 - "$summary" "$work/input.jsonl" "$work/direct.jsonl" "$work/out" <<'PY'
import glob, json, sys
s = json.loads(sys.argv[1])
n = sum(1 for _ in open(sys.argv[2]))
direct = sorted(open(sys.argv[3]).read().splitlines())
spark = sorted(l for f in glob.glob(sys.argv[4] + "/part-*") for l in open(f).read().splitlines())
ok = s["documents"] == n and s["documents_with_records"] == n and spark == direct
print(f"spark: {n} documents, {len(spark)} records, same as claimex alone: {spark == direct}")
print(f"spark: {int(ok)} passed, {int(not ok)} failed")
sys.exit(0 if ok else 1)
PY
