#!/usr/bin/env python3
"""The rules' history scored with one binary: does work on the development sets carry over
to the held-out sets?

Takes the rules (`rules/`) at past commits (every Nth commit that touched them, newest
first, plus any commits named), scores each with `scripts/eval.py --json` and the same
claimex binary, and prints per tag F1 on the development sets (half A, the speech
development set of that tag) beside the held-out ones (half B, the speeches' check sets
ck-sp and, for figures, ck-fig). A development score that climbs while the held-out ones stay flat is fitting, not
generalising (docs/evaluation.md, "Held out twice").

  python3 scripts/eval-history.py --bin .build/release/claimex --every 40
  python3 scripts/eval-history.py --bin .build/release/claimex e50a582 HEAD

The binary must read the oldest rules chosen (the pattern language has only grown, so a
current binary does). Only numbers are printed: no unit of B or of a check set.
"""
import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Per tag: the development sets, then the held-out ones.
COLUMNS = [("position", ["A", "sp-pos"], ["B", "ck-sp"]),
           ("recommendation", ["A", "sp-rec"], ["B", "ck-sp"]),
           ("figure", ["A", "sp-fig"], ["B", "ck-sp", "ck-fig"])]


def git(*args):
    return subprocess.run(["git", "-C", ROOT, *args], capture_output=True, text=True,
                          check=True).stdout


def commits(every, named):
    found = []
    if every:
        lines = git("log", "--format=%h %cI", "--", "rules/").splitlines()
        found = [line.split() for i, line in enumerate(lines) if i % every == 0]
    for c in named:
        found.append([git("rev-parse", "--short", c).strip(), git("log", "-1", "--format=%cI", c).strip()])
    return found


def score(binary, commit, scratch):
    folder = os.path.join(scratch, commit)
    data = subprocess.run(["git", "-C", ROOT, "archive", commit, "rules"], capture_output=True,
                          check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as t:
        t.extractall(folder)
    rules = os.path.join(folder, "rules")
    listed = subprocess.run([binary, "rules", "--rules", rules], capture_output=True, text=True)
    out = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "eval.py"), "--bin", binary,
                          "--rules", rules, "--json"], capture_output=True, text=True)
    shutil.rmtree(folder, True)
    if out.returncode != 0 or listed.returncode != 0:
        return None, 0, (out.stderr or listed.stderr).strip().splitlines()[-1:] or ["failed"]
    count = sum(1 for line in listed.stdout.splitlines() if ".yaml:" in line)
    return json.loads(out.stdout)["sets"], count, None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "claimex"))
    ap.add_argument("--every", type=int, default=0, help="every Nth commit that touched rules/")
    ap.add_argument("commits", nargs="*", help="commits to score besides (oldest last is fine)")
    a = ap.parse_args()
    chosen = commits(a.every, a.commits)
    if not chosen:
        sys.exit("eval-history: name commits or give --every N")
    scratch = tempfile.mkdtemp(prefix="claimex-history-")
    head = f"{'commit':<9} {'date':<11} {'rules':>5}"
    for tag, dev, held in COLUMNS:
        head += f"  {tag[:3]}: " + " ".join(f"{s:>6}" for s in dev) + " |" + " ".join(f"{s:>6}" for s in held)
    print(head)
    try:
        for commit, date in chosen:
            sets, count, err = score(a.bin, commit, scratch)
            if sets is None:
                print(f"{commit:<9} {date[5:16]:<11} failed: {err[0]}")
                continue
            row = f"{commit:<9} {date[5:16]:<11} {count:>5}"
            for tag, dev, held in COLUMNS:
                def cell(s):
                    return f"{sets[s]['tags'][tag]['f1']:>6.2f}" if s in sets else f"{'-':>6}"
                row += "       " + " ".join(cell(s) for s in dev) + " |" + " ".join(cell(s) for s in held)
            print(row, flush=True)
    finally:
        shutil.rmtree(scratch, True)
    print("(F1; left of | the sets developed on, right of it the held-out ones)")


if __name__ == "__main__":
    sys.exit(main())
