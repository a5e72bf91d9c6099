#!/usr/bin/env python3
"""Measures whether attribution across sentences would pay for `position` (h-carry, issue 12).

Rules read one sentence at a time, so a stance whose holder is named only in the sentence
before ("This strategy is based on ...", "The message was aimed at ...", "They include ...
disagreement with ...") is missed. Before building a rule field that carries the holder over
("fire only when the previous sentence carries a position tag, and take its actor"), this
counts on the development documents what such a rule could reach:

  candidates  sentences with no position tag that follow, in the same section (or, with
              --block, the same paragraph), a sentence tagged position with a captured actor;
  gold        the candidates the gold labels as position;
  signal      TP / FP of general signals on the candidates: an anaphoric opener (after
              optional connectives: a personal pronoun subject it / they / he / she; this /
              these / such; or a determiner + an aim / strategy / message / policy noun)
              with a stance word of the existing lexicons (stance-verbs, stance-verbs-ing,
              stance-nouns, stance-adjectives) anywhere in the sentence; and narrower forms.

Development documents only: the seeds, half A (even-indexed files of the sorted
gold/briefs/*.txt, and only their gold units are read), eval/commentary, eval/news-position.
Half B and eval/check-* are never read.

  scripts/carry-signal.py --bin /work/bin/claimex-r17 --rules rules
  scripts/carry-signal.py --bin ... --rules rules --show      # the sentences the signal picks
  scripts/carry-signal.py --bin ... --rules rules --window 3  # a tagged sentence among the 3 before
  scripts/carry-signal.py --bin ... --rules rules --window 0  # every untagged sentence
"""
import argparse
import json
import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONNECTIVES = {"and", "but", "so", "however", "yet", "also", "moreover", "meanwhile", "instead", "indeed",
               "thus", "therefore", "furthermore", "still", "now", "then", "rather", "further", "again"}
PRONOUNS = {"it", "they", "he", "she"}
DETERMINERS = {"this", "these", "such", "the", "that", "those", "its", "their", "his", "her"}
AIM_NOUNS = {"strategy", "strategies", "message", "messages", "aim", "aims", "goal", "goals", "policy",
             "policies", "stance", "position", "approach", "move", "decision", "proposal", "proposals", "plan",
             "plans", "view", "views", "idea", "argument", "thesis", "narrative", "line", "rhetoric", "doctrine",
             "intention", "priority", "priorities", "objective", "objectives", "initiative", "statement",
             "document", "declaration", "signal", "demand", "demands", "response", "reaction", "choice",
             "purpose", "motive", "agenda", "vision", "concept", "attitude", "interest", "interests"}


def norm(s):
    return re.sub(r"\W+", "", s).lower()


def words(s):
    return re.findall(r"[\w'-]+", s.lower().replace("\u2019", "'"))


def lexicon(rules, name):
    out = set()
    for line in open(os.path.join(rules, "lexicons", name), encoding="utf-8"):
        line = re.sub(r"(^|\s)#.*", "", line).strip()
        if line:
            out.add(tuple(words(line.lstrip("="))))
    return out


def find(ws, entries, start=0, end=None):
    end = len(ws) if end is None else min(end, len(ws))
    for i in range(start, end):
        for n in (1, 2, 3, 4):
            if i + n <= end and tuple(ws[i:i + n]) in entries:
                return " ".join(ws[i:i + n])
    return None


def opener(ws):
    """(kind, words, index after the opener) of an anaphoric opening, or None."""
    i = 0
    while i < len(ws) and ws[i] in CONNECTIVES:
        i += 1
    if i >= len(ws):
        return None
    if ws[i] in PRONOUNS:
        return ("pronoun", ws[i], i + 1)
    if ws[i] in DETERMINERS:
        for j in range(i + 1, min(i + 4, len(ws))):
            if ws[j] in AIM_NOUNS:
                return ("aim-noun", f"{ws[i]} {ws[j]}", j + 1)
        if ws[i] in {"this", "these", "such"}:
            return ("demonstrative", ws[i], i + 1)
    return None


def signals(lex):
    stance_any = lex["verbs"] | lex["nouns"] | lex["adjectives"]

    def opener_only(ws):
        return opener(ws) is not None

    def opener_stance(ws):
        return opener(ws) is not None and find(ws, stance_any) is not None

    def aim_noun_stance(ws):
        o = opener(ws)
        return o is not None and o[0] == "aim-noun" and find(ws, stance_any) is not None

    def pronoun_verb_near(ws):
        o = opener(ws)
        return o is not None and o[0] == "pronoun" and find(ws, lex["verbs"], o[2], o[2] + 4) is not None

    def demonstrative_near(ws):
        o = opener(ws)
        return o is not None and o[0] != "pronoun" and \
            find(ws, lex["verbs"] | lex["adjectives"], o[2], o[2] + 6) is not None

    return {"anaphoric opener, no predicate": opener_only,
            "opener + stance word (S1)": opener_stance,
            "determiner + aim noun + stance word": aim_noun_stance,
            "pronoun + stance verb within 4": pronoun_verb_near,
            "demonstrative/aim noun + stance verb/adj within 6": demonstrative_near}


def development_sets(gold_dir):
    names = sorted(n for n in os.listdir(os.path.join(gold_dir, "briefs")) if n.endswith(".txt"))
    half_a = [os.path.join(gold_dir, "briefs", n) for n in names[0::2]]

    def folder(d):
        p = os.path.join(ROOT, "eval", d)
        return sorted(os.path.join(p, n) for n in os.listdir(p) if n.endswith(".txt"))

    seeds = sorted(os.path.join(ROOT, "samples", n) for n in os.listdir(os.path.join(ROOT, "samples"))
                   if n.endswith(".txt"))
    return {"seeds": (os.path.join(ROOT, "samples", "gold", "seeds.jsonl"), seeds),
            "A": (os.path.join(gold_dir, "briefs.jsonl"), half_a),
            "commentary": (os.path.join(ROOT, "eval", "commentary", "gold.jsonl"), folder("commentary")),
            "news-pos": (os.path.join(ROOT, "eval", "news-position", "gold.jsonl"), folder("news-position"))}


def aligned_documents(binary, rules, gold, paths):
    """Every record of every document with its gold position label (units matched by text)."""
    wanted = {os.path.basename(p) for p in paths}
    units = {}
    for line in open(gold, encoding="utf-8"):
        u = json.loads(line)
        if u["doc"] in wanted:  # the set's own documents only (never half B's)
            units.setdefault(u["doc"], []).append((norm(u["text"]), "position" in u["labels"]))
    out = subprocess.run([binary, "extract", "--all-sentences", "--quiet", "--rules", rules] + paths,
                         capture_output=True, text=True, check=True)
    docs = {}
    for line in out.stdout.splitlines():
        r = json.loads(line)
        name = os.path.basename(r["doc"]["path"])
        t = norm(r["text"])
        hits = [pos for g, pos in units.get(name, [])
                if g and (g == t or (len(g) > 20 and g in t) or (len(t) > 20 and t in g))]
        tags = [x for x in r["tags"] if x["label"] == "position"]
        docs.setdefault(name, []).append({
            "index": r["index"], "text": r["text"], "block": r["block"]["index"],
            "section": r["section"], "tagged": bool(tags),
            "actors": [x["captures"]["actor"]["text"] for x in tags if "actor" in x["captures"]],
            "gold": any(hits)})
    return docs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "claimex"))
    ap.add_argument("--rules", default=os.path.join(ROOT, "rules"))
    ap.add_argument("--gold-dir", default=os.path.join(ROOT, "..", "shared", "gold"))
    ap.add_argument("--block", action="store_true", help="same paragraph instead of same section")
    ap.add_argument("--window", type=int, default=1,
                    help="a tagged sentence with an actor among the N before (same scope); 0: every untagged sentence")
    ap.add_argument("--show", action="store_true", help="print the sentences signal S1 picks")
    args = ap.parse_args()
    rules = os.path.abspath(args.rules)
    lex = {"verbs": lexicon(rules, "stance-verbs.txt") | lexicon(rules, "stance-verbs-ing.txt"),
           "nouns": lexicon(rules, "stance-nouns.txt"), "adjectives": lexicon(rules, "stance-adjectives.txt")}
    sigs = signals(lex)
    sets = development_sets(os.path.abspath(args.gold_dir))
    scope = "block" if args.block else "section"
    table = {name: {"candidates": 0, "gold": 0, **{s: [0, 0] for s in sigs}} for name in sets}
    shown = []
    for name, (gold, paths) in sets.items():
        for doc, sents in sorted(aligned_documents(args.bin, rules, gold, paths).items()):
            for i, s in enumerate(sents):
                if s["tagged"] or i == 0:
                    continue
                before = []
                for prev in reversed(sents[max(0, i - args.window):i]):
                    if prev[scope] != s[scope]:
                        break
                    before.append(prev)
                found = [p for p in before if p["tagged"] and p["actors"]]
                if args.window and not found:
                    continue
                prev = found[0] if found else sents[i - 1]
                row = table[name]
                row["candidates"] += 1
                row["gold"] += s["gold"]
                ws = words(s["text"])
                for sig, f in sigs.items():
                    if f(ws):
                        row[sig][0 if s["gold"] else 1] += 1
                if args.show and sigs["opener + stance word (S1)"](ws):
                    shown.append(f"{'TP' if s['gold'] else 'FP'} {name} {doc} {s['index']} "
                                 f"(before: {', '.join(prev['actors'][:2])}) {s['text'][:160]}")
    print(f"candidates: untagged sentences with a position-tagged sentence with an actor among the {args.window}"
          f" before, same {scope}" if args.window else "candidates: every untagged sentence but a document's first")
    print(f"{'set':<12}{'candidates':>11}{'gold':>6}  " + "  ".join(f"{s[:26]:>26}" for s in sigs))
    total = {k: ([0, 0] if isinstance(v, list) else 0) for k, v in next(iter(table.values())).items()}
    for name, row in list(table.items()) + [("total", total)]:
        if name != "total":
            for k, v in row.items():
                if isinstance(v, list):
                    total[k] = [total[k][0] + v[0], total[k][1] + v[1]]
                else:
                    total[k] += v
        cells = []
        for s in sigs:
            tp, fp = row[s]
            p = f" P={tp / (tp + fp):.2f}" if tp + fp else ""
            cells.append(f"{tp}/{fp}{p}")
        print(f"{name:<12}{row['candidates']:>11}{row['gold']:>6}  " + "  ".join(f"{c:>26}" for c in cells))
    if shown:
        print()
        print("\n".join(shown))


if __name__ == "__main__":
    main()
