#!/usr/bin/env python3
"""Agreement of the second reading (second.jsonl) with the first (labels.jsonl) on the
UN-speech sets (scripts/speech-set.py): the three development sets, one tag each, and the
held-out check sets (check-speeches: position, recommendation, figure; check-figure).

Per set: units, the count of units each reading gives the set's tag, Cohen's kappa and
F1 of the second reading scored against the first (the same statistics as
eval/commentary/agreement.py, imported from it). --list adds the disagreeing units with
their texts rebuilt from the speeches (no speech text is committed) and both notes.
Standard library only.

    python3 scripts/speech-agreement.py [--list] [position|recommendation|figure|check|check-figure ...]

--list is refused for the check sets: they are held out, read as numbers only.
"""
import importlib.util
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# name: (folder under eval/, the tags it labels, held out)
SETS = {"position": ("speeches-position", ["position"], False),
        "recommendation": ("speeches-recommendation", ["recommendation"], False),
        "figure": ("speeches-figure", ["figure"], False),
        "check": ("check-speeches", ["position", "recommendation", "figure"], True),
        "check-figure": ("check-figure", ["figure"], True)}


def load_module(name, path):
    """Import a script by path (neither file name is an importable module name)."""
    spec = importlib.util.spec_from_file_location(name, os.path.join(ROOT, path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


stats = load_module("commentary_agreement", "eval/commentary/agreement.py")
speech_set = load_module("speech_set", "scripts/speech-set.py")


def rows(set_dir, name):
    with open(os.path.join(set_dir, name), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def key(r):
    return r["doc"], r["start"], r["end"], r["sha"]


def compare(name, listing):
    folder, tags, _ = SETS[name]
    set_dir = os.path.join(ROOT, "eval", folder)
    first, second = rows(set_dir, "labels.jsonl"), rows(set_dir, "second.jsonl")
    if [key(u) for u in first] != [key(v) for v in second]:
        sys.exit(f"speech-agreement: {set_dir}: labels.jsonl and second.jsonl hold different units")
    found = []
    for tag in tags:
        a = [tag in u["labels"] for u in first]
        b = [tag in v["labels"] for v in second]
        tp, fp, fn, p, r, f = stats.f1(a, b)
        label = tag if len(tags) == 1 and name == tag else f"{name}/{tag}"
        print(f"{label:<22} {len(first):>5} {sum(a):>5} {sum(b):>6} {tp:>4} "
              f"{stats.kappa(a, b):>6.3f} {p:>6.3f} {r:>6.3f} {f:>6.3f}")
        if listing:
            found += [(tag, u, v, x) for u, v, x, y in zip(first, second, a, b) if x != y]
    return found


def main():
    listing = "--list" in sys.argv
    names = [t for t in sys.argv[1:] if not t.startswith("--")]
    for t in names:
        if t not in SETS:
            sys.exit(f"speech-agreement: unknown set {t!r} (one of {', '.join(SETS)})")
        if listing and SETS[t][2]:
            sys.exit(f"speech-agreement: {t} is held out: numbers only, no --list")
    if not names:  # every set with a second reading; held-out ones only when not listing
        names = [t for t, (folder, _, held) in SETS.items()
                 if os.path.exists(os.path.join(ROOT, "eval", folder, "second.jsonl"))
                 and not (listing and held)]
    print(f"{'set':<22} {'units':>5} {'first':>5} {'second':>6} {'both':>4} "
          f"{'kappa':>6} {'P':>6} {'R':>6} {'F1':>6}")
    disagreements = [d for t in names for d in compare(t, listing)]
    print("(P and R: the second reading scored against the first)")
    current = None
    for tag, u, v, in_first in disagreements:
        if tag != current:
            current = tag
            n = sum(1 for d in disagreements if d[0] == tag)
            print(f"\n## {tag}: {n} disagreements")
        mark = "first only " if in_first else "second only"
        text = speech_set.checked_text(u)
        print(f"- {mark}  {u['doc']} {u['start']}-{u['end']}: {text}")
        for who, r in (("first", u), ("second", v)):
            if r.get("note"):
                print(f"    {who} note: {r['note']}")


if __name__ == "__main__":
    main()
