#!/usr/bin/env python3
"""Draw the h-pos23 position precision samples (see README.md): simple random samples of
units the rules tag `position`, from the UN speeches' development half and the news bodies.

  python3 draw.py RECORDS.jsonl SEED N_UN N_NEWS SUFFIX [EXCLUDE_UNITS.jsonl ...]

RECORDS.jsonl: `claimex-r17 extract un news --rules rules --profile lean` where un/ holds the
even-indexed files of `ls /tmp/ungdc | sort` (0-based indices 0, 2, 4 ...) and news/ every
`articleBody` of the article-extraction benchmark's ground-truth.json as KEY.txt. Eligible:
units tagged position, 6 to 80 words, not ending in "?". N_UN of the UN units and N_NEWS of
the news units are drawn with random.Random(SEED).sample (after sorting by doc and index, and
leaving out the units of EXCLUDE files), then shuffled together.
Writes units{SUFFIX}.jsonl (id, source, doc, index, byte range, SHA-256 prefix of the
whitespace-collapsed text, the text for news only, the position tags at draw time: rule and
captures) and blind{SUFFIX}.tsv (id and text only: the file labelled; not committed, rebuilt
by `python3 scripts/blind-materialise.py` on a copy whose units file is named units.jsonl)."""
import hashlib, json, os, random, sys
HERE = os.path.dirname(os.path.abspath(__file__))
def sha(t): return hashlib.sha256(t.encode('utf-8')).hexdigest()[:16]
def main():
    path, seed, n_un, n_news, suffix = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    excl = set()
    for p in sys.argv[6:]:
        for line in open(p, encoding='utf-8'):
            u = json.loads(line); excl.add((u['doc'], u['index']))
    pools = {'un': [], 'news': []}
    for line in open(path, encoding='utf-8'):
        r = json.loads(line)
        if 'position' not in r['labels']: continue
        t = ' '.join(r['text'].split())
        if not (6 <= len(t.split()) <= 80) or t.endswith('?'): continue
        src = 'news' if r['doc']['path'].startswith('news/') else 'un'
        doc = os.path.basename(r['doc']['path'])
        if src == 'news': doc = doc[:-4]
        if (doc, r['index']) in excl: continue
        tags = [g for g in r['tags'] if g['label'] == 'position']
        pools[src].append(dict(source=src, doc=doc, index=r['index'], start=r['source']['bytes'][0],
                               end=r['source']['bytes'][1], sha=sha(t), text=t,
                               tags=[dict(rule=g['rule'], captures={k: v['text'] for k, v in g['captures'].items()}) for g in tags]))
    rng = random.Random(seed)
    sample = []
    for src, n in (('un', n_un), ('news', n_news)):
        pool = sorted(pools[src], key=lambda u: (u['doc'], u['index']))
        sample += rng.sample(pool, n)
    rng.shuffle(sample)
    pre = 'd' if suffix == '' else 'e'
    with open(os.path.join(HERE, f'units{suffix}.jsonl'), 'w', encoding='utf-8') as k, \
         open(os.path.join(HERE, f'blind{suffix}.tsv'), 'w', encoding='utf-8') as f:
        for i, u in enumerate(sample, 1):
            uid = '%s%03d' % (pre, i)
            f.write('%s\t%s\t%s\n' % (uid, u['doc'], u['text']))
            out = dict(id=uid, source=u['source'], doc=u['doc'], index=u['index'], start=u['start'], end=u['end'], sha=u['sha'])
            if u['source'] == 'news': out['text'] = u['text']
            out['tags'] = u['tags']
            k.write(json.dumps(out, ensure_ascii=False) + '\n')
    print('eligible', {s: len(v) for s, v in pools.items()}, 'sample', len(sample), file=sys.stderr)
if __name__ == '__main__':
    main()
