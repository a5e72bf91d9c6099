#!/usr/bin/env python3
"""Scores the rules on four sets side by side: the seed samples, half A and half B of the
18 development briefs, and all 18 (the held-out protocol of docs/evaluation.md).

Runs `claimex eval --format json` once per set and prints per tag P/R/F1, the unit
alignment rate and, per rule, fired/TP/FP in each set. Half A is for development; half B
is only ever shown as numbers: --errors prints the false positives and negatives of the
seeds or half A, never of half B or of all 18 (which contain B).

  scripts/eval.py                      # the tables
  scripts/eval.py --json > eval.json   # the same numbers for notes
  scripts/eval.py --errors position    # half A's position errors, to develop from
  scripts/eval.py --errors position --errors-set news-pos   # a news set's (news-rf: recommendation, figure)
  scripts/eval.py --errors position --errors-set commentary # weblog commentary (position, recommendation, figure)
  scripts/eval.py --errors position --errors-set sp-pos     # UN speech sentences (sp-rec, sp-fig likewise)
  scripts/eval.py --bin .build/release/claimex --rules rules

Held-out sets besides half B (ck-sp, ck-fig: sentences of the UN speeches' check files,
labelled blind) are printed as numbers only, like B.

Halves: the briefs' file names (gold/briefs/*.txt) sorted, 0-based index; even indices
are half A, odd ones half B. Fixed: do not reshuffle them.
"""
import argparse
import atexit
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import importlib.util

_spec = importlib.util.spec_from_file_location(
    "speech_set", os.path.join(os.path.dirname(os.path.abspath(__file__)), "speech-set.py"))
speech_set = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(speech_set)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TAGS = ["claim", "position", "figure", "recommendation"]
# Further development sets (eval/*/README.md): MIT-licensed news articles and CC BY-SA
# political weblog posts of UD English EWT, each labelled for some tags only: the other
# tags and their rules print "-" there.
# The sp-* sets are sentences sampled from the UN speeches' development files, each labelled
# for one tag; only labels and byte ranges are committed (scripts/speech-set.py rebuilds the
# texts). A set whose folder holds no labels yet is left out of the tables.
PARTIAL = {"news-pos": ("news-position", {"position"}),
           "news-rf": ("news-recfig", {"recommendation", "figure"}),
           "commentary": ("commentary", {"position", "recommendation", "figure"}),
           "sp-pos": ("speeches-position", {"position"}),
           "sp-rec": ("speeches-recommendation", {"recommendation"}),
           "sp-fig": ("speeches-figure", {"figure"}),
           # Held out like half B: sentences of the speeches' check (odd) files, labelled blind
           # (eval/check-*/README.md). Numbers only: --errors refuses them.
           "ck-sp": ("check-speeches", {"position", "recommendation", "figure"}),
           "ck-fig": ("check-figure", {"figure"})}
HELDOUT = {"ck-sp", "ck-fig"}


def present(name):
    d = os.path.join(ROOT, "eval", PARTIAL[name][0])
    return any(os.path.exists(os.path.join(d, f)) for f in ("gold.jsonl", "labels.jsonl"))


PARTIAL = {k: v for k, v in PARTIAL.items() if present(k)}
SETS = ["seeds", "A", "B", "all"] + list(PARTIAL)


def labelled(s, tag):
    return s not in PARTIAL or tag in PARTIAL[s][1]

# The goals of issue 12: F1 and precision floors per set, and every rule's precision on all 18.
GOALS = {
    "B": {"f1": {"claim": 0.80, "position": 0.75, "figure": 0.90, "recommendation": 0.80},
          "precision": {t: 0.80 for t in TAGS}},
    "all": {"f1": {"claim": 0.80, "position": 0.75, "figure": 0.90, "recommendation": 0.80},
            "precision": {t: 0.80 for t in TAGS}},
    "seeds": {"f1": {"claim": 0.85, "position": 0.85, "figure": 0.95, "recommendation": 0.95}},
}
RULE_PRECISION_FLOOR = 0.60


def newest_source():
    newest = 0.0
    for d, _, files in os.walk(os.path.join(ROOT, "Sources")):
        for f in files:
            newest = max(newest, os.path.getmtime(os.path.join(d, f)))
    return newest


def pick_binary(explicit):
    """--bin; else the release build if present and not older than Sources/, else the
    debug build (built if missing). Rules are read at run time, so only code can be stale."""
    if explicit:
        return explicit
    release = os.path.join(ROOT, ".build/release/claimex")
    debug = os.path.join(ROOT, ".build/debug/claimex")
    sources = newest_source()
    for path in (release, debug):
        if os.path.exists(path) and os.path.getmtime(path) >= sources:
            return path
    if not os.path.exists(debug):
        print("eval: no claimex build found, building the debug one", file=sys.stderr)
        subprocess.run(["swift", "build", "--product", "claimex"], cwd=ROOT, check=True)
        return debug
    found = [p for p in (release, debug) if os.path.exists(p)]
    best = max(found, key=os.path.getmtime)
    print(f"eval: warning: {os.path.relpath(best, ROOT)} is older than Sources/ (rebuild it)", file=sys.stderr)
    return best


def halves(gold_dir):
    names = sorted(n for n in os.listdir(os.path.join(gold_dir, "briefs")) if n.endswith(".txt"))
    paths = [os.path.join(gold_dir, "briefs", n) for n in names]
    return paths[0::2], paths[1::2]


def run_eval(binary, rules, gold, paths):
    cmd = [binary, "eval", "--gold", gold, "--format", "json", "--rules", rules] + paths
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"eval: {' '.join(cmd[:6])} ... failed ({out.returncode}):\n{out.stderr}")
    return json.loads(out.stdout)


def summary(report):
    """The numbers of one set; texts of errors are left out (B must stay numbers only)."""
    a = report["alignment"]
    units = report["gold_units"]
    return {
        "documents": len(report["documents"]),
        "gold_units": units,
        "sentences": report["sentences"],
        "alignment": dict(a, aligned_rate=round((a["exact"] + a["fuzzy"]) / units, 4) if units else 0,
                          exact_rate=round(a["exact"] / units, 4) if units else 0),
        "tags": {t["tag"]: {k: t[k] for k in ("precision", "recall", "f1", "tp", "fp", "fn")}
                 for t in report["tags"] + [report["micro"]]},
        "rules": {r["rule"]: {"tag": r["tag"], "fired": r["fired"], "tp": r["tp"], "fp": r["fp"]}
                  for r in report["rules"]},
    }


def goal_failures(results):
    fails = []
    for name, goals in GOALS.items():
        tags = results[name]["tags"]
        for measure, floors in goals.items():
            for tag, floor in floors.items():
                value = tags[tag][measure]
                if value < floor:
                    fails.append(f"{name} {tag} {measure} {value:.2f} < {floor:.2f}")
    for rule, r in results["all"]["rules"].items():
        p = r["tp"] / r["fired"] if r["fired"] else 0
        if p < RULE_PRECISION_FLOOR:
            fails.append(f"all rule {rule} precision {p:.2f} < {RULE_PRECISION_FLOOR:.2f} ({r['tp']}/{r['fired']})")
    return fails


def print_tables(results, tags):
    print("per tag: P / R / F1 (TP FP FN)")
    print(f"{'tag':<15}" + "".join(f"{s:<30}" for s in SETS))
    for tag in tags + ["micro"]:
        cells = []
        for s in SETS:
            t = results[s]["tags"][tag]
            if not labelled(s, tag):
                cells.append("-")
                continue
            cells.append(f"{t['precision']:.2f} {t['recall']:.2f} {t['f1']:.2f} ({t['tp']} {t['fp']} {t['fn']})")
        print(f"{tag:<15}" + "".join(f"{c:<30}" for c in cells))
    print()
    print("alignment: units aligned (exact + fuzzy) / gold units; exact = one unit, one sentence")
    for s in SETS:
        a = results[s]["alignment"]
        r = results[s]
        print(f"  {s:<6} {r['documents']:>2} docs {r['gold_units']:>5} units {r['sentences']:>5} sentences"
              f"  aligned {a['aligned_rate']:.3f}  exact {a['exact_rate']:.3f}"
              f"  ({a['exact']} exact, {a['fuzzy']} fuzzy, {a['unaligned']} unaligned)")
    print()
    print("per rule: fired/TP/FP in each set; P(all) = TP/fired on all 18")
    ids = sorted({rid for s in SETS for rid in results[s]["rules"]},
                 key=lambda rid: (TAGS.index(rid.split(".")[0]) if rid.split(".")[0] in TAGS else 9, rid))
    print(f"{'rule':<40}" + "".join(f"{s:<13}" for s in SETS) + "P(all)")
    for rid in ids:
        tag = next(results[s]["rules"][rid]["tag"] for s in SETS if rid in results[s]["rules"])
        if tag not in tags:
            continue
        cells = []
        for s in SETS:
            r = results[s]["rules"].get(rid)
            cells.append(f"{r['fired']}/{r['tp']}/{r['fp']}" if r and labelled(s, tag) else "-")
        r = results["all"]["rules"].get(rid)
        p = f"{r['tp'] / r['fired']:.2f}" if r and r["fired"] else "-"
        flag = " <" if r and r["fired"] and r["tp"] / r["fired"] < RULE_PRECISION_FLOOR else ""
        print(f"{rid:<40}" + "".join(f"{c:<13}" for c in cells) + p + flag)


def print_errors(report, which, tag):
    for kind in ("false_positives", "false_negatives"):
        items = [i for i in report[kind] if tag in (None, i["tag"])]
        print(f"\n{which} {kind.replace('_', ' ')} ({len(items)})")
        for i in items:
            by = f" [{', '.join(i['rules'])}]" if i["rules"] else ""
            print(f"  {i['tag']}\t{i['doc']} n={i['n']}{by}\t{i['text']}")


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` ends quietly
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", help="claimex binary (default: newer of .build/release and .build/debug)")
    ap.add_argument("--rules", default=os.path.join(ROOT, "rules"), help="rules directory")
    ap.add_argument("--gold-dir", default=os.path.join(ROOT, "..", "shared", "gold"),
                    help="holds briefs.jsonl and briefs/ (default ../shared/gold)")
    ap.add_argument("--tag", action="append", choices=TAGS, help="only these tags in the tables")
    ap.add_argument("--json", action="store_true", help="print the numbers as JSON")
    ap.add_argument("--errors", nargs="?", const="all-tags", metavar="TAG",
                    help="print the development errors (half A, or --errors-set seeds|news-pos|news-rf|commentary|sp-*) for TAG")
    ap.add_argument("--errors-set", choices=["A", "seeds"] + [p for p in PARTIAL if p not in HELDOUT],
                    default="A")
    ap.add_argument("--goals", action="store_true", help="list the issue's goals not met")
    ap.add_argument("--strict", action="store_true", help="with --goals: exit 1 when a goal is not met")
    args = ap.parse_args()

    binary = pick_binary(args.bin)
    rules = os.path.abspath(args.rules)
    gold_dir = os.path.abspath(args.gold_dir)
    seed_gold = os.path.join(ROOT, "samples", "gold", "seeds.jsonl")
    seed_docs = sorted(os.path.join(ROOT, "samples", n) for n in os.listdir(os.path.join(ROOT, "samples"))
                       if n.endswith(".txt"))
    briefs_gold = os.path.join(gold_dir, "briefs.jsonl")
    half_a, half_b = halves(gold_dir)

    # The full gold file for each half: gold documents not given are listed, not scored.
    sets = {"seeds": (seed_gold, seed_docs), "A": (briefs_gold, half_a),
            "B": (briefs_gold, half_b), "all": (briefs_gold, half_a + half_b)}
    scratch = tempfile.mkdtemp(prefix="claimex-eval-")
    atexit.register(shutil.rmtree, scratch, True)
    for name, (d, _) in PARTIAL.items():
        folder = os.path.join(ROOT, "eval", d)
        if os.path.exists(os.path.join(folder, "labels.jsonl")):
            gold, docs = speech_set.materialise(folder, os.path.join(scratch, d))
            sets[name] = (gold, [docs])
        else:
            sets[name] = (os.path.join(folder, "gold.jsonl"), [folder])
    reports = {name: run_eval(binary, rules, gold, paths) for name, (gold, paths) in sets.items()}
    results = {name: summary(r) for name, r in reports.items()}

    if args.errors:
        tag = None if args.errors == "all-tags" else args.errors
        print_errors(reports[args.errors_set], args.errors_set, tag)
        return 0
    if args.json:
        out = {"binary": os.path.relpath(binary, ROOT), "halves": {
            "A": [os.path.basename(p) for p in half_a], "B": [os.path.basename(p) for p in half_b]},
            "sets": results, "goals_not_met": goal_failures(results)}
        json.dump(out, sys.stdout, indent=1)
        print()
        return 0
    print(f"claimex: {os.path.relpath(binary, ROOT)}   rules: {os.path.relpath(rules, ROOT)}")
    print(f"half A: {len(half_a)} briefs (even indices), half B: {len(half_b)} (odd); B is numbers only\n")
    print_tables(results, args.tag or TAGS)
    if args.goals:
        fails = goal_failures(results)
        print("\ngoals not met:" if fails else "\nall goals met")
        for f in fails:
            print("  " + f)
        return 1 if fails and args.strict else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
