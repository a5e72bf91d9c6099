#!/usr/bin/env python3
"""Draw the h-pos18 position precision sample (see README.md).

  python3 draw.py RECORDS.jsonl [N]
  python3 draw.py RECORDS.jsonl N SEED RULE,RULE,...   # second draw: N per named rule, files *2.*

RECORDS.jsonl: `claimex-r14 extract --rules rules --profile lean` over the UN speeches'
even-indexed files (`ls /tmp/ungdc | sort`, indices 0, 2, 4 ...: paths un/NAME) and over
every `articleBody` of the article-extraction benchmark's ground-truth.json (paths
news/KEY.txt). Units tagged `position`, 6 to 80 words, not ending in "?", are grouped by
the rule of their first position tag; N (default 200) are drawn, seed 1818, each rule's
share proportional to the square root of its count (rules with fewer than 20 units
pooled as "other"), so the rules that fire most give most records without swamping the
rest. Writes units.jsonl (id, source, doc, index, byte range, SHA-256 prefix of the
whitespace-collapsed text, the text for news only, stratum, stratum size, position tags
at draw time: rule and captures; the match text too for news) and sentences.tsv (id, rules' tags, text; not committed: rebuilt by
`python3 scripts/blind-materialise.py eval/draw-position18`, which gives id and text)."""
import collections, hashlib, json, math, os, random, sys
HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 1818
def sha(t): return hashlib.sha256(t.encode('utf-8')).hexdigest()[:16]
def main():
    n_total = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else SEED
    only = ['position.' + x for x in sys.argv[4].split(',')] if len(sys.argv) > 4 else None
    suffix = '2' if only else ''
    units = []
    for line in open(sys.argv[1], encoding='utf-8'):
        r = json.loads(line)
        if 'position' not in r['labels']: continue
        t = ' '.join(r['text'].split())
        if not (6 <= len(t.split()) <= 80) or t.endswith('?'): continue
        tags = [g for g in r['tags'] if g['label'] == 'position']
        src = 'news' if r['doc']['path'].startswith('news/') else 'un'
        units.append(dict(source=src, doc=os.path.basename(r['doc']['path']) if src == 'un' else os.path.basename(r['doc']['path'])[:-4],
                          index=r['index'], start=r['source']['bytes'][0], end=r['source']['bytes'][1], sha=sha(t), text=t,
                          rule=tags[0]['rule'],
                          tags=[dict(rule=g['rule'], text=g['text'], captures={k: v['text'] for k, v in g['captures'].items()}) for g in tags]))
    count = collections.Counter(u['rule'] for u in units)
    for u in units:
        u['stratum'] = u['rule'] if count[u['rule']] >= 20 else 'other'
    strata = collections.defaultdict(list)
    for u in units: strata[u['stratum']].append(u)
    root = {s: math.sqrt(len(v)) for s, v in strata.items()}
    alloc = {s: max(1, round(n_total * root[s] / sum(root.values()))) for s in strata}
    if only:
        strata = {s: v for s, v in strata.items() if s in only}; alloc = {s: n_total for s in strata}
    rng = random.Random(seed)
    sample = []
    for s in sorted(strata):
        pick = rng.sample(strata[s], min(alloc[s], len(strata[s])))
        for u in pick: u['stratum_size'] = len(strata[s])
        sample += pick
    rng.shuffle(sample)
    with open(os.path.join(HERE, f'units{suffix}.jsonl'), 'w', encoding='utf-8') as k, \
         open(os.path.join(HERE, f'sentences{suffix}.tsv'), 'w', encoding='utf-8') as f:
        for i, u in enumerate(sample, 1):
            uid = ('q%03d' if only else 'p%03d') % i
            f.write('%s\t%s\t%s\n' % (uid, ' | '.join('%s [%s] %s' % (g['rule'][9:], g['text'], g['captures'].get('actor', '')) for g in u['tags']), u['text']))
            out = dict(id=uid, source=u['source'], doc=u['doc'], index=u['index'], start=u['start'], end=u['end'], sha=u['sha'])
            if u['source'] == 'news': out['text'] = u['text']
            tags = u['tags'] if u['source'] == 'news' else [dict(rule=g['rule'], captures=g['captures']) for g in u['tags']]
            out.update(stratum=u['stratum'], stratum_size=u['stratum_size'], tags=tags)  # no match text of a speech
            k.write(json.dumps(out, ensure_ascii=False) + '\n')
    print('units', len(units), 'sample', len(sample), file=sys.stderr)
    for s in sorted(strata, key=lambda s: -len(strata[s])): print(f'{len(strata[s]):5d} {alloc[s]:3d} {s}', file=sys.stderr)
if __name__ == '__main__':
    main()
