#!/usr/bin/env python3
"""Runs a probe set (eval/probes-TAG/probes.tsv) through `claimex extract` and prints the
probes the rules get wrong, then the counts.

    python3 scripts/probes.py eval/probes-recommendation [--bin .build/release/claimex] [--rules rules] [-v]
    python3 scripts/probes.py --all        (every eval/probes-* set, counts only)

A probe set is sentences written to show one construction each (no source text), with a
label per sentence for the set's tag, the TAG of its folder name: `+` carries the tag,
`-` does not, `?` left open (shown with -v only, not counted). probes.tsv is tab-separated:
label, class, batch, sentence; lines starting with # are comments. The rules were written
from these sentences, so the counts measure how much of each class the rules cover, not a
held-out score (that is `scripts/eval.py`'s half B).

Each probe is one document (JSON Lines input), so segmentation cannot merge two; a probe
counts as tagged when any sentence of it carries the tag.
"""
import argparse
import sys
from pathlib import Path

from claimex_records import extract_records

ROOT = Path(__file__).resolve().parent.parent


def load(folder: Path) -> list[tuple[str, str, str, str]]:
    probes = []
    for n, line in enumerate((folder / "probes.tsv").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4 or parts[0] not in ("+", "-", "?"):
            sys.exit(f"{folder / 'probes.tsv'}:{n}: want label (+, - or ?), class, batch, sentence, tab-separated")
        probes.append((parts[0], parts[1], parts[2], parts[3]))
    return probes


def check(folder: Path, binary: str, rules: str, verbose: bool, quiet: bool) -> dict[str, int]:
    tag = folder.name.removeprefix("probes-")
    probes = load(folder)
    rules_of: dict[str, set[str]] = {}
    for rec in extract_records(binary, rules, ((f"p{i}", p[3]) for i, p in enumerate(probes))):
        fired = [t["rule"] for t in rec.get("tags", []) if t["label"] == tag]
        rules_of.setdefault(rec["id"], set()).update(fired)

    counts = {"TP": 0, "FN": 0, "FP": 0, "TN": 0}
    for i, (label, cls, batch, text) in enumerate(probes):
        fired = sorted(rules_of.get(f"p{i}", set()))
        if label == "?":
            if verbose:
                print(f"?   {cls:<20} {','.join(fired):<40} {text}")
            continue
        key = ("TP" if fired else "FN") if label == "+" else ("FP" if fired else "TN")
        counts[key] += 1
        if not quiet and (key in ("FN", "FP") or verbose):
            print(f"{key:<3} {cls:<20} {','.join(fired):<40} {text}")
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set", nargs="?", help="a probe folder, e.g. eval/probes-figure")
    ap.add_argument("--all", action="store_true", help="every eval/probes-* folder, counts only")
    ap.add_argument("--bin", default=".build/release/claimex")
    ap.add_argument("--rules", default="rules")
    ap.add_argument("-v", action="store_true", help="also list the probes the rules get right")
    args = ap.parse_args()
    if args.all == (args.set is not None):
        ap.error("give one probe folder or --all")
    folders = sorted(ROOT.glob("eval/probes-*")) if args.all else [Path(args.set)]
    for folder in folders:
        c = check(folder, args.bin, args.rules, args.v, quiet=args.all)
        p = c["TP"] / max(1, c["TP"] + c["FP"])
        r = c["TP"] / max(1, c["TP"] + c["FN"])
        print(f"{folder.name}: " + " ".join(f"{k} {v}" for k, v in c.items()) + f"  (P {p:.2f} R {r:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
