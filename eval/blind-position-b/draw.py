#!/usr/bin/env python3
"""Draw the blind-position-b sample (README.md): untagged (and some tagged) sentences of
analytical and news prose, labelled blind for `position` by the briefs' gold conventions.

  python3 eval/blind-position-b/draw.py prepare DIR        # write the source texts under DIR
  claimex extract --rules rules --all-sentences --profile lean DIR -o DIR/records.jsonl
  python3 eval/blind-position-b/draw.py draw DIR/records.jsonl

Sources (all development text): the article-extraction benchmark's articleBody texts
(news/*.txt, all 181 pages; key index + first 12 hex digits as in ../news-position/), the
commentary development set's files (../commentary/*.txt, copied as commentary/*.txt) and the
UD English EWT newsgroup and weblog documents not already in the commentary set
(ewt/*.txt, rebuilt as ../commentary/README.md says: `# text` lines joined by a space, a blank
line at `# newpar`), kept when they read as politics (at least 3 distinct words of POLITICS);
news pages are drawn from only when they have at least 5 distinct words of POLITICS.
"""
import glob, gzip, hashlib, json, os, random, re, shutil, sys
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORP = '/work/shared/corpora'
SEED = 1919
POLITICS = set('''government president minister ministry war iraq iraqi iran israel israeli palestinian
bush kerry election elections policy military troops army congress senate parliament party
nuclear sanctions un nato treaty diplomatic diplomacy terror terrorism terrorist regime
administration washington pentagon democracy vote voters officials foreign security
saddam baghdad afghanistan taliban qaeda china russia europe eu'''.split())
PRON = re.compile(r"\b(I|we|We|he|He|she|She|they|They|it|It)\b")
AUX = re.compile(r"\b(is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|do|does|did|shall)\b|\b\w+(ed|es)\b", re.I)
def sha(t): return hashlib.sha256(t.encode('utf-8')).hexdigest()[:16]
def eligible(t):
    w = t.split()
    return 6 <= len(w) <= 80 and not t.rstrip().endswith('?')
def nontrivial(t):
    w = t.split()
    cap = any(x[:1].isupper() for x in w[1:])
    return (cap or PRON.search(t)) and AUX.search(t)
def ewt_docs():
    docs, cur = {}, None
    for split in ('train', 'dev', 'test'):
        for line in gzip.open(f'{CORP}/ud-english-ewt/en_ewt-ud-{split}.conllu.gz', 'rt', encoding='utf-8'):
            if line.startswith('# newdoc id = '):
                cur = line.split('= ', 1)[1].strip(); docs[cur] = []
            elif line.startswith('# newpar') and cur and docs[cur]:
                docs[cur].append('\n\n')
            elif line.startswith('# text = ') and cur:
                docs[cur].append(line.split('= ', 1)[1].rstrip('\n'))
    out = {}
    for d, parts in docs.items():
        text = ''
        for p in parts:
            text = text.rstrip(' ') + p if p == '\n\n' else text + ('' if not text or text.endswith('\n') else ' ') + p
        out[d] = text.strip() + '\n'
    return out
def prepare(dst):
    for sub in ('news', 'commentary', 'ewt'): os.makedirs(os.path.join(dst, sub), exist_ok=True)
    gt = json.load(open(f'{CORP}/article-extraction-benchmark/ground-truth.json', encoding='utf-8'))
    for i, k in enumerate(sorted(gt)):
        open(os.path.join(dst, 'news', '%03d_%s.txt' % (i, k[:12])), 'w', encoding='utf-8').write(gt[k]['articleBody'] + '\n')
    for f in glob.glob(os.path.join(ROOT, 'eval', 'commentary', '*.txt')):
        shutil.copy(f, os.path.join(dst, 'commentary'))
    used = open(os.path.join(ROOT, 'eval', 'commentary', 'README.md'), encoding='utf-8').read()
    n = 0
    for d, text in sorted(ewt_docs().items()):
        if not d.startswith(('weblog-', 'newsgroup-')) or d in used: continue
        words = set(re.findall(r'[a-z]+', text.lower()))
        if len(words & POLITICS) < 3: continue
        open(os.path.join(dst, 'ewt', d[:120] + '.txt'), 'w', encoding='utf-8').write(text); n += 1
    print(f'ewt docs kept: {n}', file=sys.stderr)
def source(path):
    for s in ('news', 'commentary', 'ewt'):
        if f'/{s}/' in path: return s
def draw(records):
    recs = []
    for line in open(records, encoding='utf-8'):
        r = json.loads(line); t = ' '.join(r['text'].split())
        if not eligible(t): continue
        recs.append(dict(source=source(r['doc']['path']), doc=os.path.basename(r['doc']['path']), index=r['index'],
                         text=t, rule_pos='position' in r['labels'],
                         tags=[dict(rule=g['rule'], captures={k: v['text'] for k, v in g['captures'].items()})
                               for g in r['tags'] if g['label'] == 'position']))
    words = {}
    for line in open(records, encoding='utf-8'):
        r = json.loads(line)
        words.setdefault(os.path.basename(r['doc']['path']), set()).update(re.findall(r'[a-z]+', r['text'].lower()))
    political = {d for d, w in words.items() if len(w & POLITICS) >= 5}
    recs = [r for r in recs if r['source'] != 'news' or r['doc'] in political]
    print(f'news pages read as politics: {len({r["doc"] for r in recs if r["source"] == "news"})}', file=sys.stderr)
    rng = random.Random(SEED)
    quota = {'news': (110, 20), 'commentary': (60, 15), 'ewt': (80, 15)}   # (untagged, tagged)
    sample = []
    for s, (nneg, npos) in quota.items():
        pool = [r for r in recs if r['source'] == s]
        neg = [r for r in pool if not r['rule_pos'] and nontrivial(r['text'])]
        pos = [r for r in pool if r['rule_pos']]
        triv = [r for r in pool if not r['rule_pos'] and not nontrivial(r['text'])]
        print(f'{s}: eligible {len(pool)}, tagged {len(pos)}, untagged non-trivial {len(neg)}, trivial {len(triv)}', file=sys.stderr)
        sample += rng.sample(neg, nneg) + rng.sample(pos, npos)
    rng.shuffle(sample)
    with open(os.path.join(HERE, 'sentences.tsv'), 'w', encoding='utf-8') as f, \
         open(os.path.join(HERE, 'units.jsonl'), 'w', encoding='utf-8') as k:
        for i, r in enumerate(sample, 1):
            sid = 'p%03d' % i
            f.write('%s\t%s\n' % (sid, r['text']))
            u = dict(id=sid, source=r['source'], doc=r['doc'], index=r['index'], sha=sha(r['text']), text=r['text'],
                     rule_pos=r['rule_pos'], tags=r['tags'])
            k.write(json.dumps(u, ensure_ascii=False) + '\n')
if __name__ == '__main__':
    {'prepare': prepare, 'draw': draw}[sys.argv[1]](sys.argv[2])
