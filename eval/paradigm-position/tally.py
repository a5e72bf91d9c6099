#!/usr/bin/env python3
"""Runs eval/paradigm-position/probes.tsv through `claimex extract` and tallies the misses
(+ untagged) and false positives (- tagged) by holder class and by frame.

    python3 eval/paradigm-position/tally.py --bin /work/bin/claimex-r16 --rules rules [--misses FILE] [--json OUT]
"""
import argparse, collections, json, sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from claimex_records import extract_records  # noqa: E402

HERE = Path(__file__).resolve().parent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=".build/release/claimex")
    ap.add_argument("--rules", default="rules")
    ap.add_argument("--misses", help="write the + sentences left untagged and the - tagged here")
    ap.add_argument("--json", help="write the counts per class and frame here")
    a = ap.parse_args()
    rows = [l.split("\t") for l in (HERE / "probes.tsv").read_text().splitlines() if l and not l.startswith("#")]
    fired = collections.defaultdict(set)
    for rec in extract_records(a.bin, a.rules, ((f"p{i}", r[3]) for i, r in enumerate(rows))):
        fired[rec["id"]].update(t["rule"] for t in rec.get("tags", []) if t["label"] == "position")
    by_cls = collections.defaultdict(lambda: [0, 0]); by_frame = collections.defaultdict(lambda: [0, 0])
    fp_cls = collections.Counter(); neg_cls = collections.Counter(); unk = collections.Counter()
    misses = []
    for i, (lab, cls, frame, s) in enumerate(rows):
        hit = bool(fired.get(f"p{i}"))
        if lab == "+":
            fk = frame.rsplit("-", 1)[0] if frame.startswith("v-") else frame
            by_cls[cls][0] += hit; by_cls[cls][1] += 1
            by_frame[fk][0] += hit; by_frame[fk][1] += 1
            if not hit:
                misses.append(f"FN\t{cls}\t{frame}\t{s}")
        elif lab == "-":
            neg_cls[cls] += 1; fp_cls[cls] += hit
            if hit:
                misses.append(f"FP\t{cls}\t{frame}\t{','.join(sorted(fired[f'p{i}']))}\t{s}")
        else:
            unk[cls] += hit
    tp = sum(v[0] for v in by_cls.values()); n = sum(v[1] for v in by_cls.values())
    print(f"+ tagged {tp} of {n} ({tp / n:.3f}); - tagged {sum(fp_cls.values())} of {sum(neg_cls.values())}; ? tagged {sum(unk.values())}")
    print("\nby holder class (+ tagged / +, - tagged / -)")
    for c, (h, t) in sorted(by_cls.items(), key=lambda kv: kv[1][0] / kv[1][1]):
        print(f"  {c:<16} {h:>6}/{t:<6} {h / t:.3f}   FP {fp_cls[c]}/{neg_cls[c]}")
    print("\nby frame (+ tagged / +)")
    for f, (h, t) in sorted(by_frame.items(), key=lambda kv: kv[1][0] / kv[1][1]):
        print(f"  {f:<20} {h:>5}/{t:<5} {h / t:.3f}")
    if a.misses:
        Path(a.misses).write_text("\n".join(misses) + "\n")
    if a.json:
        Path(a.json).write_text(json.dumps({"class": by_cls, "frame": by_frame, "fp": fp_cls}, indent=1))


if __name__ == "__main__":
    main()
