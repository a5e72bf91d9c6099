#!/usr/bin/env python3
"""Runs the paradigm (paradigm.tsv) through `claimex extract` and tallies, by class, the
sentences the rules miss (label +, untagged) and tag falsely (label -, tagged).

    python3 eval/paradigm-recommendation/run.py [--bin /work/bin/claimex-r16] [--rules rules] [-v] [--tsv OUT]

-v lists every miss and false tag with the rules that fired; --tsv writes each sentence's
label, class, rules fired (for before / after diffs).
"""
import argparse
import sys
from collections import defaultdict, OrderedDict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from claimex_records import extract_records  # noqa: E402

HERE = Path(__file__).resolve().parent

ap = argparse.ArgumentParser()
ap.add_argument("--bin", default="/work/bin/claimex-r16")
ap.add_argument("--rules", default="rules")
ap.add_argument("-v", action="store_true")
ap.add_argument("--tsv")
a = ap.parse_args()

rows = [l.split("\t") for l in (HERE / "paradigm.tsv").read_text().splitlines() if l and not l.startswith("#")]
docs = OrderedDict()
for r in rows:
    docs.setdefault(r[3], []).append(r)
fired = defaultdict(set)  # (doc, sentence text) -> rules
for rec in extract_records(a.bin, a.rules, ((d, "\n\n".join(r[4] for r in rs)) for d, rs in docs.items())):
    rs = {t["rule"] for t in rec.get("tags", []) if t["label"] == "recommendation"}
    fired[(rec["id"], rec["text"].strip())] |= rs

per = defaultdict(lambda: {"TP": 0, "FN": 0, "FP": 0, "TN": 0, "?": 0})
lines = []
for label, cls, dims, doc, sent in rows:
    f = fired.get((doc, sent.strip()))
    if f is None:  # segmentation differs: take any sentence of the doc containing it
        f = set().union(*[v for (d, t), v in fired.items() if d == doc and (t in sent or sent in t)] or [set()])
    key = "?" if label == "?" else (("TP" if f else "FN") if label == "+" else ("FP" if f else "TN"))
    per[cls][key] += 1
    lines.append((label, cls, dims, ",".join(sorted(f)), sent))
    if a.v and key in ("FN", "FP"):
        print(f"{key}  {cls:<28} {','.join(sorted(f)):<40} {sent}")
    if a.v and key == "?":
        print(f"?{'+' if f else '-'}  {cls:<28} {','.join(sorted(f)):<40} {sent}")
tot = {"TP": 0, "FN": 0, "FP": 0, "TN": 0, "?": 0}
print(f"{'class':<32} TP  FN  FP  TN   ?")
for cls in sorted(per):
    c = per[cls]
    for k in tot:
        tot[k] += c[k]
    print(f"{cls:<32} {c['TP']:>3} {c['FN']:>3} {c['FP']:>3} {c['TN']:>3} {c['?']:>3}")
r = tot["TP"] / max(1, tot["TP"] + tot["FN"])
p = tot["TP"] / max(1, tot["TP"] + tot["FP"])
print(f"{'total':<32} {tot['TP']:>3} {tot['FN']:>3} {tot['FP']:>3} {tot['TN']:>3} {tot['?']:>3}   P {p:.3f} R {r:.3f}")
if a.tsv:
    Path(a.tsv).write_text("".join("\t".join(l) + "\n" for l in lines))
