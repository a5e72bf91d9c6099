#!/usr/bin/env python3
"""Draw the fig12 samples: figure-tagged and untagged numeric development sentences (README.md).

  python3 draw.py UN-RECORDS.jsonl NEWS-RECORDS.jsonl

The arguments are `claimex extract --all-sentences --profile lean --rules rules -j 1` records
of the UN speeches' even-indexed files (of `ls /tmp/ungdc | sort`) and of the news bodies
(`--input-format jsonl`, id = the page's key). A unit is eligible with 5 to 80 words, not
furniture or a footnote, and (UN) when its source byte range gives back its text. Pools:
tagged = the rules gave it `figure`; untagged numeric = no `figure` and a digit or number
word (NUMERIC, as scripts/speech-set.py --filter numeric).

Draw 1 (seed 1212): 200 UN + 100 news tagged (precision), 150 UN + 50 news untagged
numeric (recall). Draw 2 (seed 2424, disjoint from draw 1): 75 UN + 25 news tagged, 75 UN +
25 news untagged numeric (the check). Each draw's units are shuffled together, so the
annotator does not see which pool a unit came from. Writes units1.jsonl / units2.jsonl (id,
source, pool, doc, index, byte range, text hash, the text for news only) and
sentences1.tsv / sentences2.tsv (id, text: the files that were labelled; not committed,
rebuilt by scripts/blind-materialise.py from a copy named units.jsonl)."""
import hashlib, json, os, random, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
TAG = 'figure'
NUMERIC = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|"
    r"dozens?|half|third|quarter|twice|double[ds]?|triple[ds]?|percent|per cent)\b", re.I)
def sha(t): return hashlib.sha256(t.encode('utf-8')).hexdigest()[:16]
def eligible(r):
    n = len(r['text'].split())
    return 5 <= n <= 80 and r['block']['kind'] not in ('furniture', 'footnote')
def raw_ok(r):
    raw = open(r['doc']['path'], 'rb').read()[r['source']['bytes'][0]:r['source']['bytes'][1]].decode('utf-8')
    t = ' '.join(r['text'].split())
    return t in (' '.join(raw.split()), ' '.join(re.sub(r'\*\*|__', '', raw).split()))
def load(path, src):
    tagged, untagged = [], []
    for line in open(path, encoding='utf-8'):
        r = json.loads(line)
        if not eligible(r): continue
        t = TAG in r['labels']
        if not t and not NUMERIC.search(r['text']): continue
        if src == 'un' and not raw_ok(r): continue
        u = dict(source=src, doc=r['doc']['path'], index=r['index'], bytes=r['source']['bytes'],
                 text=' '.join(r['text'].split()))
        (tagged if t else untagged).append(u)
    return tagged, untagged
def write(sample, n):
    with open(os.path.join(HERE, 'sentences%d.tsv' % n), 'w', encoding='utf-8') as f, \
         open(os.path.join(HERE, 'units%d.jsonl' % n), 'w', encoding='utf-8') as k:
        for i, (pool, r) in enumerate(sample, 1):
            sid = '%s%03d' % ('a' if n == 1 else 'c', i)
            f.write('%s\t%s\n' % (sid, r['text'].replace('\t', ' ')))
            doc = os.path.basename(r['doc']) if r['source'] == 'un' else r['doc']
            u = dict(id=sid, source=r['source'], pool=pool, doc=doc, index=r['index'],
                     start=r['bytes'][0], end=r['bytes'][1], sha=sha(r['text']))
            if r['source'] != 'un': u['text'] = r['text']
            k.write(json.dumps(u, ensure_ascii=False) + '\n')
if __name__ == '__main__':
    pools = {}
    for path, src in ((sys.argv[1], 'un'), (sys.argv[2], 'news')):
        pools[src, 'tagged'], pools[src, 'untagged'] = load(path, src)
        print(f'{src}: tagged {len(pools[src, "tagged"])}, untagged numeric {len(pools[src, "untagged"])}', file=sys.stderr)
    used = set()
    for n, seed, sizes in ((1, 1212, {('un', 'tagged'): 200, ('news', 'tagged'): 100, ('un', 'untagged'): 150, ('news', 'untagged'): 50}),
                           (2, 2424, {('un', 'tagged'): 75, ('news', 'tagged'): 25, ('un', 'untagged'): 75, ('news', 'untagged'): 25})):
        rng = random.Random(seed)
        sample = []
        for key, k in sizes.items():
            cand = [r for r in pools[key] if (r['doc'], r['index']) not in used]
            for r in rng.sample(cand, k):
                used.add((r['doc'], r['index']))
                sample.append((key[1], r))
        rng.shuffle(sample)
        write(sample, n)
