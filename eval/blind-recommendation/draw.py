#!/usr/bin/env python3
"""Draw the blind-recommendation sample (see README.md).

  python3 draw.py UN-RECORDS.jsonl NEWS-RECORDS.jsonl COMMENTARY-RECORDS.jsonl

The arguments are `claimex extract --all-sentences --profile lean --rules rules` records of
the UN speeches' even-indexed files, of the news bodies (`--input-format jsonl`, id = the
page's key) and of ../commentary/*.txt. Writes units.jsonl (per unit: id, source, doc,
index, source byte range, text hash, the text for news and commentary only, and the rules'
recommendation tags at draw time) and sentences.tsv (id, text, no tags: the file that was
labelled; not committed, rebuilt by scripts/blind-materialise.py)."""
import hashlib, json, os, random, sys
HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 1414
TAG = 'recommendation'
def sha(t): return hashlib.sha256(t.encode('utf-8')).hexdigest()[:16]
def eligible(r):
    return len(r['text'].split()) >= 8 and r['block']['kind'] not in ('heading', 'furniture', 'footnote')
def load(path, src):
    out = []
    for line in open(path, encoding='utf-8'):
        r = json.loads(line)
        if not eligible(r): continue
        out.append(dict(source=src, doc=r['doc']['path'], index=r['index'], bytes=r['source']['bytes'],
                        text=r['text'].strip(), rule=TAG in r['labels'],
                        tags=[dict(rule=g['rule'], captures={k: v['text'] for k, v in g['captures'].items()})
                              for g in r['tags'] if g['label'] == TAG]))
    return out
def draw(rng, recs, name, npos, nneg):
    p = [r for r in recs if r['rule']]
    n = [r for r in recs if not r['rule']]
    print(f'{name}: eligible {len(recs)}, tagged {len(p)}, untagged {len(n)}', file=sys.stderr)
    return rng.sample(p, npos) + rng.sample(n, nneg)
if __name__ == '__main__':
    rng = random.Random(SEED)
    un = load(sys.argv[1], 'un')
    nc = load(sys.argv[2], 'news') + load(sys.argv[3], 'commentary')
    for s in ('news', 'commentary'):
        x = [r for r in nc if r['source'] == s]
        print(f'  {s}: eligible {len(x)}, tagged {sum(r["rule"] for r in x)}', file=sys.stderr)
    sample = draw(rng, un, 'un', 100, 150) + draw(rng, nc, 'news+commentary', 50, 100)
    rng.shuffle(sample)
    with open(os.path.join(HERE, 'sentences.tsv'), 'w', encoding='utf-8') as f, \
         open(os.path.join(HERE, 'units.jsonl'), 'w', encoding='utf-8') as k:
        for i, r in enumerate(sample, 1):
            sid = 'r%03d' % i
            f.write('%s\t%s\n' % (sid, r['text'].replace('\t', ' ').replace('\n', ' ')))
            text = ' '.join(r['text'].split())
            doc = os.path.basename(r['doc']) if r['source'] == 'un' else r['doc']
            u = dict(id=sid, source=r['source'], doc=doc, index=r['index'],
                     start=r['bytes'][0], end=r['bytes'][1], sha=sha(text))
            if r['source'] != 'un': u['text'] = text
            u.update(rule_rec=r['rule'], tags=r['tags'])
            k.write(json.dumps(u, ensure_ascii=False) + '\n')
