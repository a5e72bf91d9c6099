#!/usr/bin/env python3
"""Corpus counts of where the position rules' two slots fail, from unlabelled text (issue 12).

For every clause-initial noun phrase before a verb (read from `claimex tag`: words, UPOS,
lemma), in sentences that get no position tag from `claimex extract`, it tallies

  holders:    phrases before a stance verb (a lemma of position.yaml's stance-lemma or a
              word of lexicons/stance-verbs.txt) that the rules do not accept as an actor
              (tested by running "<phrase> supports the plan." through the rules);
  predicates: verbs (and copula + adjective) after a phrase the rules do accept.

Judge the tallies by hand (TAGGING.md) and add classes, never single sentences.

Inputs are development text only: --speeches DIR takes the even-indexed files (0-based, sorted
by name) of the UN speeches and never the odd ones (the held-out check half, docs/evaluation.md);
other paths are taken as given (half A's briefs, the seeds, eval/news-position, eval/commentary).

  scripts/stance-tally.py --bin /work/bin/claimex-base --rules rules --speeches /tmp/ungdc
  scripts/stance-tally.py --bin ... --rules rules samples/*.txt eval/commentary/*.txt --top 40
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

DET = re.compile(r"^(the|a|an|this|these|those|all|our|my|its|their|his|her|some|many|most|both|every|each|any|other|such|no|your|that)\s+", re.I)
OPENERS = {"that", "while", "whereas", "and", "but", "or", "so", "yet", "as", "since", "because", "although", "though", "when"}
NOT_GLUE = {"should", "must", "shall", "ought", "to"}


def run(cmd, **kw):
    out = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if out.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd[:3])} ... failed ({out.returncode}): {out.stderr[:500]}")
    return out.stdout


def stance_words(rules):
    text = open(os.path.join(rules, "position.yaml"), encoding="utf-8").read()
    m = re.search(r"stance-lemma: >-\n(.*?)\n\n", text, re.S)
    lemmas = set(re.findall(r"&(\w+)", m.group(1))) if m else set()
    forms = set()
    for line in open(os.path.join(rules, "lexicons", "stance-verbs.txt"), encoding="utf-8"):
        line = line.split("#")[0].strip().lower()
        if line and " " not in line:
            forms.add(line)
    return lemmas, forms


def conllu(text):
    sents, cur = [], []
    for line in text.splitlines():
        if not line:
            if cur:
                sents.append(cur)
                cur = []
            continue
        if line.startswith("#"):
            continue
        f = line.split("\t")
        if "-" in f[0]:
            continue
        cur.append({"form": f[1], "lemma": f[2].lower(), "upos": f[3], "xpos": f[4]})
    if cur:
        sents.append(cur)
    return sents


def subject(toks, vi):
    """The clause-initial noun phrase before toks[vi], or None: (phrase, head)."""
    i = vi - 1
    while i >= 0 and toks[i]["upos"] in ("ADV", "AUX", "PART") and toks[i]["form"].lower() not in NOT_GLUE:
        i -= 1
    if i < 0 or toks[i]["upos"] not in ("NOUN", "PROPN"):
        return None
    head = i

    def extend(j):
        while j - 1 >= 0:
            p = toks[j - 1]
            if p["upos"] in ("NOUN", "PROPN", "ADJ", "NUM") or p["form"] in ("-", "'s", "’s"):
                j -= 1
                continue
            if p["upos"] == "DET" or p["xpos"] == "PRP$":
                j -= 1
            break
        return j

    j = extend(i)
    if j >= 2 and toks[j - 1]["form"].lower() == "of" and toks[j - 2]["upos"] in ("NOUN", "PROPN"):
        head = j - 2
        j = extend(j - 2)
    k = j - 1
    if k >= 0 and not (toks[k]["upos"] in ("PUNCT", "CCONJ") or toks[k]["form"].lower() in OPENERS):
        return None
    phrase = " ".join(t["form"] for t in toks[j:i + 1]).replace(" 's", "'s").replace(" - ", "-")
    return phrase, toks[head]["form"].lower()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--rules", default="rules")
    ap.add_argument("--speeches", help="folder of the UN speeches: only its even-indexed files are read")
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()
    paths = list(args.paths)
    if args.speeches:
        names = sorted(n for n in os.listdir(args.speeches) if n.endswith(".txt"))
        paths += [os.path.join(args.speeches, n) for n in names[0::2]]
    if not paths:
        sys.exit("no input")
    lemmas, forms = stance_words(args.rules)
    with tempfile.TemporaryDirectory() as tmp:
        lst = os.path.join(tmp, "paths")
        open(lst, "w").write("\n".join(paths) + "\n")
        recs = [json.loads(l) for l in run([args.bin, "extract", "--rules", args.rules, "--files-from", lst,
                                            "--all-sentences", "--profile", "lean", "-q"]).splitlines()]
        sents = os.path.join(tmp, "sents")
        with open(sents, "w") as f:
            for r in recs:
                f.write(re.sub(r"[\n\r\u2028\u2029\x85]", " ", r["text"]) + "\n")
        tagged = conllu(run([args.bin, "tag", "--lines", sents]))
    assert len(tagged) == len(recs)
    items = []
    for r, toks in zip(recs, tagged):
        if any(t["label"] == "position" for t in r.get("tags", [])):
            continue
        for vi, t in enumerate(toks):
            if t["upos"] == "AUX" and t["lemma"] == "be":
                k = vi + 1
                while k < len(toks) and toks[k]["upos"] in ("ADV", "PART"):
                    k += 1
                if k >= len(toks) or toks[k]["upos"] != "ADJ":
                    continue
                pred = "A:" + toks[k]["lemma"]
                stance = False
            elif t["upos"] == "VERB":
                if vi >= 1 and toks[vi - 1]["lemma"] == "be" and t["xpos"] == "VBN":
                    continue  # a passive: the subject is the target
                pred = "V:" + t["lemma"]
                stance = t["lemma"] in lemmas or t["form"].lower() in forms
            else:
                continue
            s = subject(toks, vi)
            if s:
                items.append((s[0], s[1], pred, stance))
    phrases = sorted({p for p, _, _, _ in items})
    probe = "\n".join(json.dumps({"id": str(n), "text": p + " supports the plan."}) for n, p in enumerate(phrases)) + "\n"
    accepted = set()
    for line in run([args.bin, "extract", "--rules", args.rules, "--input-format", "jsonl", "--profile", "lean", "-q", "-"],
                    input=probe).splitlines():
        r = json.loads(line)
        p = phrases[int(r["doc"].get("id") or r["doc"].get("path"))]
        actors = [(t.get("captures", {}).get("actor") or {}).get("text") for t in r["tags"] if t["label"] == "position"]
        if any(a and p.endswith(a) and len(a.split()) >= len(p.split()) - 1 for a in actors):
            accepted.add(p)
    heads, holders, preds = collections.Counter(), collections.Counter(), collections.Counter()
    for p, h, pred, stance in items:
        if stance and p not in accepted:
            heads[h] += 1
            holders[DET.sub("", p.lower())] += 1
        elif p in accepted and not stance:
            preds[pred] += 1
    print(f"{len(recs)} sentences, {len(items)} clause subjects in sentences with no position, {len(accepted)} of {len(phrases)} phrases accepted")
    for title, c in (("holders not accepted before a stance verb (heads)", heads), ("(phrases)", holders),
                     ("predicates after an accepted actor, not stance-listed", preds)):
        print(f"\n== {title}\n" + ", ".join(f"{k} {v}" for k, v in c.most_common(args.top)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
