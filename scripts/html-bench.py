#!/usr/bin/env python3
"""claimex on the article-extraction benchmark, scored among the published extractors and
timed against trafilatura on the same pages in the same run.

usage: scripts/html-bench.py [--runs 3] [--skip-trafilatura] [--keep DIR] [--ids FILE]

1. Gunzips the 181 pages of ../shared/corpora/article-extraction-benchmark/html into a
   temporary copy of the benchmark folder.
2. Runs `claimex text --body PAGE` once per page (a whole process each, as a user would),
   and `claimex text --body --jsonl PAGE...` once over all pages (the same texts, one
   process), writes the benchmark's `output/claimex.json` there and runs the benchmark's
   own `evaluate.py`, which prints claimex's row among the published ones (rs_trafilatura,
   trafilatura, Readability.js ...). `--body` leaves out the headline, byline and date
   line that the page's markup repeats (title, authors and date are a record's fields, as
   they are trafilatura's and Readability's metadata, not their text); the row
   `claimex_with_front` is plain `claimex text`, with them.
3. Times claimex (whole processes, the whole run, batch and per page; best of --runs) against trafilatura
   (PyPI, in a venv this script creates, `trafilatura.extract` in-process on the same
   decoded pages), and prints pages per second, the ratio and claimex's slowest page.
4. Prints F1 on the first and second halves of the page ids (sorted), and on the pages
   whose ground truth is not mostly ASCII letters (the non-English pages), so a change
   that helps one half and hurts the other shows.

Needs `make release` first (`make html-bench` does it).
"""
import argparse
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(os.path.dirname(ROOT), "shared", "corpora", "article-extraction-benchmark")
CLAIMEX = os.path.join(ROOT, ".build", "release", "claimex")
WORK = os.path.join(tempfile.gettempdir(), "claimex-html-bench")
TRAFILATURA = "trafilatura==2.0.0"
# justext (a trafilatura dependency) imports lxml.html.clean, a separate package since lxml 5.2.
TRAFILATURA_EXTRA = "lxml_html_clean"


BATCH_CPU = None  # CPU seconds of the best claimex batch run


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def prepare(dest):
    """A copy of the benchmark folder with the pages gunzipped into `pages/`."""
    shutil.copytree(BENCH, dest, ignore=shutil.ignore_patterns("html"))
    pages = os.path.join(dest, "pages")
    os.makedirs(pages)
    ids = []
    for name in sorted(os.listdir(os.path.join(BENCH, "html"))):
        if not name.endswith(".html.gz"):
            continue
        pid = name[: -len(".html.gz")]
        with gzip.open(os.path.join(BENCH, "html", name)) as f:
            data = f.read()
        with open(os.path.join(pages, pid + ".html"), "wb") as f:
            f.write(data)
        ids.append(pid)
    return pages, ids


def run_claimex_batch(pages, ids, body=True):
    """One `claimex text --body --jsonl` process over every page: texts and whole-run seconds."""
    start = time.perf_counter()
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = subprocess.run([CLAIMEX, "text", "--jsonl"] + (["--body"] if body else []) + [os.path.join(pages, pid + ".html") for pid in ids],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    global BATCH_CPU
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    if body:
        BATCH_CPU = cpu if BATCH_CPU is None else min(BATCH_CPU, cpu)
    if r.returncode != 0:
        log(f"claimex batch: {r.stderr.decode(errors='replace').strip()}")
    texts = {}
    for line in r.stdout.decode("utf-8").splitlines():
        obj = json.loads(line)
        texts[os.path.basename(obj["path"])[: -len(".html")]] = obj["text"]
    return texts, seconds


def run_claimex(pages, ids):
    """One `claimex text --body` process per page: texts, whole-run seconds, per-page seconds."""
    texts, times = {}, {}
    start = time.perf_counter()
    for pid in ids:
        t0 = time.perf_counter()
        r = subprocess.run([CLAIMEX, "text", "--body", os.path.join(pages, pid + ".html")],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        times[pid] = time.perf_counter() - t0
        if r.returncode != 0:
            log(f"claimex failed on {pid}: {r.stderr.decode(errors='replace').strip()}")
        out = r.stdout.decode("utf-8", errors="replace")
        texts[pid] = out[:-1] if out.endswith("\n") else out  # the line end `claimex text` adds
    return texts, time.perf_counter() - start, times


TRAF_DRIVER = r"""
import json, resource, sys, time
import trafilatura
pages, out = sys.argv[1], sys.argv[3]
ids = open(sys.argv[2]).read().split()
docs = []
for pid in ids:
    with open(f"{pages}/{pid}.html", "rb") as f:
        docs.append(f.read())
trafilatura.extract(docs[0])  # warm-up: imports and lazy tables
start = time.perf_counter()
r0 = resource.getrusage(resource.RUSAGE_SELF)
texts = {pid: trafilatura.extract(d) or "" for pid, d in zip(ids, docs)}
elapsed = time.perf_counter() - start
r1 = resource.getrusage(resource.RUSAGE_SELF)
cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
json.dump({"seconds": elapsed, "cpu": cpu, "texts": texts}, open(out, "w"))
"""


def trafilatura_python():
    venv = os.path.join(WORK, "venv")
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        log(f"creating {venv} with {TRAFILATURA}")
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([py, "-m", "pip", "install", "-q", TRAFILATURA, TRAFILATURA_EXTRA], check=True)
    return py


def run_trafilatura(py, pages, ids, tmp):
    driver = os.path.join(tmp, "traf_driver.py")
    with open(driver, "w") as f:
        f.write(TRAF_DRIVER)
    out = os.path.join(tmp, "traf.json")
    id_file = os.path.join(tmp, "ids.txt")
    with open(id_file, "w") as f:
        f.write("\n".join(ids))
    subprocess.run([py, driver, pages, id_file, out], check=True)
    with open(out) as f:
        data = json.load(f)
    return data["texts"], data["seconds"], data["cpu"]


def write_output(folder, name, version, texts):
    with open(os.path.join(folder, "output", name + ".json"), "w") as f:
        json.dump({"version": version, "output": {k: {"articleBody": v} for k, v in texts.items()}},
                  f, ensure_ascii=False)


def subset_f1(evaluate, truth, texts, ids):
    ps, rs = [], []
    for pid in ids:
        tp, fp, fn = evaluate.string_shingle_matching(true=truth[pid].get("articleBody", ""),
                                                      pred=texts.get(pid, ""))
        if tp + fp > 0:
            ps.append(evaluate.precision_score(tp, fp, fn))
        if tp + fn > 0:
            rs.append(evaluate.recall_score(tp, fp, fn))
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return 2 * p * r / (p + r), p, r


def non_english(truth, ids):
    """Pages whose article has under 97% ASCII among its letters: no word list needed."""
    out = []
    for pid in ids:
        letters = [c for c in truth[pid].get("articleBody", "") if c.isalpha()]
        if letters and sum(c.isascii() for c in letters) / len(letters) < 0.97:
            out.append(pid)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3, help="timed runs; the best is reported")
    ap.add_argument("--skip-trafilatura", action="store_true", help="score claimex only, no timing peer")
    ap.add_argument("--keep", help="keep the benchmark copy in this folder (it must not exist)")
    ap.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest F1")
    args = ap.parse_args()
    if not os.access(CLAIMEX, os.X_OK):
        sys.exit(f"{CLAIMEX} missing: run `make release` first")

    tmp = tempfile.mkdtemp(prefix="claimex-html-bench-")
    folder = args.keep or os.path.join(tmp, "benchmark")
    pages, ids = prepare(folder)
    log(f"{len(ids)} pages in {folder}")

    best = batch = None
    for i in range(args.runs):
        texts, seconds, times = run_claimex(pages, ids)
        log(f"claimex, a process per page, run {i + 1}: {seconds:.2f} s")
        if best is None or seconds < best[1]:
            best = (texts, seconds, times)
        b_texts, b_seconds = run_claimex_batch(pages, ids)
        log(f"claimex, one batch process, run {i + 1}: {b_seconds:.2f} s")
        batch = b_seconds if batch is None else min(batch, b_seconds)
        if b_texts != texts:
            log("claimex batch output differs from the per-page output")
    texts, c_seconds, c_times = best
    version = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty"],
                             stdout=subprocess.PIPE).stdout.decode().strip() or "dev"
    write_output(folder, "claimex", version, texts)
    write_output(folder, "claimex_with_front", version, run_claimex_batch(pages, ids, body=False)[0])

    t_seconds = t_cpu = None
    if not args.skip_trafilatura:
        py = trafilatura_python()
        for i in range(args.runs):
            _, s, c = run_trafilatura(py, pages, ids, tmp)
            log(f"trafilatura run {i + 1}: {s:.2f} s")
            t_seconds = s if t_seconds is None else min(t_seconds, s)
            t_cpu = c if t_cpu is None else min(t_cpu, c)

    print("## evaluate.py (the benchmark's scorer, published outputs beside claimex)\n", flush=True)
    subprocess.run([sys.executable, "evaluate.py", "--n-bootstrap", "200"], cwd=folder, check=True)

    sys.path.insert(0, folder)
    import evaluate  # the benchmark's own scorer, for the subsets below
    with open(os.path.join(folder, "ground-truth.json")) as f:
        truth = json.load(f)
    half = len(ids) // 2
    print("\n## claimex on subsets (F1, precision, recall)\n")
    for name, sub in [("first half of ids", ids[:half]), ("second half of ids", ids[half:]),
                      ("non-English pages", non_english(truth, ids))]:
        if sub:
            f1, p, r = subset_f1(evaluate, truth, texts, sub)
            print(f"{name:<22} {len(sub):>3} pages  F1 {f1:.3f}  P {p:.3f}  R {r:.3f}")

    slowest = max(c_times, key=c_times.get)
    print("\n## speed (same pages, same run, best of %d)\n" % args.runs)
    print(f"claimex      {len(ids) / batch:8.1f} pages/s  ({batch:.2f} s, one `claimex text --body --jsonl` process, all pages)")
    print(f"claimex      {len(ids) / c_seconds:8.1f} pages/s  ({c_seconds:.2f} s, one `claimex text --body` process per page)")
    print(f"             slowest page {c_times[slowest] * 1000:.0f} ms, whole process ({slowest[:12]}…)")
    if t_seconds:
        print(f"trafilatura  {len(ids) / t_seconds:8.1f} pages/s  ({t_seconds:.2f} s, in-process, {TRAFILATURA})")
        print(f"ratio        {t_seconds / batch:8.1f}x (batch)   {t_seconds / c_seconds:.1f}x (a process per page)")
        print(f"CPU seconds  claimex batch {BATCH_CPU:.2f} (whole process), trafilatura {t_cpu:.2f} (extraction only):"
              f" {t_cpu / BATCH_CPU:.1f}x; on a shared machine CPU time is the steadier figure")

    if args.worst:
        scores = []
        for pid in ids:
            tp, fp, fn = evaluate.string_shingle_matching(true=truth[pid].get("articleBody", ""), pred=texts[pid])
            scores.append((evaluate.precision_score(tp, fp, fn), evaluate.recall_score(tp, fp, fn), pid))
        scores.sort(key=lambda s: 2 * s[0] * s[1] / (s[0] + s[1] or 1))
        print(f"\n## the {args.worst} pages with the lowest F1 (precision, recall)\n")
        for p, r, pid in scores[: args.worst]:
            print(f"{pid}  P {p:.2f}  R {r:.2f}")

    if not args.keep:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
