#!/usr/bin/env python3
"""Draw the blind-position sample (see README.md).

  python3 draw.py UN-RECORDS.jsonl NEWS-RECORDS.jsonl

The arguments are `claimex extract --all-sentences --profile lean` records of the UN speeches'
even-indexed files and of the news bodies (README.md). Writes units.jsonl (per unit: id,
source, doc, index, source byte range, text hash, the text for news only, and the rules'
position tags at draw time) and sentences.tsv (id, text, no tags: the file that was
labelled; not committed, rebuilt by scripts/blind-materialise.py)."""
import hashlib, json, os, random, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 1313
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
def load(path):
    out = []
    for line in open(path, encoding='utf-8'):
        r = json.loads(line)
        t = r['text'].strip()
        if not eligible(t): continue
        out.append(dict(doc=r['doc']['path'], index=r['index'], bytes=r['source']['bytes'], text=t,
                        rule_pos='position' in r['labels'],
                        tags=[dict(rule=g['rule'], captures={k: v['text'] for k, v in g['captures'].items()})
                              for g in r['tags'] if g['label'] == 'position']))
    return out
def draw(rng, recs, src, npos, nneg):
    p = [r for r in recs if r['rule_pos']]
    n = [r for r in recs if not r['rule_pos'] and nontrivial(r['text'])]
    print(f'{src}: eligible {len(recs)}, tagged {len(p)}, untagged non-trivial {len(n)}', file=sys.stderr)
    s = rng.sample(p, npos) + rng.sample(n, nneg)
    for r in s: r['source'] = src
    return s
if __name__ == '__main__':
    rng = random.Random(SEED)
    un = load(sys.argv[1]); news = load(sys.argv[2])
    sample = draw(rng, un, 'un', 150, 100) + draw(rng, news, 'news', 50, 50)
    rng.shuffle(sample)
    with open(os.path.join(HERE, 'sentences.tsv'), 'w', encoding='utf-8') as f, \
         open(os.path.join(HERE, 'units.jsonl'), 'w', encoding='utf-8') as k:
        for i, r in enumerate(sample, 1):
            sid = 'b%03d' % i
            f.write('%s\t%s\n' % (sid, r['text'].replace('\t', ' ').replace('\n', ' ')))
            text = ' '.join(r['text'].split())
            u = dict(id=sid, source=r['source'], doc=os.path.basename(r['doc']) if r['source'] == 'un' else r['doc'],
                     index=r['index'], start=r['bytes'][0], end=r['bytes'][1], sha=sha(text))
            if r['source'] == 'news': u['text'] = text
            u.update(rule_pos=r['rule_pos'], tags=r['tags'])
            k.write(json.dumps(u, ensure_ascii=False) + '\n')
