#!/usr/bin/env python3
"""PDF ingest speed: pages per second of claimex against pdfminer.six on the same PDFs.

The PDFs are the sample editions (samples/*.pdf), copied N times into a temporary folder
so a run lasts long enough to time. Both sides run one document at a time, in the same run,
best of --repeat runs (the machine is shared: compare the ratios, not the absolute figures):

- claimex: `claimex extract DIR --all-sentences -j 1` (poppler's word boxes and fonts,
  layout, sentences, rules, JSON Lines: the whole job, more than the peer does); its two
  poppler runs per document overlap;
- pdfminer.six: `pdfminer.high_level.extract_text` per file (its layout analysis, text only).

Two figures each: wall-clock pages/s, and pages per CPU-second (user + system, claimex's
counted with the poppler processes it ran), which a loaded machine disturbs less.

pdfminer.six comes from PyPI into a private venv (.venv-pdf) made on first use.

    scripts/pdf-bench.py [--copies 20] [--repeat 3] [--claimex .build/release/claimex]
"""
import argparse
import glob
import os
import resource
import shutil
import subprocess
import sys

import venvrun
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ensure_venv():
    venvrun.ensure(".venv-pdf", ["pdfminer"], ["pdfminer.six"], "pdf-bench")


def pages_of(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return next(int(l.split()[-1]) for l in out.splitlines() if l.startswith("Pages:"))


def main():
    ensure_venv()
    from pdfminer.high_level import extract_text
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--claimex", default=os.path.join(ROOT, ".build", "release", "claimex"))
    args = ap.parse_args()
    sources = sorted(glob.glob(os.path.join(ROOT, "samples", "*.pdf")))
    if not sources:
        sys.exit("pdf-bench: no samples/*.pdf (scripts/make-sample-pdfs.py makes them)")
    work = tempfile.mkdtemp(prefix="claimex-pdf-bench-")
    try:
        files = []
        for i in range(args.copies):
            for s in sources:
                dst = os.path.join(work, f"{i:03d}-{os.path.basename(s)}")
                shutil.copyfile(s, dst)
                files.append(dst)
        pages = args.copies * sum(pages_of(s) for s in sources)
        cmd = [args.claimex, "extract", work, "--all-sentences", "-j", "1", "--quiet", "-o", os.devnull,
               "--rules", os.path.join(ROOT, "rules")]
        def children_cpu():
            r = resource.getrusage(resource.RUSAGE_CHILDREN)
            return r.ru_utime + r.ru_stime

        wall = {"claimex": float("inf"), "pdfminer.six": float("inf")}
        cpu = dict(wall)
        for _ in range(args.repeat):
            t, c = time.perf_counter(), children_cpu()
            subprocess.run(cmd, check=True)
            wall["claimex"] = min(wall["claimex"], time.perf_counter() - t)
            cpu["claimex"] = min(cpu["claimex"], children_cpu() - c)
            t, c = time.perf_counter(), time.process_time()
            for f in files:
                extract_text(f)
            wall["pdfminer.six"] = min(wall["pdfminer.six"], time.perf_counter() - t)
            cpu["pdfminer.six"] = min(cpu["pdfminer.six"], time.process_time() - c)
        print(f"{len(files)} PDFs, {pages} pages, best of {args.repeat}, one document at a time")
        for name in wall:
            print(f"  {name:13s} wall {wall[name]:6.2f} s {pages / wall[name]:7.1f} pages/s"
                  f"   cpu {cpu[name]:6.2f} s {pages / cpu[name]:7.1f} pages/cpu-s")
        print(f"  claimex vs pdfminer.six: {wall['pdfminer.six'] / wall['claimex']:.1f}x wall-clock, "
              f"{cpu['pdfminer.six'] / cpu['claimex']:.1f}x CPU")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
