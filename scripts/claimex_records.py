"""The records `claimex extract` writes for in-memory texts: one JSON Lines document per
(id, text), every sentence (`--all-sentences`), the lean profile. Shared by the scripts that
run generated or written sentence sets through the binary (`scripts/probes.py`, the
`eval/paradigm-*` runners), so each says only how it scores the records.
"""
import json
import subprocess
from collections.abc import Iterable, Iterator


def extract_records(binary: str, rules: str, items: Iterable[tuple[str, str]]) -> Iterator[dict]:
    """Runs `binary` with `--rules rules` on the (id, text) items; yields its records in order."""
    stdin = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in items)
    out = subprocess.run([binary, "extract", "--rules", rules, "--input-format", "jsonl", "--quiet",
                          "--all-sentences", "--profile", "lean"],
                         input=stdin, capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        yield json.loads(line)
