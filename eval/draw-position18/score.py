#!/usr/bin/env python3
"""Score a rule set on the labelled draw (labels.tsv): python3 score.py RECORDS.jsonl [2]
(with 2: the second draw, labels2.tsv and units2.jsonl)

RECORDS.jsonl: `claimex extract --rules DIR --profile lean` over the same inputs as draw.py
(un/NAME for the speeches' even-indexed files, news/KEY.txt for the news bodies). Prints
the draw's precision (raw and weighted by stratum size; strict: b = no, lenient: b = yes)
for the units still tagged `position`, and the labelled units that lost the tag."""
import collections, json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
suf = sys.argv[2] if len(sys.argv) > 2 else ''
lab = {}
for line in open(os.path.join(HERE, f'labels{suf}.tsv'), encoding='utf-8').read().splitlines()[1:]:
    i, l, c, n = line.split('\t'); lab[i] = (l, c, n)
units = [json.loads(l) for l in open(os.path.join(HERE, f'units{suf}.jsonl'), encoding='utf-8')]
tagged = set()
for line in open(sys.argv[1], encoding='utf-8'):
    r = json.loads(line)
    if 'position' in r['labels']:
        p = r['doc']['path']; src = 'news' if p.startswith('news/') else 'un'
        d = os.path.basename(p); d = d[:-4] if src == 'news' else d
        tagged.add((d, r['index']))
by = collections.defaultdict(collections.Counter); size = {}
lost = []
for u in units:
    l = lab[u['id']][0]; size[u['stratum']] = u['stratum_size']
    if (u['doc'], u['index']) in tagged: by[u['stratum']][l] += 1
    else: lost.append((u['id'], l, lab[u['id']][1], lab[u['id']][2]))
n = collections.Counter(); [n.update(c) for c in by.values()]
tot = sum(size.values())
for name, yes in (('strict', ('y',)), ('lenient', ('y', 'b'))):
    raw = sum(n[k] for k in yes) / sum(n.values())
    w = sum(size[s] * sum(c[k] for k in yes) / sum(c.values()) for s, c in by.items() if sum(c.values())) / tot
    print(f'{name}: tagged {sum(n.values())}, right {sum(n[k] for k in yes)}, P {raw:.3f}, weighted P {w:.3f}')
print('lost the tag:', len(lost))
for x in lost: print('  ', *x)
