#!/usr/bin/env python3
"""Development sets drawn from the UN General Debate speeches of ../shared/bench/.

The speeches' licence is not stated with the corpus, so no speech text is committed: a set
(eval/speeches-TAG/labels.jsonl) holds, per sampled sentence, the speech's file name, the
sentence's UTF-8 byte range in that file, a hash of its text and the labels. `materialise`
rebuilds the texts from the tarball for `claimex eval` (scripts/eval.py calls it).

Which speeches: the 1,096 files sorted by name, 0-based index. Odd indices are the audit
check half (docs/evaluation.md: only ever measured, never read) and are never drawn here.
Even indices are split in three slices by (index // 2) % 3, one per set, so the sets never
share a speech: slice 0 position, 1 recommendation, 2 figure. `draw --check` draws instead
from the odd (check) files, for the held-out sets (eval/check-*): labelled blind, before any
rule output on them is seen, and then only ever scored, never read for rules.

  speech-set.py draw --slice 0 --n 300 --seed 1 > /tmp/draw.jsonl   # sentences to label
  speech-set.py draw --check --n 400 --seed 12 > /tmp/check.jsonl    # a held-out set's sentences
  speech-set.py strip /tmp/draw.jsonl > eval/speeches-position/labels.jsonl
  speech-set.py materialise eval/speeches-position /tmp/sp-pos      # docs/ and gold.jsonl

`draw` prints one JSON line a sentence: {"doc", "start", "end", "sha", "text", "labels": []};
the annotator fills "labels" (and may add "note") before `strip` drops "text".
--filter numeric keeps only sentences with a digit or a number word (a figure set: figures
are rare in running text, so a plain sample would hold a handful).
"""
import argparse
import functools
import hashlib
import json
import os
import re
import subprocess
import sys
import tarfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARBALL = os.path.join(ROOT, "..", "shared", "bench", "ungdc-1096.tar.gz")
CACHE = "/tmp/claimex-ungdc"
NUMERIC = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|"
    r"dozens?|half|third|quarter|twice|double[ds]?|triple[ds]?|percent|per cent)\b", re.I)


@functools.lru_cache(maxsize=None)
def speeches():
    """The unpacked speeches' folder (unpacked once into /tmp, never into the repository)."""
    if not os.path.isdir(CACHE) or len(os.listdir(CACHE)) < 1096:
        os.makedirs(CACHE, exist_ok=True)
        with tarfile.open(TARBALL) as t:
            for m in t.getmembers():
                if m.isfile() and m.name.endswith(".txt"):
                    m.name = os.path.basename(m.name)
                    t.extract(m, CACHE)
    return CACHE


def slice_files(k):
    """Slice k of the development (even) files, or every check (odd) file when k is None."""
    names = sorted(n for n in os.listdir(speeches()) if n.endswith(".txt"))
    if k is None:
        return [n for i, n in enumerate(names) if i % 2 == 1]
    return [n for i, n in enumerate(names) if i % 2 == 0 and (i // 2) % 3 == k]


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def draw(a):
    binary = a.bin or os.path.join(ROOT, ".build", "release", "claimex")
    if (a.slice is None) == (not a.check):
        sys.exit("speech-set: draw takes --slice K or --check, one of them")
    pool, names = [], slice_files(None if a.check else a.slice)
    for name in names:
        path = os.path.join(speeches(), name)
        out = subprocess.run([binary, "segment", "--format", "jsonl", path],
                             capture_output=True, text=True, check=True)
        for line in out.stdout.splitlines():
            r = json.loads(line)
            words = len(r["text"].split())
            if words < 5 or words > a.max_words:
                continue
            if a.filter == "numeric" and not NUMERIC.search(r["text"]):
                continue
            start, end = r["source"]["bytes"]
            pool.append({"doc": name, "start": start, "end": end, "sha": sha(r["text"]),
                         "text": r["text"], "labels": []})
    # Seeded hash order: the same seed draws the same sentences, independent of pool order.
    pool.sort(key=lambda r: hashlib.sha256(f"{a.seed}:{r['doc']}:{r['start']}".encode()).hexdigest())
    picked = sorted(pool[: a.n], key=lambda r: (r["doc"], r["start"]))
    for r in picked:
        print(json.dumps(r, ensure_ascii=False))
    print(f"drew {len(picked)} of {len(pool)} sentences from {len(names)} speeches",
          file=sys.stderr)


def strip(a):
    with open(a.file, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                r.pop("text", None)
                print(json.dumps(r, ensure_ascii=False))


@functools.lru_cache(maxsize=16)
def speech_bytes(doc):
    with open(os.path.join(speeches(), doc), "rb") as f:
        return f.read()


def text_of(doc, start, end):
    # Source bytes may hold line breaks inside the sentence; gold text is whitespace-collapsed.
    return " ".join(speech_bytes(doc)[start:end].decode("utf-8").split())


def checked_text(r):
    """The text of a set's row, refused when it no longer hashes to the row's `sha`."""
    text = text_of(r["doc"], r["start"], r["end"])
    if sha(text) != r["sha"]:
        sys.exit(f"speech-set: {r['doc']} bytes {r['start']}-{r['end']}: text changed (hash)")
    return text


def materialise(set_dir, out_dir):
    """Write out_dir/docs/<speech>.txt (the sampled sentences, one paragraph each, in speech
    order) and out_dir/gold.jsonl in the seeds' format; return (gold path, docs folder)."""
    docs = os.path.join(out_dir, "docs")
    os.makedirs(docs, exist_ok=True)
    by_doc = {}
    with open(os.path.join(set_dir, "labels.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                by_doc.setdefault(r["doc"], []).append(r)
    gold = os.path.join(out_dir, "gold.jsonl")
    with open(gold, "w", encoding="utf-8") as g:
        for doc in sorted(by_doc):
            rows = sorted(by_doc[doc], key=lambda r: r["start"])
            texts = []
            for n, r in enumerate(rows):
                text = checked_text(r)
                texts.append(text)
                g.write(json.dumps({"doc": doc, "n": n, "text": text, "labels": r["labels"]},
                                   ensure_ascii=False) + "\n")
            with open(os.path.join(docs, doc), "w", encoding="utf-8") as d:
                d.write("\n\n".join(texts) + "\n")
    return gold, docs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--slice", type=int, choices=[0, 1, 2], help="a development slice")
    d.add_argument("--check", action="store_true", help="the check (odd) files instead")
    d.add_argument("--n", type=int, default=300)
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--filter", choices=["none", "numeric"], default="none")
    d.add_argument("--max-words", type=int, default=80)
    d.add_argument("--bin", help="claimex binary (default .build/release/claimex)")
    s = sub.add_parser("strip")
    s.add_argument("file")
    m = sub.add_parser("materialise")
    m.add_argument("set_dir")
    m.add_argument("out_dir")
    a = ap.parse_args()
    if a.cmd == "draw":
        draw(a)
    elif a.cmd == "strip":
        strip(a)
    else:
        print(*materialise(a.set_dir, a.out_dir))


if __name__ == "__main__":
    sys.exit(main())
