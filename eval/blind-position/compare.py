#!/usr/bin/env python3
"""Score the rules' position tags at draw time (units.jsonl) against the blind labels (labels.tsv).

Precision is read from the tagged stratum. Recall is estimated from both strata weighted by
their sizes in the pool (POOL, printed by draw.py's load at draw time); the untagged sentences
that fail the non-trivial filter (no capitalised word after the first, no pronoun subject, or
no verb-like token) are assumed to hold no position. 'b' (borderline) labels are scored both
ways: b=no is the strict reading of TAGGING.md, b=yes the lenient one."""
import json, os
os.chdir(os.path.dirname(os.path.abspath(__file__)))
POOL = {'un': (7059, 36987), 'news': (958, 2842)}   # (tagged, untagged non-trivial) eligible units
lab = {}
for line in open('labels.tsv').read().splitlines()[1:]:
    f = line.split('\t') + ['', '']
    lab[f[0]] = f[1]
key = [json.loads(l) for l in open('units.jsonl')]
print('source  reading  tagged right wrong  P     | untagged missed  est.R  est.F1')
for src in ('un', 'news'):
    items = [k for k in key if k['source'] == src]
    for strict in (True, False):
        gold = lambda k: lab[k['id']] == 'y' or (lab[k['id']] == 'b' and not strict)
        t = [k for k in items if k['rule_pos']]; u = [k for k in items if not k['rule_pos']]
        tp = sum(gold(k) for k in t); fn = sum(gold(k) for k in u)
        P = tp / len(t); miss = fn / len(u)
        R = P * POOL[src][0] / (P * POOL[src][0] + miss * POOL[src][1])
        print(f"{src:6}  {'b=no ' if strict else 'b=yes'}    {len(t):5} {tp:5} {len(t)-tp:5}  {P:.2f}  | {len(u):8} {fn:6}  {R:.2f}   {2*P*R/(P+R):.2f}")
