#!/usr/bin/env python3
"""claimex on the article-extraction benchmark, scored among the published extractors and
timed against trafilatura on the same pages in the same run.

usage: scripts/html-bench.py [--runs 3] [--skip-trafilatura] [--keep DIR] [--ids FILE]

1. Gunzips the 181 pages of ../shared/corpora/article-extraction-benchmark/html into a
   temporary copy of the benchmark folder.
2. Runs `claimex text PAGE` once per page (a whole process each, as a user would), writes
   the benchmark's `output/claimex.json` there and runs the benchmark's own `evaluate.py`,
   which prints claimex's row among the published ones (rs_trafilatura, trafilatura,
   Readability.js ...).
3. Times claimex (whole processes, the whole run; best of --runs) against trafilatura
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


def run_claimex(pages, ids):
    """One `claimex text` process per page: texts, whole-run seconds, per-page seconds."""
    texts, times = {}, {}
    start = time.perf_counter()
    for pid in ids:
        t0 = time.perf_counter()
        r = subprocess.run([CLAIMEX, "text", os.path.join(pages, pid + ".html")],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        times[pid] = time.perf_counter() - t0
        if r.returncode != 0:
            log(f"claimex failed on {pid}: {r.stderr.decode(errors='replace').strip()}")
        texts[pid] = r.stdout.decode("utf-8", errors="replace")
    return texts, time.perf_counter() - start, times


TRAF_DRIVER = r"""
import json, sys, time
import trafilatura
pages, ids, out = sys.argv[1], sys.argv[2].split(","), sys.argv[3]
docs = []
for pid in ids:
    with open(f"{pages}/{pid}.html", "rb") as f:
        docs.append(f.read())
trafilatura.extract(docs[0])  # warm-up: imports and lazy tables
start = time.perf_counter()
texts = {pid: trafilatura.extract(d) or "" for pid, d in zip(ids, docs)}
elapsed = time.perf_counter() - start
json.dump({"seconds": elapsed, "texts": texts}, open(out, "w"))
"""


def trafilatura_python():
    venv = os.path.join(WORK, "venv")
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        log(f"creating {venv} with {TRAFILATURA}")
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([py, "-m", "pip", "install", "-q", TRAFILATURA], check=True)
    return py


def run_trafilatura(py, pages, ids, tmp):
    driver = os.path.join(tmp, "traf_driver.py")
    with open(driver, "w") as f:
        f.write(TRAF_DRIVER)
    out = os.path.join(tmp, "traf.json")
    subprocess.run([py, driver, pages, ",".join(ids), out], check=True)
    with open(out) as f:
        data = json.load(f)
    return data["texts"], data["seconds"]


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

    best = None
    for i in range(args.runs):
        texts, seconds, times = run_claimex(pages, ids)
        log(f"claimex run {i + 1}: {seconds:.2f} s")
        if best is None or seconds < best[1]:
            best = (texts, seconds, times)
    texts, c_seconds, c_times = best
    version = subprocess.run([CLAIMEX, "--version"], stdout=subprocess.PIPE).stdout.decode().strip() or "dev"
    write_output(folder, "claimex", version, texts)

    t_seconds = None
    if not args.skip_trafilatura:
        py = trafilatura_python()
        for i in range(args.runs):
            _, s = run_trafilatura(py, pages, ids, tmp)
            log(f"trafilatura run {i + 1}: {s:.2f} s")
            t_seconds = s if t_seconds is None else min(t_seconds, s)

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
    print(f"claimex      {len(ids) / c_seconds:8.1f} pages/s  ({c_seconds:.2f} s, one `claimex text` process per page)")
    print(f"             slowest page {c_times[slowest] * 1000:.0f} ms ({slowest[:12]}…)")
    if t_seconds:
        print(f"trafilatura  {len(ids) / t_seconds:8.1f} pages/s  ({t_seconds:.2f} s, in-process, {TRAFILATURA})")
        print(f"ratio        {t_seconds / c_seconds:8.1f}x")

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
