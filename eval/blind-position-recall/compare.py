#!/usr/bin/env python3
"""Score rules on the blind-position-recall draw: which labelled positives the rules now tag.

  python3 compare.py RECORDS.jsonl

RECORDS.jsonl: `claimex extract --rules rules --all-sentences --profile lean` over the 548
even-indexed speeches (as draw.py). Prints, for the 300 units (all untagged at draw time),
how many y and n units the rules tag now, and the estimated recall on the speeches'
development half: tagged positives / (tagged positives + untagged positives), with the
tagged units' precision taken from ../blind-position (lenient reading, pronoun holders
counted as the briefs' gold does) and the untagged stratum's positive rate from this draw."""
import csv, json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
units = {}
for l in open(os.path.join(HERE, 'units.jsonl'), encoding='utf-8'):
    u = json.loads(l); units[(u['doc'], u['start'], u['end'])] = u['id']
labels = {r['id']: r for r in csv.DictReader(open(os.path.join(HERE, 'labels.tsv'), encoding='utf-8'), delimiter='\t')}
tagged, ntag_all, nelig = {}, 0, 0
for l in open(sys.argv[1], encoding='utf-8'):
    r = json.loads(l)
    t = r['text'].strip(); w = t.split()
    if not (6 <= len(w) <= 80 and not t.rstrip().endswith('?')): continue
    nelig += 1
    pos = 'position' in r['labels']
    ntag_all += pos
    k = (os.path.basename(r['doc']['path']), r['source']['bytes'][0], r['source']['bytes'][1])
    if k in units:
        tagged[units[k]] = [g['rule'] for g in r['tags'] if g['label'] == 'position']
ys = [i for i, r in labels.items() if r['label'] == 'y']
core = [i for i in ys if 'borderline' not in labels[i]['note']]
hit = [i for i in ys if tagged.get(i)]
fp = [i for i, r in labels.items() if r['label'] == 'n' and tagged.get(i)]
print(f'draw: {len(labels)} units, {len(ys)} y ({len(core)} not borderline); now tagged: {len(hit)} y, {len(fp)} n')
for i in hit: print('  y tagged', i, tagged[i])
for i in fp: print('  n tagged', i, tagged[i])
# recall estimate at draw time (draw.py counts: 7,149 tagged of 54,961 eligible; 36,619 untagged non-trivial)
P_TAGGED = (114 + 12) / 150    # ../blind-position UN, lenient + pronoun holders (the briefs' convention)
NT, NU = 7149, 36619
for name, yy in (('all y', ys), ('core y', core)):
    rate = len(yy) / len(labels)
    tp = NT * P_TAGGED; fn = NU * rate
    rate_now = (len(yy) - len([i for i in yy if tagged.get(i)])) / len(labels)
    tp_now = tp + NU * (rate - rate_now)
    print(f'{name}: untagged positive rate {rate:.3f} -> {rate_now:.3f}; est. recall {tp / (tp + fn):.2f} -> {tp_now / (tp + fn):.2f}')
