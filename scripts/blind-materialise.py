#!/usr/bin/env python3
"""Rebuild a blind set's sentences.tsv (id, text; the file that was labelled) from its
units.jsonl: `python3 scripts/blind-materialise.py eval/blind-position` (or
eval/blind-recommendation).

The UN speeches' texts are not committed (their licence is not stated with the corpus, as
eval/speeches-position/README.md explains): a UN unit holds its speech's file name, the
sentence's source byte range and a 16-hex-digit SHA-256 prefix of its whitespace-collapsed
text. Needs the speeches unpacked in /tmp/ungdc (or UNGDC=DIR):
  mkdir -p /tmp/ungdc && tar -xzf ../shared/bench/ungdc-1096.tar.gz -C /tmp/ungdc
The news units (MIT, the article-extraction benchmark) and commentary units (CC BY-SA 4.0,
the UD English Web Treebank) carry their text."""
import hashlib, json, os, re, sys
if len(sys.argv) != 2:
    sys.exit('usage: blind-materialise.py SET_DIR  (eval/blind-position or eval/blind-recommendation)')
HERE = os.path.abspath(sys.argv[1])
UNGDC = os.environ.get('UNGDC', '/tmp/ungdc')
def sha(t): return hashlib.sha256(t.encode('utf-8')).hexdigest()[:16]
def text_of(u):
    raw = open(os.path.join(UNGDC, u['doc']), 'rb').read()[u['start']:u['end']].decode('utf-8')
    for t in (' '.join(raw.split()), ' '.join(re.sub(r'\*\*|__', '', raw).split())):  # the segmenter drops Markdown emphasis
        if sha(t) == u['sha']:
            return t
    sys.exit(f"materialise: {u['id']} {u['doc']} bytes {u['start']}-{u['end']}: text changed (hash)")
with open(os.path.join(HERE, 'sentences.tsv'), 'w', encoding='utf-8') as out:
    for line in open(os.path.join(HERE, 'units.jsonl'), encoding='utf-8'):
        u = json.loads(line)
        out.write('%s\t%s\n' % (u['id'], u['text'] if 'text' in u else text_of(u)))
print('wrote', os.path.join(HERE, 'sentences.tsv'))
