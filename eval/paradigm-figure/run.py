#!/usr/bin/env python3
"""Runs the figure paradigm (paradigm.tsv, see README.md) through `claimex extract` and tallies
by class: positives found (a figure tag whose text overlaps the quantity's words), positives
tagged elsewhere only, misses; negatives tagged (false tags).

    python3 eval/paradigm-figure/run.py --bin /work/bin/claimex-r16 --rules rules [-v] [--fields]

-v prints every wrong sentence; --fields prints the figure fields of every positive.
"""
import argparse
import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from claimex_records import extract_records  # noqa: E402

HERE = Path(__file__).resolve().parent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="claimex")
    ap.add_argument("--rules", default="rules")
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--fields", action="store_true")
    a = ap.parse_args()
    rows = [l.split("\t") for l in (HERE / "paradigm.tsv").read_text().splitlines() if l and not l.startswith("#")]
    tags = collections.defaultdict(list)
    for rec in extract_records(a.bin, a.rules, ((f"p{i}", r[5]) for i, r in enumerate(rows))):
        for t in rec.get("tags", []):
            if t["label"] == "figure":
                tags[rec["id"]].append(t)
    tally = collections.defaultdict(collections.Counter)
    wrong = []
    for i, (label, cls, form, frame, q, s) in enumerate(rows):
        ts = tags.get(f"p{i}", [])
        qs = s.lower().find(q.lower())
        qe = qs + len(q)
        def overlaps(t):
            ts_, te_ = t["offsets"]["utf8"]
            b = s.encode()
            # utf8 offsets -> character offsets
            cs, ce = len(b[:ts_].decode()), len(b[:te_].decode())
            return qs >= 0 and cs < qe and ce > qs
        on = [t for t in ts if overlaps(t)]
        if label == "+":
            key = "found" if on else ("elsewhere" if ts else "miss")
        else:
            key = "false-on" if on else ("false-else" if ts else "clean")
        tally[cls][key] += 1
        if key not in ("found", "clean"):
            wrong.append((cls, key, ",".join(sorted({t["rule"] for t in ts})), s))
        if a.fields and label == "+":
            for t in on:
                print(f"FIELDS\t{cls}\t{t['rule']}\t{t['text']}\t{json.dumps(t.get('fields', {}))}\t{s}")
    tot = collections.Counter()
    print(f"{'class':<22} {'n':>4} {'found':>6} {'else':>5} {'miss':>5} {'false':>6}")
    for cls in sorted(tally):
        c = tally[cls]
        n = sum(c.values())
        tot.update(c)
        print(f"{cls:<22} {n:>4} {c['found'] + c['clean']:>6} {c['elsewhere'] + c['false-else']:>5} {c['miss']:>5} {c['false-on']:>6}")
    pos = tot["found"] + tot["elsewhere"] + tot["miss"]
    neg = tot["clean"] + tot["false-on"] + tot["false-else"]
    print(f"positives {pos}: found {tot['found']} ({tot['found'] / pos:.3f}), elsewhere {tot['elsewhere']}, "
          f"miss {tot['miss']}; negatives {neg}: clean {tot['clean']}, false tags {tot['false-on'] + tot['false-else']}")
    if a.v:
        for w in wrong:
            print("\t".join(w))


if __name__ == "__main__":
    main()
