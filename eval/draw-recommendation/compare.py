#!/usr/bin/env python3
"""Precision of the drawn recommendation records (see README.md).

  python3 compare.py                      # labels against the rules at draw time
  python3 compare.py UN.jsonl NEWS.jsonl  # against later rules' `claimex extract --all-sentences`
                                          # records of the same texts: units no longer tagged
                                          # are listed as removals, right (label n) or wrong (y)
Strict: b counts as wrong; lenient: b counts as right."""
import collections, json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
UNITS, LABELS = os.environ.get('UNITS', 'units.jsonl'), os.environ.get('LABELS', 'labels.tsv')  # the fresh draw: fresh.jsonl, fresh-labels.tsv
units = [json.loads(l) for l in open(os.path.join(HERE, UNITS), encoding='utf-8')]
lab = {}
for line in open(os.path.join(HERE, LABELS), encoding='utf-8'):
    f = line.rstrip('\n').split('\t')
    if f[0] != 'id': lab[f[0]] = (f[1], f[2])
still = None
if len(sys.argv) == 3:
    still = set()
    for path, src in ((sys.argv[1], 'un'), (sys.argv[2], 'news')):
        for line in open(path, encoding='utf-8'):
            r = json.loads(line)
            if 'recommendation' in r['labels']:
                doc = os.path.basename(r['doc']['path']) if src == 'un' else r['doc']['path']
                still.add((src, doc, r['index']))
rows = collections.defaultdict(lambda: [0, 0, 0])
cls = collections.Counter(); removed = collections.Counter()
for u in units:
    l, c = lab[u['id']]
    kept = still is None or (u['source'], u['doc'], u['index']) in still
    if not kept:
        removed[l] += 1
        print('removed', u['id'], u['stratum'], l, c)
        continue
    for key in (u['source'], 'all'):
        rows[key]['ynb'.index(l)] += 1
    if l != 'y': cls[(c, u['stratum'].split('.', 1)[1], l)] += 1
print('source  tagged  y  n  b  P strict  P lenient')
for k in ('un', 'news', 'all'):
    y, n, b = rows[k]; t = y + n + b
    print(f'{k:6} {t:7} {y:3} {n:2} {b:2}  {y / t:.3f}     {(y + b) / t:.3f}')
if still is not None:
    print('removed: right (n) %d, borderline %d, wrong (y) %d' % (removed['n'], removed['b'], removed['y']))
else:
    print('\nwrong (n) and borderline (b) by class, rule:')
    for (c, r, l), k in sorted(cls.items(), key=lambda x: (x[0][0], -x[1])):
        print(f'  {c:20} {r:22} {l} {k}')
