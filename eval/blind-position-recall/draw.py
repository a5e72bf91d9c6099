#!/usr/bin/env python3
"""Draw the blind-position-recall sample (see README.md).

  python3 draw.py UN-RECORDS.jsonl

UN-RECORDS.jsonl: `claimex-r14 extract --rules rules --all-sentences --profile lean` over the
even-indexed files of `ls /tmp/ungdc | sort` (0-based; the odd ones are never read). Draws 300
eligible units the rules do NOT tag `position`, non-trivial by eval/blind-position's test
(a capitalised word after the first, or a pronoun subject, and a verb-like token), leaving out
the units of eval/blind-position and eval/speeches-position. Writes units.jsonl (id, doc,
index, byte range, text hash; no speech text: the corpus states no licence) and sentences.tsv
(id, text: the file labelled; not committed, rebuilt by scripts/blind-materialise.py)."""
import hashlib, json, os, random, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 1417
N = 300
PRON = re.compile(r"\b(I|we|We|he|He|she|She|they|They|it|It)\b")
AUX = re.compile(r"\b(is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|do|does|did|shall)\b|\b\w+(ed|es)\b", re.I)
def sha(t): return hashlib.sha256(t.encode('utf-8')).hexdigest()[:16]
def eligible(t):
    w = t.split()
    return 6 <= len(w) <= 80 and not t.rstrip().endswith('?')
def nontrivial(t):
    w = t.split()
    cap = any(x[:1].isupper() for x in w[1:])
    return (cap or PRON.search(t)) and AUX.search(t)
def seen():
    out = set()
    for line in open(os.path.join(HERE, '..', 'blind-position', 'units.jsonl'), encoding='utf-8'):
        u = json.loads(line)
        if u['source'] == 'un': out.add((u['doc'], u['start'], u['end']))
    for line in open(os.path.join(HERE, '..', 'speeches-position', 'labels.jsonl'), encoding='utf-8'):
        u = json.loads(line)
        b = [u["start"], u["end"]]
        out.add((u["doc"], b[0], b[1]))
    return out
if __name__ == '__main__':
    rng = random.Random(SEED)
    skip = seen()
    recs, ntag, nelig = [], 0, 0
    for line in open(sys.argv[1], encoding='utf-8'):
        r = json.loads(line)
        t = r['text'].strip()
        if not eligible(t): continue
        nelig += 1
        if 'position' in r['labels']:
            ntag += 1; continue
        key = (os.path.basename(r['doc']['path']), r['source']['bytes'][0], r['source']['bytes'][1])
        if not nontrivial(t) or key in skip: continue
        recs.append((key, r['index'], t))
    print(f'eligible {nelig}, tagged position {ntag}, untagged non-trivial {len(recs)}', file=sys.stderr)
    sample = rng.sample(recs, N)
    with open(os.path.join(HERE, 'sentences.tsv'), 'w', encoding='utf-8') as f, \
         open(os.path.join(HERE, 'units.jsonl'), 'w', encoding='utf-8') as k:
        for i, (key, index, t) in enumerate(sample, 1):
            sid = 'r%03d' % i
            text = ' '.join(t.split())
            f.write('%s\t%s\n' % (sid, text))
            k.write(json.dumps(dict(id=sid, source='un', doc=key[0], index=index, start=key[1], end=key[2],
                                    sha=sha(text))) + '\n')
