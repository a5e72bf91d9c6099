#!/usr/bin/env python3
"""Score a draw's labels against claimex records: `python3 score.py N UN.jsonl NEWS.jsonl [-v]`.

N is the draw (1 or 2); the records are `claimex extract --all-sentences --profile lean`
of the same inputs as draw.py's. Prints per pool and source: units, y / n / b, tagged now,
and P / R over the y/n units (b left out). -v lists the errors (id, label, rules, text)."""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
n, un, news = sys.argv[1], sys.argv[2], sys.argv[3]
verbose = '-v' in sys.argv
units = [json.loads(l) for l in open(os.path.join(HERE, 'units%s.jsonl' % n))]
labels = {}
for l in open(os.path.join(HERE, 'labels%s.tsv' % n), encoding='utf-8'):
    f = l.rstrip('\n').split('\t')
    if f[0] != 'id': labels[f[0]] = (f[1], f[2] if len(f) > 2 else '')
recs = {}
for path, src in ((un, 'un'), (news, 'news')):
    for l in open(path, encoding='utf-8'):
        r = json.loads(l)
        doc = os.path.basename(r['doc']['path']) if src == 'un' else r['doc']['path']
        recs[src, doc, r['index']] = r
tp = fp = fn = tn = 0
rows = {}
errs = []
for u in units:
    r = recs[u['source'], u['doc'], u['index']]
    tagged = 'figure' in r['labels']
    lab = labels[u['id']][0]
    key = (u['pool'], u['source'])
    c = rows.setdefault(key, dict(units=0, y=0, n=0, b=0, tp=0, fp=0, fn=0))
    c['units'] += 1; c[lab] += 1
    if lab == 'b': continue
    if lab == 'y' and tagged: c['tp'] += 1; tp += 1
    elif lab == 'n' and tagged: c['fp'] += 1; fp += 1; errs.append(('FP', u, r))
    elif lab == 'y': c['fn'] += 1; fn += 1; errs.append(('FN', u, r))
    else: tn += 1
print('pool      source units   y   n   b  TP  FP  FN')
for (pool, src), c in sorted(rows.items()):
    print(f"{pool:9} {src:6} {c['units']:5} {c['y']:3} {c['n']:3} {c['b']:3} {c['tp']:3} {c['fp']:3} {c['fn']:3}")
P = tp / (tp + fp) if tp + fp else 0; R = tp / (tp + fn) if tp + fn else 0
print(f'all: TP {tp} FP {fp} FN {fn} TN {tn}  P {P:.3f} R {R:.3f} (in the drawn units; pools weighted equally)')
if verbose:
    for kind, u, r in errs:
        rules = sorted({t['rule'] + ':' + t['text'] for t in r['tags'] if t['label'] == 'figure'})
        print(kind, u['id'], u['pool'], ','.join(rules), '|', labels[u['id']][1], '|', r['text'][:300])
