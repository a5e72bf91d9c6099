#!/usr/bin/env python3
"""Draw the h-claim5 claim sample (see README.md).

  python3 draw.py RECORDS.jsonl

RECORDS.jsonl: `claimex-r15 extract --rules rules --profile lean --all-sentences` (main 289757d)
over briefsA/ (half A: even indices of `ls /work/shared/gold/briefs | sort`), seeds/
(/work/shared/seeds), commentary/ (eval/commentary/*.txt) and news/KEY16.txt (every
non-empty articleBody of the article-extraction benchmark's ground-truth.json, KEY16 the
first 16 hex digits of its key). Units of 4 to 80 words are split by whether the rules
tag them claim; seed 2025, from each half per source: briefsA 50, seeds 10, commentary 25,
news 40 (250 in all), shuffled. Writes units.jsonl (id, source, doc, index, byte range,
SHA-256 prefix of the whitespace-collapsed text, the text for news (MIT) and commentary
(CC BY-SA) only, and the rules' claim tags at draw time, kept apart from the labelling) and
sentences.tsv (id, source, text: what was labelled; not committed)."""
import hashlib, json, os, random, sys
HERE = os.path.dirname(os.path.abspath(__file__))
QUOTA = dict(briefsA=50, seeds=10, commentary=25, news=40)
def sha(t): return hashlib.sha256(t.encode('utf-8')).hexdigest()[:16]
def main():
    pools = {}
    for line in open(sys.argv[1], encoding='utf-8'):
        r = json.loads(line)
        t = ' '.join(r['text'].split())
        if not (4 <= len(t.split()) <= 80): continue
        src = r['doc']['path'].split('/')[0]
        tagged = 'claim' in r['labels']
        pools.setdefault((src, tagged), []).append(dict(
            source=src, doc=os.path.basename(r['doc']['path']), index=r['index'],
            start=r['source']['bytes'][0], end=r['source']['bytes'][1], sha=sha(t), text=t,
            tags=[g['rule'] for g in r['tags'] if g['label'] == 'claim']))
    rng = random.Random(2025)
    sample = []
    for (src, tagged) in sorted(pools):
        sample += rng.sample(pools[(src, tagged)], min(QUOTA[src], len(pools[(src, tagged)])))
    rng.shuffle(sample)
    with open(os.path.join(HERE, 'units.jsonl'), 'w', encoding='utf-8') as k, \
         open(os.path.join(HERE, 'sentences.tsv'), 'w', encoding='utf-8') as f:
        for i, u in enumerate(sample, 1):
            uid = 'c%03d' % i
            f.write('%s\t%s\t%s\n' % (uid, u['source'], u['text']))
            out = dict(id=uid, source=u['source'], doc=u['doc'], index=u['index'], start=u['start'], end=u['end'], sha=u['sha'])
            if u['source'] in ('news', 'commentary'): out['text'] = u['text']
            out['tags'] = u['tags']
            k.write(json.dumps(out, ensure_ascii=False) + '\n')
    for key in sorted(pools): print(key, len(pools[key]), file=sys.stderr)
if __name__ == '__main__':
    main()
