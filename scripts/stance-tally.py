#!/usr/bin/env python3
"""Corpus counts of where the position rules' two slots fail, from unlabelled text (issue 12).

For every clause-initial noun phrase before a verb (read from `claimex tag`: words, UPOS,
lemma), in sentences that get no position tag from `claimex extract`, it tallies

  holders:    phrases before a stance verb (a lemma of position.yaml's stance-lemma or a
              word of lexicons/stance-verbs.txt) that the rules do not accept as an actor
              (tested by running "<phrase> supports the plan." through the rules);
  predicates: verbs (and copula + adjective) after a phrase the rules do accept.

With --frames it tallies constructions instead (h-boot5): in the same sentences, every
noun phrase the rules accept as an actor before a stance predicate (a stance verb, or a
stance adjective after a copula), the nearest one, and the frame of the words between them
(a relative clause, a comma aside, a coordination, a catenative "has the honour to", a
postmodifier ...), by their tags, with examples: where both slots are there and no rule
joins them. Only holders at a clause start (after the sentence start, punctuation or a
conjunction) and gaps with no personal pronoun (mostly the speaker's "we") are shown.

Judge the tallies by hand (TAGGING.md) and add classes, never single sentences.

Inputs are development text only: --speeches DIR takes the even-indexed files (0-based, sorted
by name) of the UN speeches and never the odd ones (the held-out check half, docs/evaluation.md);
other paths are taken as given (half A's briefs, the seeds, eval/news-position, eval/commentary).

  scripts/stance-tally.py --bin /work/bin/claimex-base --rules rules --speeches /tmp/ungdc
  scripts/stance-tally.py --bin ... --rules rules samples/*.txt eval/commentary/*.txt --top 40
  scripts/stance-tally.py --bin ... --rules rules --speeches /tmp/ungdc --frames --examples 20
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
    # one list per "# sent_id" (a sentence of no tokens, e.g. a lone zero-width space, stays an empty list)
    sents, cur = [], None
    for line in text.split("\n"):
        if line.startswith("# sent_id"):
            if cur is not None:
                sents.append(cur)
            cur = []
            continue
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        if "-" in f[0]:
            continue
        cur.append({"form": f[1], "lemma": f[2].lower(), "upos": f[3], "xpos": f[4]})
    if cur is not None:
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


NP_UPOS = {"DET", "ADJ", "NOUN", "PROPN", "NUM"}


def np_chunks(toks):
    """Noun phrases ending in a noun or name, with one "of" phrase: (start, end) inclusive."""
    out, i, n = [], 0, len(toks)
    while i < n:
        if toks[i]["upos"] in NP_UPOS or toks[i]["xpos"] == "PRP$":
            j = i
            while j < n and (toks[j]["upos"] in NP_UPOS or toks[j]["xpos"] == "PRP$" or toks[j]["form"] in ("'s", "’s", "-")):
                j += 1
            k = j - 1
            while k >= i and toks[k]["upos"] not in ("NOUN", "PROPN"):
                k -= 1
            if k >= i:
                out.append((i, k))
                if k + 1 < n and toks[k + 1]["form"].lower() == "of":
                    m = k + 2
                    while m < n and (toks[m]["upos"] in NP_UPOS or toks[m]["form"] in ("'s", "-")):
                        m += 1
                    kk = m - 1
                    while kk > k + 1 and toks[kk]["upos"] not in ("NOUN", "PROPN"):
                        kk -= 1
                    if kk > k + 1:
                        out.append((i, kk))
            i = max(j, i + 1)
        else:
            i += 1
    return out


def gap_signature(gap):
    sig = []
    for t in gap:
        f = t["form"].lower()
        if t["upos"] == "PRON" and t["xpos"] not in ("WP", "WDT"):
            x = "PRON"
        elif t["upos"] in ("PUNCT", "CCONJ", "SCONJ", "AUX", "PART") or t["xpos"] in ("WDT", "WP", "MD", "TO") or f in ("of", "by", "as"):
            x = f
        else:
            x = t["upos"]
        if not sig or sig[-1] != x or x == ",":
            sig.append(x)
    return sig


def frame_of(sig):
    if not sig:
        return "adjacent"
    if sig[0] in ("who", "which", "that"):
        return "relative"
    if sig[0] == "(":
        return "parenthetical"
    if sig[0] in (",", "–", "—", "-"):
        if "who" in sig or "which" in sig:
            return "comma-relative"
        if len(sig) > 1 and sig[1] in ("if", "when", "as", "while", "although", "though", "because", "since", "after", "before"):
            return "comma-adverbial"
        return "comma-aside"
    if "and" in sig[:4] or "but" in sig[:4]:
        return "coordination"
    if "to" in sig and "VERB" in sig[:sig.index("to") + 1]:
        return "catenative/raising"
    if all(w in ("AUX", "ADV", "not", "PART") or w in AUX_WORDS for w in sig):
        return "aux-adv"
    if "VERB" in sig:
        return "verb-between"
    if sig[0] in ("of", "ADP", "by", "as"):
        return "postmodifier-PP"
    return "other"


AUX_WORDS = {"has", "have", "had", "will", "would", "can", "could", "may", "might", "shall", "should", "must",
             "is", "are", "was", "were", "be", "been", "do", "does", "did"}


def accepted_phrases(args, phrases, whole=None):
    """The phrases the rules accept as a whole actor ("<phrase> supports the plan.").
    `whole(phrase, actor)` says whether the captured actor covers the phrase (by default: all
    of it but a leading determiner)."""
    whole = whole or (lambda p, a: len(a.split()) >= len(DET.sub("", p).split()))
    phrases = sorted(phrases)
    probe = "\n".join(json.dumps({"id": str(n), "text": p + " supports the plan."}) for n, p in enumerate(phrases)) + "\n"
    accepted = set()
    for line in run([args.bin, "extract", "--rules", args.rules, "--input-format", "jsonl", "--profile", "lean", "-q", "-"],
                    input=probe).splitlines():
        r = json.loads(line)
        p = phrases[int(r["doc"].get("id") or r["doc"].get("path"))]
        actors = [(t.get("captures", {}).get("actor") or {}).get("text") for t in r["tags"] if t["label"] == "position"]
        if any(a and p.endswith(a) and whole(p, a) for a in actors):
            accepted.add(p)
    return accepted


def frames(args, recs, tagged, lemmas, forms):
    sadj = set()
    for line in open(os.path.join(args.rules, "lexicons", "stance-adjectives.txt"), encoding="utf-8"):
        line = line.split("#")[0].strip().lower()
        if line and " " not in line:
            sadj.add(line)
    items, phrases = [], set()

    def phr(toks, a, b):
        return " ".join(t["form"] for t in toks[a:b + 1]).replace(" 's", "'s")

    for r, toks in zip(recs, tagged):
        if any(t["label"] == "position" for t in r.get("tags", [])):
            continue
        preds = []
        for vi, t in enumerate(toks):
            if t["upos"] == "VERB" and (t["lemma"] in lemmas or t["form"].lower() in forms):
                if not (vi >= 1 and toks[vi - 1]["lemma"] == "be" and t["xpos"] == "VBN"):
                    preds.append(vi)
            elif t["upos"] == "ADJ" and t["form"].lower() in sadj and vi >= 1 and toks[vi - 1]["lemma"] in ("be", "remain", "become"):
                preds.append(vi)
        if preds:
            ch = np_chunks(toks)
            phrases.update(phr(toks, a, b) for a, b in ch)
            items.append((r, toks, preds, ch))
    accepted = accepted_phrases(args, phrases)
    by_frame = collections.defaultdict(list)
    for r, toks, preds, ch in items:
        holders = [(a, b) for a, b in ch if phr(toks, a, b) in accepted]
        for p in preds:
            before = [(a, b) for a, b in holders if b < p]
            if not before:
                continue
            a, b = max(before, key=lambda x: (x[1], -x[0]))
            gap = toks[b + 1:p]
            left = toks[a - 1]["upos"] if a > 0 else "^"
            sig = gap_signature(gap)
            if len(gap) > 25 or left not in ("^", "PUNCT", "CCONJ", "SCONJ") or "PRON" in sig:
                continue
            by_frame[frame_of(sig)].append((sig, len(gap), phr(toks, a, b), " ".join(t["form"] for t in gap), toks[p]["form"], r["text"]))
    print(f"{len(recs)} sentences, {len(items)} with no position and a stance predicate, {len(accepted)} of {len(phrases)} phrases accepted")
    for f, xs in sorted(by_frame.items(), key=lambda kv: -len(kv[1])):
        sigs = collections.Counter(" ".join(x[0]) if x[1] <= 5 else f"{x[0][0]} ..{x[1]}" for x in xs)
        print(f"\n== {f} {len(xs)}\n   " + "; ".join(f"[{k}] {v}" for k, v in sigs.most_common(12)))
        for sig, n, h, g, p, text in xs[:args.examples]:
            print(f"   - [{h}] <{g}> [{p}] :: {' '.join(text.split())[:240]}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--rules", default="rules")
    ap.add_argument("--speeches", help="folder of the UN speeches: only its even-indexed files are read")
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("--frames", action="store_true", help="tally the frames between an accepted holder and a stance predicate")
    ap.add_argument("--examples", type=int, default=5, help="with --frames: examples printed per frame")
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
    if args.frames:
        frames(args, recs, tagged, lemmas, forms)
        return 0
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
    # all of the phrase but one word
    phrases = {p for p, _, _, _ in items}
    accepted = accepted_phrases(args, phrases,
                                whole=lambda p, a: len(a.split()) >= len(p.split()) - 1)
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
