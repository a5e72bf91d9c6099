#!/usr/bin/env python3
"""What each rule of one rule file costs one job, in instructions (callgrind).

For FILE.yaml of --rules, builds a folder with that file alone (plus lexicons/, units.tsv,
README.md, TAGGING.md) and one folder per rule with that rule left out, runs
`BIN extract CORPUS --jobs 1` under callgrind on each, and prints per rule the instructions
its removal saves: its matching, its share of tagging when it is the first rule of a sentence
to want tags, and its compiling at start-up. With --startup, each is also run on an empty
folder, and the start-up share is printed apart (start-up instructions vary by a few
million between runs: the loader's threads).

  scripts/rule-costs.py --bin BIN --rules rules --file position --corpus DIR [-P 2] [--startup | --matches]

With --matches, each run counts only `RuleSet.matches` (inclusive, from callgrind_annotate):
the matching of every sentence, tagging included, without the start-up's noise.

Use a `strip --strip-debug` copy of a release binary (callgrind then reads no debug info).
A rule's removal can move tagging to another rule, so the numbers of rules that share a
sentence do not add up exactly (docs/benchmarks.md, "Twelfth round (h-perf9)").
"""
import argparse, os, re, shutil, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor


def folder(src, yname, dest, text):
    os.makedirs(dest, exist_ok=True)
    for f in ["lexicons", "units.tsv", "README.md", "TAGGING.md"]:
        p = os.path.join(src, f)
        if os.path.isdir(p):
            shutil.copytree(p, os.path.join(dest, f), dirs_exist_ok=True)  # the loader does not follow a symlinked folder
        elif os.path.exists(p):
            shutil.copy(p, dest)
    with open(os.path.join(dest, yname + ".yaml"), "w") as fh:
        fh.write(text)


def instructions(binary, rules, corpus, tmp, matches=False):
    out = os.path.join(tmp, "o-%d.jsonl" % abs(hash((rules, corpus))))
    cg = out + ".cg" if matches else "/dev/null"
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + cg, binary, "extract", corpus,
                        "--jobs", "1", "--rules", rules, "-o", out], capture_output=True, text=True)
    m = re.search(r"Collected : (\d+)", r.stderr)
    if not m:
        sys.exit("callgrind gave no total for %s:\n%s" % (rules, r.stderr[-2000:]))
    if not matches:
        return int(m.group(1))
    # The worker's matching of every sentence (tagging included): `RuleSet.matches` inclusive,
    # free of the loader threads' start-up noise (docs/benchmarks.md, "Thirteenth round (h-perf12)").
    a = subprocess.run(["callgrind_annotate", "--inclusive=yes", cg], capture_output=True, text=True).stdout
    os.remove(cg)
    k = re.search(r"^\s*([\d,]+) .*RuleSetV7matches33", a, re.M)
    if not k:
        sys.exit("no RuleSet.matches in the profile of %s (a stripped binary? use strip --strip-debug)" % rules)
    return int(k.group(1).replace(",", ""))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--rules", default="rules")
    ap.add_argument("--file", required=True, help="rule file name without .yaml")
    ap.add_argument("--corpus", required=True)
    ap.add_argument("-P", type=int, default=1, help="callgrind runs at once")
    ap.add_argument("--startup", action="store_true")
    ap.add_argument("--matches", action="store_true",
                    help="count RuleSet.matches (inclusive) instead of the whole run: matching only, repeatable")
    a = ap.parse_args()
    lines = open(os.path.join(a.rules, a.file + ".yaml")).read().split("\n")
    starts = [i for i, l in enumerate(lines) if re.match(r"  - id: ", l)]
    tmp = tempfile.mkdtemp(prefix="rule-costs-")
    empty = os.path.join(tmp, "empty")
    os.makedirs(empty)
    sets = [("(all)", os.path.join(tmp, "all"))]
    folder(a.rules, a.file, sets[0][1], "\n".join(lines))
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else len(lines)
        rid = lines[s].split("id:")[1].strip()
        d = os.path.join(tmp, "without-%d" % k)
        folder(a.rules, a.file, d, "\n".join(lines[:s] + lines[e:]))
        sets.append((rid, d))
    jobs = [(name, d, a.corpus) for name, d in sets]
    if a.startup:
        jobs += [(name + " (start-up)", d, empty) for name, d in sets]
    with ThreadPoolExecutor(a.P) as ex:
        got = dict(zip([j[0] for j in jobs], ex.map(lambda j: instructions(a.bin, j[1], j[2], tmp, a.matches), jobs)))
    full = got["(all)"]
    print("%s.yaml alone on %s: %.1f M instructions" % (a.file, a.corpus, full / 1e6))
    if a.startup:
        print("start-up (an empty folder): %.1f M" % (got["(all) (start-up)"] / 1e6))
    rows = []
    for name, _ in sets[1:]:
        saved = (full - got[name]) / 1e6
        st = (got["(all) (start-up)"] - got[name + " (start-up)"]) / 1e6 if a.startup else None
        rows.append((saved, name, st))
    rows.sort(reverse=True)
    print("| rule | saved when left out (M) |" + (" of it start-up (M) |" if a.startup else ""))
    print("| --- | --- |" + (" --- |" if a.startup else ""))
    for saved, name, st in rows:
        print("| %s | %.1f |" % (name, saved) + (" %.1f |" % st if a.startup else ""))
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
