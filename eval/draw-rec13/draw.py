#!/usr/bin/env python3
"""Draw the rec13 sample: untagged, prescriptive-ish development sentences (see README.md).

  python3 draw.py UN-RECORDS.jsonl NEWS-RECORDS.jsonl COMMENTARY-RECORDS.jsonl

The arguments are `claimex extract --all-sentences --profile lean --rules rules` records of
the UN speeches' even-indexed files (of `ls /tmp/ungdc | sort`), of the news bodies
(`--input-format jsonl`, id = the page's key) and of ../commentary/*.txt. A unit is
eligible with 8 words or more, not furniture or a footnote; it is in the cue pool when it
contains a prescriptive-ish cue (CUE below) or opens with a base verb (an imperative).
Draws 300 untagged cue-pool units (UN 200, news 85, commentary 15) and prints the pool
sizes (tagged / untagged) used for the recall estimate. Writes units.jsonl (id, source, doc,
index, byte range, text hash, the text for news and commentary only) and sentences.tsv
(id, text: the file that was labelled; not committed, rebuilt by
scripts/blind-materialise.py)."""
import hashlib, json, os, random, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 1313
TAG = 'recommendation'
CUE = re.compile(r"\b(should|shouldn't|must|mustn't|ought|shall|need|needs|needed|necessary|"
                 r"necessity|have to|has to|had to|time|priority|priorities|better|best|case|"
                 r"recommend\w*|urg\w+|call\w*|appeal\w*|essential|crucial|vital|imperative|"
                 r"require\w*|important|important to|would do well|scope|approach|answer|"
                 r"key|let us|let's|demand\w*|insist\w*|propos\w+|suggest\w*|advis\w+|"
                 r"worth|duty|obligation|incumbent|responsibility)\b", re.I)
BASE = set(l.split('#')[0].strip().lower() for l in
           open(os.path.join(HERE, '..', '..', 'rules', 'lexicons', 'base-verbs.txt'), encoding='utf-8')
           if l.split('#')[0].strip())
def sha(t): return hashlib.sha256(t.encode('utf-8')).hexdigest()[:16]
def eligible(r):
    return len(r['text'].split()) >= 8 and r['block']['kind'] not in ('furniture', 'footnote')
def raw_ok(r):
    # UN units must be rebuilt by scripts/blind-materialise.py from their byte range: keep
    # only those whose source bytes give back the record's text (Markdown '*' stripped
    # by the segmenter does not)
    raw = open(r['doc']['path'], 'rb').read()[r['source']['bytes'][0]:r['source']['bytes'][1]].decode('utf-8')
    t = ' '.join(r['text'].split())
    return t in (' '.join(raw.split()), ' '.join(re.sub(r'\*\*|__', '', raw).split()))
def cue(t):
    if CUE.search(t): return True
    w = re.findall(r"[A-Za-z']+", t)
    return bool(w) and w[0].lower() in BASE
def load(path, src):
    out = []
    for line in open(path, encoding='utf-8'):
        r = json.loads(line)
        if not eligible(r) or not cue(r['text']): continue
        if src == 'un' and not raw_ok(r): continue
        out.append(dict(source=src, doc=r['doc']['path'], index=r['index'], bytes=r['source']['bytes'],
                        text=r['text'].strip(), rule=TAG in r['labels']))
    return out
if __name__ == '__main__':
    rng = random.Random(SEED)
    sample = []
    for path, src, n in ((sys.argv[1], 'un', 200), (sys.argv[2], 'news', 85), (sys.argv[3], 'commentary', 15)):
        recs = load(path, src)
        neg = [r for r in recs if not r['rule']]
        print(f'{src}: cue pool {len(recs)}, tagged {len(recs) - len(neg)}, untagged {len(neg)}', file=sys.stderr)
        sample += rng.sample(neg, n)
    rng.shuffle(sample)
    with open(os.path.join(HERE, 'sentences.tsv'), 'w', encoding='utf-8') as f, \
         open(os.path.join(HERE, 'units.jsonl'), 'w', encoding='utf-8') as k:
        for i, r in enumerate(sample, 1):
            sid = 'd%03d' % i
            f.write('%s\t%s\n' % (sid, r['text'].replace('\t', ' ').replace('\n', ' ')))
            text = ' '.join(r['text'].split())
            doc = os.path.basename(r['doc']) if r['source'] in ('un', 'commentary') else r['doc']
            u = dict(id=sid, source=r['source'], doc=doc, index=r['index'],
                     start=r['bytes'][0], end=r['bytes'][1], sha=sha(text))
            if r['source'] != 'un': u['text'] = text
            k.write(json.dumps(u, ensure_ascii=False) + '\n')
