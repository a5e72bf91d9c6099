#!/usr/bin/env python3
"""Score rules against the draw's blind labels (see README.md).

  python3 compare.py UN-RECORDS.jsonl NEWS-RECORDS.jsonl COMMENTARY-RECORDS.jsonl [-v]

The records are `claimex extract --all-sentences --profile lean --rules rules` over the
same inputs as draw.py. Prints, per source, how many of the draw's y (and b) units the
rules now tag and how many n units they tag, and the recall estimate over the cue pool:
R = P*T / (P*T + y_rate*U), where T and U are the draw's tagged / untagged pool sizes at
draw time, y_rate the share of y labels among the untagged units not tagged now, and P
the precision of the tagged pool taken from ../blind-recommendation (UN .90 lenient, news
.75 lenient; there borderline counts as yes, as the briefs' lenient gold reads)."""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
POOL = {'un': (10064, 9489, .90), 'news': (247, 872, .75), 'commentary': (27, 61, 1.0)}
units = [json.loads(l) for l in open(os.path.join(HERE, 'units.jsonl'), encoding='utf-8')]
labels = {l.split('\t')[0]: l.rstrip('\n').split('\t') for l in open(os.path.join(HERE, 'labels.tsv'), encoding='utf-8')}
tagged = {}
for path, src in zip(sys.argv[1:4], ('un', 'news', 'commentary')):
    for l in open(path, encoding='utf-8'):
        r = json.loads(l)
        doc = os.path.basename(r['doc']['path']) if src != 'news' else r['doc']['path']
        tagged[(src, doc, r['index'])] = [g['rule'] for g in r['tags'] if g['label'] == 'recommendation']
print('source  units  y  y-tagged-now  b  b-tagged-now  n  n-tagged-now  est.R(before)  est.R(now)')
for src in ('un', 'news', 'commentary'):
    us = [u for u in units if u['source'] == src]
    c = {k: [0, 0] for k in 'ynb'}
    for u in us:
        lab = labels[u['id']][1]
        t = tagged.get((src, u['doc'], u['index']))
        c[lab][0] += 1; c[lab][1] += bool(t)
        if '-v' in sys.argv and t: print('  ', u['id'], lab, t)
    T, U, P = POOL[src]
    n = len(us)
    before = P * T / (P * T + c['y'][0] / n * U)
    # now: y units tagged move from the untagged pool's misses to hits
    hit = c['y'][1] / n * U
    now = (P * T + hit) / (P * T + c['y'][0] / n * U)
    print(f"{src:10} {n:4} {c['y'][0]:3} {c['y'][1]:4} {c['b'][0]:4} {c['b'][1]:4} {c['n'][0]:4} {c['n'][1]:4}   {before:.2f}   {now:.2f}")
