#!/usr/bin/env python3
"""Draw the cue-draw-rec16 sample: development sentences the rules leave untagged for
`recommendation` that hold a deontic cue (see README.md).

  python3 draw.py draw UN.jsonl NEWS.jsonl OTHER.jsonl   # records of `claimex extract --all-sentences`
  python3 draw.py materialise                             # rebuild sentences.tsv from units.jsonl

Eligible: 8 words or more, not furniture or a footnote, not a unit of ../draw-rec13 or
../veto-draw-rec16 (already labelled), a cue (CUE) or a first word of
rules/lexicons/base-verbs.txt (an imperative, list items included). UN and brief units
carry file name, byte range and text hash only; the rest carry their text.
Draws UN 110, news 30, other 20 (half A's briefs, the seeds, ../commentary,
../news-recfig), seed 1617."""
import hashlib, json, os, random, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 1617
TAG = 'recommendation'
UNGDC = os.environ.get('UNGDC', '/tmp/ungdc')
BRIEFS = os.environ.get('BRIEFS', os.path.join(HERE, '..', '..', '..', 'shared', 'gold', 'briefs'))
CUE = re.compile(r"\b(should|shouldn't|must|mustn't|ought|shall|need|needs|needed|necessary|necessity|"
                 r"have to|has to|had to|require\w*|call(s|ed|ing)? (on|upon|for)|urg\w+|appeal\w*|"
                 r"it is time|time (to|for)|priority|priorities|imperative|essential|crucial|vital|"
                 r"recommend\w*|propos\w+|suggest\w*|advis\w+|insist\w*|demand\w*|let us|let's|"
                 r"would do well|it is important|important to|duty|obligation|incumbent|responsibility|"
                 r"better to|best to|key to|way forward|answer (is|lies)|deserve\w*|worth)\b", re.I)
BASE = set(l.split('#')[0].strip().lower() for l in
           open(os.path.join(HERE, '..', '..', 'rules', 'lexicons', 'base-verbs.txt'), encoding='utf-8')
           if l.split('#')[0].strip())
def sha(t): return hashlib.sha256(t.encode('utf-8')).hexdigest()[:16]
def raw_text(path, s, e):
    raw = open(path, 'rb').read()[s:e].decode('utf-8')
    return [' '.join(raw.split()), ' '.join(re.sub(r'\*\*|__', '', raw).split())]
def cue(t):
    if CUE.search(t): return True
    w = re.findall(r"[A-Za-z']+", t)
    return bool(w) and w[0].lower() in BASE
def seen():
    out = set()
    for d in ('draw-rec13', 'veto-draw-rec16'):
        for l in open(os.path.join(HERE, '..', d, 'units.jsonl'), encoding='utf-8'):
            u = json.loads(l); out.add((u['doc'], u['index']))
    return out
def source(r, src):
    if src != 'other': return src
    d = r['doc']['path']
    return ('brief' if '/shared/gold/briefs/' in d else 'seed' if '/samples/' in d
            else 'commentary' if '/commentary/' in d else 'news-recfig')
def draw(paths):
    rng = random.Random(SEED); old = seen(); sample = []
    for path, src, n in zip(paths, ('un', 'news', 'other'), (110, 30, 20)):
        pool = []; tagged = 0
        for line in open(path, encoding='utf-8'):
            r = json.loads(line)
            if len(r['text'].split()) < 8 or r['block']['kind'] in ('furniture', 'footnote'): continue
            if not cue(r['text']): continue
            if TAG in r['labels']: tagged += 1; continue
            s = source(r, src)
            doc = os.path.basename(r['doc']['path']) if s != 'news' else r['doc']['path']
            if (doc, r['index']) in old: continue
            if s in ('un', 'brief') and ' '.join(r['text'].split()) not in raw_text(r['doc']['path'], *r['source']['bytes']): continue
            pool.append(dict(source=s, doc=doc, index=r['index'], bytes=r['source']['bytes'], text=' '.join(r['text'].split())))
        print(f'{src}: cue pool tagged {tagged}, untagged eligible {len(pool)}', file=sys.stderr)
        sample += rng.sample(pool, n)
    rng.shuffle(sample)
    with open(os.path.join(HERE, 'units.jsonl'), 'w', encoding='utf-8') as k:
        for i, r in enumerate(sample, 1):
            u = dict(id='c%03d' % i, source=r['source'], doc=r['doc'], index=r['index'],
                     start=r['bytes'][0], end=r['bytes'][1], sha=sha(r['text']))
            if r['source'] not in ('un', 'brief'): u['text'] = r['text']
            k.write(json.dumps(u, ensure_ascii=False) + '\n')
def materialise():
    with open(os.path.join(HERE, 'sentences.tsv'), 'w', encoding='utf-8') as out:
        for line in open(os.path.join(HERE, 'units.jsonl'), encoding='utf-8'):
            u = json.loads(line)
            if 'text' in u: t = u['text']
            else:
                base = UNGDC if u['source'] == 'un' else BRIEFS
                ts = [t for t in raw_text(os.path.join(base, u['doc']), u['start'], u['end']) if sha(t) == u['sha']]
                if not ts: sys.exit(f"{u['id']}: text changed")
                t = ts[0]
            out.write('%s\t%s\n' % (u['id'], t))
if __name__ == '__main__':
    if sys.argv[1] == 'draw': draw(sys.argv[2:5]); materialise()
    else: materialise()
