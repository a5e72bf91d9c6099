#!/usr/bin/env python3
"""Scores claimex's tagger against CoNLL-U gold files: UPOS, Penn tag (XPOS) and lemma.

The measure is the CoNLL 2018 shared task's (conll18_ud_eval.py): gold and system words are
aligned on their character spans in the sentence text, so a word claimex tokenises differently
from the treebank counts as an error in both precision and recall; each score is the F1 of
aligned words with the right value. (Written here rather than copied: the sentences are given,
so words align by span within each sentence, which is that script's character alignment.)
A word inside a gold multiword token (do|n't) gets its part of the token's span when the
words spell the token; otherwise it cannot align, as in the official script's fallback.

    scripts/tagger-accuracy.py --claimex .build/release/claimex \\
        --treebank ../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu.gz \\
        [--gold Tests/TaggerTests/Fixtures/briefs-gold.conllu ...]
"""
import argparse
import gzip
import subprocess
import sys


def read_conllu(path):
    """Sentences as (text, words); a word is (start, end, form, lemma, upos, xpos), byte offsets."""
    opener = gzip.open if path.endswith(".gz") else open
    sentences, text, rows = [], None, []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# text = "):
                text = line[len("# text = "):]
            elif line.startswith("#"):
                continue
            elif not line:
                if rows:
                    sentences.append((text, spans(text, rows, path)))
                text, rows = None, []
            else:
                rows.append(line.split("\t"))
    if rows:
        sentences.append((text, spans(text, rows, path)))
    return sentences


def spans(text, rows, path):
    """Gold words with byte spans, found by walking the sentence text token by token."""
    if text is None:
        sys.exit(f"{path}: a sentence has no '# text =' line")
    data = text.encode("utf-8")
    words, pos, k = [], 0, 0
    while k < len(rows):
        cols = rows[k]
        if "." in cols[0]:
            k += 1
            continue
        if "-" in cols[0]:
            lo, hi = map(int, cols[0].split("-"))
            members = [r for r in rows[k + 1:] if r[0].isdigit() and lo <= int(r[0]) <= hi]
            form = cols[1].encode("utf-8")
            start = locate(data, form, pos, path, text)
            joined = b"".join(m[1].encode("utf-8") for m in members)
            at = start
            for m in members:
                f = m[1].encode("utf-8")
                if joined.lower() == form.lower():
                    words.append((at, at + len(f), m[1], m[2], m[3], m[4]))
                    at += len(f)
                else:  # the words do not spell the token: they cannot align
                    words.append((-1, -1, m[1], m[2], m[3], m[4]))
            pos = start + len(form)
            k += 1 + len(members)
            continue
        form = cols[1].encode("utf-8")
        start = locate(data, form, pos, path, text)
        words.append((start, start + len(form), cols[1], cols[2], cols[3], cols[4]))
        pos = start + len(form)
        k += 1
    return words


def locate(data, form, pos, path, text):
    at = data.find(form, pos)
    if at < 0 or data[pos:at].decode("utf-8", "replace").strip():
        sys.exit(f"{path}: token {form!r} not found in sentence text: {text}")
    return at


def run_claimex(claimex, texts):
    """claimex's words for each sentence (one per input line), with byte spans."""
    out = subprocess.run([claimex, "tag", "--lines", "-"], input="\n".join(texts) + "\n",
                         capture_output=True, text=True, check=True).stdout
    result, words = [], None
    for line in out.split("\n"):
        if line.startswith("# sent_id"):
            words = []
        elif line.startswith("#"):
            continue
        elif not line:
            if words is not None:
                result.append(words)
                words = None
        else:
            cols = line.split("\t")
            if "-" in cols[0]:
                continue
            misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
            a, b = map(int, misc["Range"].split(":"))
            words.append((a, b, cols[1], cols[2], cols[3], cols[4]))
    if len(result) != len(texts):
        sys.exit(f"claimex tag gave {len(result)} sentences for {len(texts)}")
    return result


def score(gold, system):
    g_total = sum(len(w) for _, w in gold)
    s_total = sum(len(w) for w in system)
    aligned = correct_u = correct_x = correct_l = 0
    for (_, gw), sw in zip(gold, system):
        by_span = {(w[0], w[1]): w for w in sw}
        for g in gw:
            s = by_span.get((g[0], g[1]))
            if s is None or g[0] < 0:
                continue
            aligned += 1
            correct_u += s[4] == g[4]
            correct_x += s[5] == g[5]
            correct_l += g[3] == "_" or s[3] == g[3]
    def f1(c):
        p, r = c / s_total, c / g_total
        return 2 * p * r / (p + r) if p + r else 0.0
    return {"gold words": g_total, "system words": s_total, "Words": f1(aligned),
            "UPOS": f1(correct_u), "XPOS": f1(correct_x), "Lemmas": f1(correct_l),
            "UPOS aligned accuracy": correct_u / aligned if aligned else 0.0}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claimex", default=".build/release/claimex")
    ap.add_argument("--treebank", help="gold CoNLL-U (.gz allowed), e.g. the EWT test split")
    ap.add_argument("--gold", nargs="*", default=["Tests/TaggerTests/Fixtures/briefs-gold.conllu"],
                    help="further gold files (default: the hand-tagged sample-brief tokens)")
    args = ap.parse_args()
    files = ([args.treebank] if args.treebank else []) + args.gold
    for path in files:
        gold = read_conllu(path)
        system = run_claimex(args.claimex, [t for t, _ in gold])
        s = score(gold, system)
        print(f"{path}: {len(gold)} sentences, {s['gold words']} gold words, {s['system words']} claimex words")
        print(f"  Words F1 {s['Words']:.4f}  UPOS F1 {s['UPOS']:.4f}  XPOS F1 {s['XPOS']:.4f}  "
              f"Lemmas F1 {s['Lemmas']:.4f}  (UPOS accuracy on aligned words {s['UPOS aligned accuracy']:.4f})")


if __name__ == "__main__":
    main()
