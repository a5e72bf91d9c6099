#!/usr/bin/env python3
"""Draw the check sample (check/): 200 more untagged units from the same pool as draw.py
(seed 1418), less draw.py's 300, labelled the same way after the rule changes were made
and before they were run on these units: a measure of the changes on units they were not
written from. `python3 draw-check.py RECORDS.jsonl` (the same records as draw.py: rules of
main 2e06511)."""
import importlib.util, json, os, random, sys
HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('draw', os.path.join(HERE, 'draw.py'))
d = importlib.util.module_from_spec(spec); spec.loader.exec_module(d)
first = set()
for l in open(os.path.join(HERE, 'units.jsonl'), encoding='utf-8'):
    u = json.loads(l); first.add((u['doc'], u['start'], u['end']))
skip = d.seen() | first
recs = []
for line in open(sys.argv[1], encoding='utf-8'):
    r = json.loads(line); t = r['text'].strip()
    if not d.eligible(t) or 'position' in r['labels']: continue
    key = (os.path.basename(r['doc']['path']), r['source']['bytes'][0], r['source']['bytes'][1])
    if not d.nontrivial(t) or key in skip: continue
    recs.append((key, r['index'], t))
sample = random.Random(1418).sample(recs, 200)
out = os.path.join(HERE, 'check'); os.makedirs(out, exist_ok=True)
with open(os.path.join(out, 'sentences.tsv'), 'w', encoding='utf-8') as f, \
     open(os.path.join(out, 'units.jsonl'), 'w', encoding='utf-8') as k:
    for i, (key, index, t) in enumerate(sample, 1):
        sid = 's%03d' % i; text = ' '.join(t.split())
        f.write('%s\t%s\n' % (sid, text))
        k.write(json.dumps(dict(id=sid, source='un', doc=key[0], index=index, start=key[1], end=key[2],
                                sha=d.sha(text))) + '\n')
print(len(recs), 'in the pool', file=sys.stderr)
