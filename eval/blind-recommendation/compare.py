#!/usr/bin/env python3
"""Score the rules' recommendation tags at draw time (units.jsonl) against the blind labels (labels.tsv).

Precision is read from the tagged stratum. Recall is estimated from both strata weighted by
their sizes in the pool (POOL, printed by draw.py at draw time). News and commentary were
drawn as one pool (uniformly), so each is also scored on its own share of the sample with its
own pool sizes. 'b' (borderline) labels are scored both ways: b=no is the strict reading of
TAGGING.md, b=yes the lenient one.  -v lists the disagreements."""
import json, os, sys
os.chdir(os.path.dirname(os.path.abspath(__file__)))
POOL = {'un': (10943, 43988), 'news': (307, 5552), 'commentary': (32, 373),
        'news+commentary': (339, 5925)}   # (tagged, untagged) eligible units
lab = {}
for line in open('labels.tsv').read().splitlines()[1:]:
    f = line.split('\t') + ['', '', '']
    lab[f[0]] = (f[1], f[2], f[3])
key = [json.loads(l) for l in open('units.jsonl')]
print('source           reading  tagged right wrong  P     | untagged missed  est.R  est.F1')
for src in ('un', 'news', 'commentary', 'news+commentary'):
    items = [k for k in key if k['source'] == src or (src == 'news+commentary' and k['source'] != 'un')]
    for strict in (True, False):
        gold = lambda k: lab[k['id']][0] == 'y' or (lab[k['id']][0] == 'b' and not strict)
        t = [k for k in items if k['rule_rec']]; u = [k for k in items if not k['rule_rec']]
        tp = sum(gold(k) for k in t); fn = sum(gold(k) for k in u)
        P = tp / len(t); miss = fn / len(u)
        R = P * POOL[src][0] / (P * POOL[src][0] + miss * POOL[src][1]) if tp + fn else 0
        F = 2 * P * R / (P + R) if P + R else 0
        print(f"{src:16} {'b=no ' if strict else 'b=yes'}    {len(t):5} {tp:5} {len(t)-tp:5}  {P:.2f}  | {len(u):8} {fn:6}  {R:.2f}   {F:.2f}")
if '-v' in sys.argv:
    txt = dict(l.rstrip('\n').split('\t', 1) for l in open('sentences.tsv'))
    for k in key:
        l = lab[k['id']][0]
        if k['rule_rec'] and l != 'y' or not k['rule_rec'] and l != 'n':
            print(k['id'], k['source'], 'TAG' if k['rule_rec'] else 'untagged', l,
                  ';'.join(t['rule'] + str(t['captures']) for t in k['tags']), '|', txt[k['id']], '|', lab[k['id']][2])
