import yaml, sys, shutil, os
src, dst = sys.argv[1], sys.argv[2]
if os.path.exists(dst): shutil.rmtree(dst)
shutil.copytree(src, dst)
p = os.path.join(dst, 'recommendation.yaml')
d = yaml.safe_load(open(p))
n = 0
for r in d['rules']:
    for k in ('unless', 'unless-in-match'):
        if k in r: del r[k]; n += 1
    r.pop('examples', None)
yaml.safe_dump(d, open(p, 'w'), sort_keys=False, allow_unicode=True, width=10**6)
print('stripped', n)
