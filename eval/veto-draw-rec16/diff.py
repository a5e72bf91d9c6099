import json, sys
def load(p):
    out = {}
    for l in open(p):
        r = json.loads(l)
        out[(r['doc']['path'], r['index'])] = r
    return out
for src in ('un', 'news', 'other'):
    a = load(f'{sys.argv[1]}-{src}.jsonl'); b = load(f'{sys.argv[2]}-{src}.jsonl')
    add = [k for k in b if 'recommendation' in b[k]['labels'] and 'recommendation' not in a[k]['labels']]
    rem = [k for k in a if 'recommendation' in a[k]['labels'] and 'recommendation' not in b[k]['labels']]
    ta = sum('recommendation' in r['labels'] for r in a.values())
    print(src, 'tagged', ta, '->', sum('recommendation' in r['labels'] for r in b.values()), '+', len(add), '-', len(rem))
    if len(sys.argv) > 3:
        with open(f'{sys.argv[3]}-{src}.jsonl', 'w') as f:
            for k in add: f.write(json.dumps(dict(src=src, doc=k[0], index=k[1], text=b[k]['text'], bytes=b[k]['source']['bytes'], block=b[k]['block']['kind'], sign='+'))+'\n')
            for k in rem: f.write(json.dumps(dict(src=src, doc=k[0], index=k[1], text=a[k]['text'], bytes=a[k]['source']['bytes'], block=a[k]['block']['kind'], sign='-'))+'\n')
