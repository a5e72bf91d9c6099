#!/usr/bin/env python3
"""Score labels.tsv against the rules' claim tags: those at draw time (units.jsonl), or a new
extraction (RECORDS.jsonl, same sources and paths as draw.py's): python3 score.py [RECORDS.jsonl] [-v]"""
import collections, hashlib, json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
units = [json.loads(l) for l in open(os.path.join(HERE, 'units.jsonl'), encoding='utf-8')]
lab = {l.split('\t')[0]: l.rstrip('\n').split('\t') for l in open(os.path.join(HERE, 'labels.tsv'), encoding='utf-8')}
args = [a for a in sys.argv[1:] if a != '-v']; verbose = '-v' in sys.argv
tags = {u['id']: u['tags'] for u in units}
if args:
    rec = {}
    for line in open(args[0], encoding='utf-8'):
        r = json.loads(line)
        rec[(r['doc']['path'].split('/')[0], os.path.basename(r['doc']['path']), r['source']['bytes'][0])] = (
            [g['rule'] for g in r['tags'] if g['label'] == 'claim'], r['text'])
    texts = {}
    for u in units:
        t, x = rec[(u['source'], u['doc'], u['start'])]
        assert hashlib.sha256(' '.join(x.split()).encode()).hexdigest()[:16] == u['sha'], u['id']
        tags[u['id']] = t; texts[u['id']] = ' '.join(x.split())
c = collections.Counter(); fp = collections.Counter(); fn = collections.Counter(); rule = collections.Counter(); rule_fp = collections.Counter()
for u in units:
    y = lab[u['id']][1] == 'y'; t = bool(tags[u['id']]); cls = lab[u['id']][2]
    c[(y, t)] += 1
    if t and not y: fp[cls] += 1
    if y and not t: fn[cls] += 1
    for r in set(tags[u['id']]):
        rule[r] += 1
        if not y: rule_fp[r] += 1
    if verbose and y != t: print(u['id'], 'FP' if t else 'FN', cls, tags[u['id']], lab[u['id']][3], (texts.get(u['id']) if args else u.get('text', ''))[:200])
tp, fpn, fnn, tn = c[(True, True)], c[(False, True)], c[(True, False)], c[(False, False)]
print(f'TP {tp} FP {fpn} FN {fnn} TN {tn}  P {tp/(tp+fpn):.3f} R {tp/(tp+fnn):.3f}')
print('FP by class', dict(fp.most_common())); print('FN by class', dict(fn.most_common()))
for r in sorted(rule, key=lambda r: -rule[r]): print(f'  {r:28s} {rule[r]:3d} fired {rule_fp[r]:3d} wrong')
