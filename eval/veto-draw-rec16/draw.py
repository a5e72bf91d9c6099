#!/usr/bin/env python3
"""Draw the veto-draw-rec16 sample: development sentences a recommendation rule matches
but one of its vetoes (`unless` / `unless-in-match`) removes (see README.md).

  python3 draw.py draw VETOED-un.jsonl VETOED-news.jsonl VETOED-other.jsonl
  python3 draw.py materialise        # rebuild sentences.tsv from units.jsonl

The VETOED files list the units tagged `recommendation` by the rules with every
recommendation rule's `unless` and `unless-in-match` removed (and examples dropped) but
not by the rules as they stand (`/tmp/rec16/diff.py`, README). Eligible: 6 words or more.
Draws UN 110, news 25, other 15 (half A's briefs, the seeds, ../commentary, ../news-recfig),
seed 1616. UN and brief units carry file name, byte range and text hash only (no speech
or brief text committed); news, commentary, news-recfig and seed units carry their text."""
import hashlib, json, os, random, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 1616
UNGDC = os.environ.get('UNGDC', '/tmp/ungdc')
BRIEFS = os.environ.get('BRIEFS', os.path.join(HERE, '..', '..', '..', 'shared', 'gold', 'briefs'))
def sha(t): return hashlib.sha256(t.encode('utf-8')).hexdigest()[:16]
def raw_text(path, s, e):
    raw = open(path, 'rb').read()[s:e].decode('utf-8')
    return [' '.join(raw.split()), ' '.join(re.sub(r'\*\*|__', '', raw).split())]
def draw(paths):
    rng = random.Random(SEED)
    sample = []
    for path, n in zip(paths, (110, 25, 15)):
        recs = [json.loads(l) for l in open(path, encoding='utf-8')]
        recs = [r for r in recs if len(r['text'].split()) >= 6]
        if recs and recs[0]['src'] == 'un':
            recs = [r for r in recs if ' '.join(r['text'].split()) in raw_text(r['doc'], *r['bytes'])]
        recs.sort(key=lambda r: (r['doc'], r['index']))
        print(f"{path}: eligible {len(recs)}", file=sys.stderr)
        sample += rng.sample(recs, n)
    rng.shuffle(sample)
    with open(os.path.join(HERE, 'units.jsonl'), 'w', encoding='utf-8') as k:
        for i, r in enumerate(sample, 1):
            text = ' '.join(r['text'].split())
            src = r['src']
            if src == 'other':
                src = ('brief' if '/shared/gold/briefs/' in r['doc'] else 'seed' if '/samples/' in r['doc']
                       else 'commentary' if '/commentary/' in r['doc'] else 'news-recfig')
            doc = os.path.basename(r['doc']) if src != 'news' else r['doc']
            u = dict(id='v%03d' % i, source=src, doc=doc, index=r['index'],
                     start=r['bytes'][0], end=r['bytes'][1], sha=sha(text))
            if src not in ('un', 'brief'):
                u['text'] = text
            k.write(json.dumps(u, ensure_ascii=False) + '\n')
def materialise():
    with open(os.path.join(HERE, 'sentences.tsv'), 'w', encoding='utf-8') as out:
        for line in open(os.path.join(HERE, 'units.jsonl'), encoding='utf-8'):
            u = json.loads(line)
            if 'text' in u:
                t = u['text']
            else:
                base = UNGDC if u['source'] == 'un' else BRIEFS
                ts = [t for t in raw_text(os.path.join(base, u['doc']), u['start'], u['end']) if sha(t) == u['sha']]
                if not ts: sys.exit(f"{u['id']}: text changed")
                t = ts[0]
            out.write('%s\t%s\n' % (u['id'], t))
if __name__ == '__main__':
    if sys.argv[1] == 'draw':
        draw(sys.argv[2:5]); materialise()
    else:
        materialise()
