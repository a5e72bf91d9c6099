#!/usr/bin/env python3
"""Score a rule set's position records on the h-pos23 draws (see README.md).

  python3 score.py RECORDS.jsonl [2]

RECORDS.jsonl: `claimex extract un news --rules rules --profile lean` as in draw.py. A drawn
unit counts as still tagged when the records hold a position record for its document and
sentence index. Prints, per source, the drawn units still tagged and their labels (strict:
b as no; lenient: b as yes), and lists the labelled units that lost the tag."""
import collections, csv, json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
suffix = sys.argv[2] if len(sys.argv) > 2 else ''
tagged = set()
for line in open(sys.argv[1], encoding='utf-8'):
    r = json.loads(line)
    if 'position' in r['labels']:
        p = r['doc']['path']; doc = os.path.basename(p)
        if p.startswith('news/'): doc = doc[:-4]
        tagged.add((doc, r['index']))
L = {r['id']: r for r in csv.DictReader(open(os.path.join(HERE, f'labels{suffix}.tsv'), encoding='utf-8'), delimiter='\t')}
U = [json.loads(l) for l in open(os.path.join(HERE, f'units{suffix}.jsonl'), encoding='utf-8')]
for src in ('un', 'news', 'all'):
    before, after = collections.Counter(), collections.Counter()
    for u in U:
        if src != 'all' and u['source'] != src: continue
        lab = L[u['id']]['label']; before[lab] += 1
        if (u['doc'], u['index']) in tagged: after[lab] += 1
    def pr(c):
        n = sum(c.values())
        return f"{n:3d} tagged: y {c['y']:3d} b {c['b']:3d} n {c['n']:3d}  strict {c['y']/n:.3f} lenient {(c['y']+c['b'])/n:.3f}"
    print(f"{src:5s} before {pr(before)}\n      after  {pr(after)}")
for u in U:
    if (u['doc'], u['index']) not in tagged:
        l = L[u['id']]; print('lost', u['id'], u['source'], l['label'], l['class'], l['note'])
