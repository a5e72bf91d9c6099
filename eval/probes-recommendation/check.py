#!/usr/bin/env python3
"""Runs the recommendation probes (probes.tsv) through `claimex extract` and prints
the ones the rules get wrong, then the counts.

    python3 eval/probes-recommendation/check.py [--bin .build/release/claimex] [--rules rules] [-v]

Each probe is one document (JSON Lines input), so segmentation cannot merge two
probes; a probe is tagged when any sentence of it carries a recommendation tag.
Label "?" (left open) is shown with -v only and not counted.
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=".build/release/claimex")
    ap.add_argument("--rules", default="rules")
    ap.add_argument("-v", action="store_true", help="also list the probes the rules get right")
    args = ap.parse_args()

    probes = []
    for line in (HERE / "probes.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, cls, batch, text = line.split("\t")
        probes.append((label, cls, batch, text))
    stdin = "".join(json.dumps({"id": f"p{i}", "text": p[3]}) + "\n" for i, p in enumerate(probes))
    out = subprocess.run([args.bin, "extract", "--rules", args.rules, "--input-format", "jsonl",
                          "--all-sentences", "--profile", "lean"],
                         input=stdin, capture_output=True, text=True, check=True).stdout
    rules_of: dict[str, set[str]] = {}
    for line in out.splitlines():
        rec = json.loads(line)
        tags = [t["rule"] for t in rec.get("tags", []) if t["label"] == "recommendation"]
        rules_of.setdefault(rec["id"], set()).update(tags)

    counts = {"TP": 0, "FN": 0, "FP": 0, "TN": 0}
    for i, (label, cls, batch, text) in enumerate(probes):
        fired = sorted(rules_of.get(f"p{i}", set()))
        if label == "?":
            if args.v:
                print(f"?   {cls:<20} {','.join(fired):<40} {text}")
            continue
        key = ("TP" if fired else "FN") if label == "+" else ("FP" if fired else "TN")
        counts[key] += 1
        if key in ("FN", "FP") or args.v:
            print(f"{key:<3} {cls:<20} {','.join(fired):<40} {text}")
    print(" ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
