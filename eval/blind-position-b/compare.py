#!/usr/bin/env python3
"""Score the rules against labels.tsv.  python3 compare.py [RECORDS.jsonl]
Without an argument: the rules at draw time (units.jsonl). With one: a fresh
`claimex extract --all-sentences --profile lean` run over draw.py's prepared DIR; units
are matched by (doc, index) and checked by text hash. Recall is estimated per source from
the tagged and untagged strata weighted by their sizes (draw.py's counts; trivial
untagged units are assumed to hold no position). Prints y/b counts; strict = b as no."""
import hashlib, json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
STRATA = {'news': (350, 390), 'commentary': (116, 246), 'ewt': (273, 1165)}  # tagged, untagged non-trivial
def sha(t): return hashlib.sha256(t.encode('utf-8')).hexdigest()[:16]
units = [json.loads(l) for l in open(os.path.join(HERE, 'units.jsonl'), encoding='utf-8')]
lab = {r[0]: r[1] for r in (l.rstrip('\n').split('\t') for l in open(os.path.join(HERE, 'labels.tsv'), encoding='utf-8')) if r[0] != 'id'}
now = None
if len(sys.argv) > 1:
    now = {}
    for l in open(sys.argv[1], encoding='utf-8'):
        r = json.loads(l)
        now[(os.path.basename(r['doc']['path']), r['index'])] = (sha(' '.join(r['text'].split())), 'position' in r['labels'])
for reading, pos in (('strict', {'y'}), ('lenient', {'y', 'b'})):
    tot = dict(tp=0, fp=0, fn=0)
    for src, (nt, nu) in STRATA.items():
        us = [u for u in units if u['source'] == src]
        c = dict(tt=0, tr=0, ut=0, um=0, ut_tag=0)
        for u in us:
            tagged = u['rule_pos']
            if now is not None:
                h, tagged = now[(u['doc'], u['index'])]
                assert h == u['sha'], u['id']
            y = lab[u['id']] in pos
            if u['rule_pos']:  # stratum by draw time
                c['tt'] += 1
                if tagged and y: c['tr'] += 1
                if not tagged and y: c['um'] += 1
            else:
                c['ut'] += 1
                if y and not tagged: c['um_u'] = c.get('um_u', 0) + 1
                if y and tagged: c['ut_tag'] += 1
        # estimated counts in the population
        tp = nt * c['tr'] / c['tt'] + nu * c['ut_tag'] / c['ut']
        fn = nt * c['um'] / c['tt'] + nu * c.get('um_u', 0) / c['ut']
        print(f"{reading:8} {src:10} drawn-tagged {c['tt']:3} right {c['tr']:3} | drawn-untagged {c['ut']:3}: positives now tagged {c['ut_tag']:2}, missed {c.get('um_u',0):2} | est. R {tp/(tp+fn):.2f}")
        tot['tp'] += tp; tot['fn'] += fn
    print(f"{reading:8} {'all':10} est. R {tot['tp']/(tot['tp']+tot['fn']):.2f}")
