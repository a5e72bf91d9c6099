#!/usr/bin/env python3
"""Draw a fixed random sample of tagged records per tag, for a precision audit by hand.

The audit protocol (docs/evaluation.md, "Audit on unseen text"): split a folder's files by
sorted name, even index = audit-dev (read, write rules), odd index = audit-check (only to
measure). This script draws N records per tag from one half of a records file
(`claimex extract DIR -o records.jsonl`), seeded, so the same seed on the same records gives
the same sample (and two rule sets' samples share the records both tag), and prints for each: a number, the file, the rule(s) that gave the tag,
their captures and the sentence. Judge each against rules/TAGGING.md.

  python3 scripts/audit-sample.py records.jsonl --half dev --n 50 --seed 12
  python3 scripts/audit-sample.py records.jsonl --half check --tag recommendation

--keys prints only the sample's keys (file, sentence index, tag), one a line, so two
rule sets' samples can be compared; --from-keys FILE prints the records named in FILE
(e.g. the sample drawn from main's records, looked up in a branch's records: the tag
still given or not).
"""
import argparse
import json
import os
import hashlib
import sys

TAGS = ["claim", "position", "figure", "recommendation"]


def load(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                yield json.loads(line)


def half_of(records, half):
    """Keep the records of the even (dev) or odd (check) files, by sorted file name."""
    names = sorted({os.path.basename(r["doc"]["path"]) for r in records})
    index = {n: i for i, n in enumerate(names)}
    want = 0 if half == "dev" else 1
    return [r for r in records if index[os.path.basename(r["doc"]["path"])] % 2 == want]


def show(n, r, tag):
    tags = [t for t in r.get("tags", []) if t["label"] == tag]
    rules = []
    for t in tags:
        caps = {k: v["text"] for k, v in (t.get("captures") or {}).items()}
        rules.append(f"{t['rule']} [{t['text']}] {caps if caps else ''}".rstrip())
    name = os.path.basename(r["doc"]["path"])
    print(f"{n:3d} {tag} {name}#{r['index']}")
    for x in rules:
        print(f"      {x}")
    print(f"      > {r['text'][:700]}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("records")
    ap.add_argument("--half", choices=["dev", "check", "all"], default="dev")
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--tag", action="append", choices=TAGS)
    ap.add_argument("--keys", action="store_true", help="print only file#index tag per sampled record")
    ap.add_argument("--from-keys", metavar="FILE", help="print the records named in FILE instead of drawing")
    a = ap.parse_args()
    all_records = list(load(a.records))
    # The split is over the files that gave any record; a folder's every file gives one
    # in practice, but the split is also written down by name in the docs.
    records = all_records if a.half == "all" else half_of(all_records, a.half)
    by_key = {(os.path.basename(r["doc"]["path"]), r["index"]): r for r in records}
    if a.from_keys:
        with open(a.from_keys, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                key, tag = line.split()
                name, idx = key.rsplit("#", 1)
                r = by_key.get((name, int(idx)))
                if r is None or tag not in r["labels"]:
                    print(f"{n:3d} {tag} {key}\n      (not tagged {tag} here)")
                else:
                    show(n, r, tag)
        return
    for tag in a.tag or TAGS:
        pool = [r for r in records if tag in r["labels"]]
        # Each record's place is a seeded hash of its key, so two rule sets' samples
        # coincide on the records both tag (coordinated sampling): a record one set no
        # longer tags drops out and the next in hash order takes its place, and only the
        # difference needs a second judgement.
        def rank(r):
            key = f"{a.seed}:{tag}:{os.path.basename(r['doc']['path'])}#{r['index']}"
            return hashlib.sha256(key.encode()).hexdigest()
        sample = sorted(pool, key=rank)[: a.n]
        if not a.keys:
            print(f"## {tag}: {len(sample)} of {len(pool)} records (seed {a.seed}, half {a.half})")
        for n, r in enumerate(sample, 1):
            if a.keys:
                print(f"{os.path.basename(r['doc']['path'])}#{r['index']} {tag}")
            else:
                show(n, r, tag)


if __name__ == "__main__":
    sys.exit(main())
