#!/usr/bin/env python3
"""Agreement of the second reading (second.jsonl) with the first (gold.jsonl).

Per tag: the count of units each reading gives it, Cohen's kappa over the 437 units
(each unit a yes/no decision per tag), and F1 of the second reading scored against the
first (F1 is symmetric, so which one is "gold" only swaps precision and recall).
Then the units the readings disagree on, per tag. Standard library only: the
statistics are a 2x2 table each, and the script must run on a bare python3.

    python3 eval/commentary/agreement.py [--quiet]
"""
import json
import os
import sys

TAGS = ("position", "recommendation", "figure")
HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def kappa(a, b):
    """Cohen's kappa for two parallel lists of booleans."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def f1(first, second):
    tp = sum(x and y for x, y in zip(first, second))
    fp = sum(y and not x for x, y in zip(first, second))
    fn = sum(x and not y for x, y in zip(first, second))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return tp, fp, fn, p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    quiet = "--quiet" in sys.argv
    first, second = load("gold.jsonl"), load("second.jsonl")
    if len(first) != len(second):
        sys.exit(f"agreement.py: {len(first)} units in gold.jsonl, {len(second)} in second.jsonl")
    for i, (u, v) in enumerate(zip(first, second)):
        if (u["doc"], u["n"], u["text"]) != (v["doc"], v["n"], v["text"]):
            sys.exit(f"agreement.py: unit {i} differs ({u['doc']} n {u['n']} vs {v['doc']} n {v['n']})")
    print(f"{len(first)} units")
    print(f"{'tag':<15} {'first':>5} {'second':>6} {'both':>4} {'kappa':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for tag in TAGS:
        a = [tag in u["labels"] for u in first]
        b = [tag in v["labels"] for v in second]
        tp, fp, fn, p, r, f = f1(a, b)
        print(f"{tag:<15} {sum(a):>5} {sum(b):>6} {tp:>4} {kappa(a, b):>6.3f} {p:>6.3f} {r:>6.3f} {f:>6.3f}")
    any_a = sum(bool(u["labels"]) for u in first)
    any_b = sum(bool(v["labels"]) for v in second)
    print(f"units with any label: first {any_a}, second {any_b}")
    print("(P and R: the second reading scored against the first)")
    if quiet:
        return
    for tag in TAGS:
        rows = [(u, tag in u["labels"]) for u, v in zip(first, second)
                if (tag in u["labels"]) != (tag in v["labels"])]
        print(f"\n## {tag}: {len(rows)} disagreements (first / second)")
        for u, in_first in rows:
            mark = "first only " if in_first else "second only"
            print(f"- {mark}  {u['doc']} n {u['n']}: {u['text'][:160]}")


if __name__ == "__main__":
    main()
