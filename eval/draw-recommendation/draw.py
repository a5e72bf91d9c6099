#!/usr/bin/env python3
"""Draw the recommendation precision sample of the fourteenth round (see README.md).

  python3 draw.py UN-RECORDS.jsonl NEWS-RECORDS.jsonl

The arguments are `claimex extract --all-sentences --profile lean --rules rules` records of
the UN speeches' even-indexed files (`ls /tmp/ungdc | sort`, indices 0, 2, 4 ...) and of the
article-extraction benchmark's news bodies (`--input-format jsonl`, id = the page's key).
Only units the rules tag `recommendation` are drawn (a precision sample), stratified by the
rule of the unit's first recommendation tag, each stratum's share proportional to its size
(largest remainder): UN 140 units, news 60. Units of ../blind-recommendation are left out
(their classes were found there). Writes units.jsonl (id, source, doc, index, byte range,
text hash, the text for news only, the rules' recommendation tags at draw time) and
sentences.tsv (id, stratum rule, text: not committed, rebuilt by
scripts/blind-materialise.py for the text)."""
import hashlib, json, os, random, sys
HERE = os.path.dirname(os.path.abspath(__file__))
SEED = int(os.environ.get('SEED', 1401))
TAG = 'recommendation'
N = {'un': int(os.environ.get('N_UN', 140)), 'news': int(os.environ.get('N_NEWS', 60))}
# A second, fresh draw (README: "A fresh draw"): SEED=1402 N_UN=70 N_NEWS=30 PREFIX=q
# OUT=fresh.jsonl leaves out this sample's units too.
PREFIX = os.environ.get('PREFIX', 'p')
OUT = os.environ.get('OUT', 'units.jsonl')
def sha(t): return hashlib.sha256(t.encode('utf-8')).hexdigest()[:16]
def eligible(r):
    return len(r['text'].split()) >= 8 and r['block']['kind'] not in ('heading', 'furniture', 'footnote')
def blind_keys():
    ks = set()
    files = [os.path.join(HERE, '..', 'blind-recommendation', 'units.jsonl')]
    if OUT != 'units.jsonl': files.append(os.path.join(HERE, 'units.jsonl'))
    for path in files:
        for line in open(path, encoding='utf-8'):
            u = json.loads(line)
            ks.add((u['doc'], u['index']))
    return ks
def load(path, src, skip):
    out = []
    for line in open(path, encoding='utf-8'):
        r = json.loads(line)
        tags = [g for g in r['tags'] if g['label'] == TAG]
        if not tags or not eligible(r): continue
        doc = os.path.basename(r['doc']['path']) if src == 'un' else r['doc']['path']
        if (doc, r['index']) in skip: continue
        out.append(dict(source=src, doc=doc, index=r['index'], bytes=r['source']['bytes'],
                        text=r['text'].strip(), stratum=tags[0]['rule'],
                        tags=[dict(rule=g['rule'], captures={k: v['text'] for k, v in g['captures'].items()})
                              for g in tags]))
    return out
def allocate(strata, n):
    total = sum(len(v) for v in strata.values())
    quota = {k: n * len(v) / total for k, v in strata.items()}
    alloc = {k: int(q) for k, q in quota.items()}
    for k in sorted(quota, key=lambda k: (-(quota[k] - alloc[k]), k))[:n - sum(alloc.values())]:
        alloc[k] += 1
    return alloc
if __name__ == '__main__':
    rng = random.Random(SEED)
    skip = blind_keys()
    sample = []
    for src, path in (('un', sys.argv[1]), ('news', sys.argv[2])):
        recs = load(path, src, skip)
        strata = {}
        for r in recs: strata.setdefault(r['stratum'], []).append(r)
        alloc = allocate(strata, N[src])
        print(src, len(recs), {k: v for k, v in sorted(alloc.items(), key=lambda x: -x[1]) if v}, file=sys.stderr)
        for k in sorted(strata):
            sample += rng.sample(strata[k], alloc[k])
    rng.shuffle(sample)
    with open(os.path.join(HERE, 'sentences.tsv' if OUT == 'units.jsonl' else 'fresh-sentences.tsv'), 'w', encoding='utf-8') as f, \
         open(os.path.join(HERE, OUT), 'w', encoding='utf-8') as k:
        for i, r in enumerate(sample, 1):
            sid = '%s%03d' % (PREFIX, i)
            f.write('%s\t%s\t%s\n' % (sid, r['stratum'].split('.', 1)[1], r['text'].replace('\t', ' ').replace('\n', ' ')))
            text = ' '.join(r['text'].split())
            u = dict(id=sid, source=r['source'], doc=r['doc'], index=r['index'],
                     start=r['bytes'][0], end=r['bytes'][1], sha=sha(text), stratum=r['stratum'])
            if r['source'] != 'un': u['text'] = text
            u['tags'] = r['tags']
            k.write(json.dumps(u, ensure_ascii=False) + '\n')
