#!/usr/bin/env python3
"""claimex against the peers in ../shared/peers, in one run, on ../shared/bench.

usage: scripts/bench.py [--quick] [--skip-peers] [--jobs-only | --scaling] [--gb 1.0]

Prints each figure, the ratio to its goal, and a Markdown table for the README.
Goals (issue: batch at the speed of the disk):
  one job  >= 200x the spaCy peer's MB/s          rules 1000 vs 10: cost/MB ratio <= 1.5
  --jobs 2 >= 1.8x one job (output on tmpfs)       peak RSS <= 200 MB on a 1 GB stream
  the ordering writer keeps up with >= 32 workers (bytes of records a second)
  start-up (load + compile default rules) < 100 ms
  tagging (the part-of-speech layer alone, one core) >= 1M tokens/s
Times are wall-clock seconds of whole processes, best of N runs.
"""
import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
WORK = os.path.join(tempfile.gettempdir(), "claimex-bench")
CLAIMEX = os.path.join(ROOT, ".build", "release", "claimex")


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def corpus():
    """The 1,096 speeches, unpacked once outside the repository."""
    d = os.path.join(WORK, "ungdc")
    if not os.path.isdir(d) or len(os.listdir(d)) < 1000:
        os.makedirs(d, exist_ok=True)
        with tarfile.open(os.path.join(SHARED, "bench", "ungdc-1096.tar.gz")) as t:
            t.extractall(d)
    files = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(d) for f in fs if f.endswith(".txt"))
    return d, files


def subset(files, every):
    """Every n-th speech in its own folder, for the slow peers."""
    d = os.path.join(WORK, f"subset-{every}")
    if not os.path.isdir(d):
        os.makedirs(d)
        for f in files[::every]:
            shutil.copy(f, d)
    return d


def size_mb(d):
    return sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d)) / 1e6


def timed(cmd, runs=1, stdin=None, fresh=None):
    """Best wall time of `runs` runs. `fresh`: an output path removed before each run, so a
    run writes a new file, as a batch into a new path does, rather than also paying for
    freeing the previous run's output when its rename replaces it."""
    best = None
    for _ in range(runs):
        if fresh and os.path.exists(fresh):
            os.remove(fresh)
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
    return best


def cpu_ticks():
    """Steal and system time of the whole machine so far, in seconds (Linux /proc/stat):
    steal is time the hypervisor ran something else on this machine's virtual CPUs."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:9]]
    except OSError:
        return None
    hz = os.sysconf("SC_CLK_TCK")
    return {"sys": v[2] / hz, "steal": v[7] / hz}


def timed_cost(cmd, fresh):
    """One run: (wall s, machine-wide steal s, machine-wide sys s) over the run."""
    a = cpu_ticks()
    t = timed(cmd, 1, fresh=fresh)
    b = cpu_ticks()
    if a is None or b is None:
        return t, float("nan"), float("nan")
    return t, b["steal"] - a["steal"], b["sys"] - a["sys"]


def one_and_two_jobs(cmd, out, pairs):
    """`cmd` with --jobs 1 and --jobs 2, alternately, `pairs` times: a slow spell of the
    machine (this one's speed drifts by 10 to 20% over minutes) then hits both, not only
    one. Returns the best time of each, and per run the steal of each and the system time
    of the two-job runs: on a virtual machine, the host writing the output to its disk shows
    up as steal."""
    t1 = t2 = None
    steal1, steal2, sys2 = [], [], []
    for _ in range(pairs):
        a, sa, _ = timed_cost(cmd + ["--jobs", "1"], out)
        b, sb, yb = timed_cost(cmd + ["--jobs", "2"], out)
        t1 = a if t1 is None else min(t1, a)
        t2 = b if t2 is None else min(t2, b)
        steal1.append(sa)
        steal2.append(sb)
        sys2.append(yb)
    return t1, t2, steal1, steal2, sys2


def thread_cpu(cmd, fresh=None):
    """Runs `cmd` and samples its threads' CPU time (/proc/PID/task) every 5 ms until it
    exits: (wall s, main thread s, other threads s). The last sample before exit stands
    for the whole run (a thread's time only grows); start-up is on the main thread."""
    if fresh and os.path.exists(fresh):
        os.remove(fresh)
    hz = os.sysconf("SC_CLK_TCK")
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    last = {}
    while p.poll() is None:
        try:
            for tid in os.listdir(f"/proc/{p.pid}/task"):
                try:
                    with open(f"/proc/{p.pid}/task/{tid}/stat") as f:
                        st = f.read()
                    v = st[st.rindex(")") + 2:].split()
                    last[int(tid)] = (int(v[11]) + int(v[12])) / hz
                except (OSError, ValueError):
                    pass
        except OSError:
            pass
        time.sleep(0.005)
    wall = time.perf_counter() - t
    main = last.get(p.pid, 0.0)
    return wall, main, sum(v for k, v in last.items() if k != p.pid)


def scaling(base, out, rules, runs, row):
    """Where the serial time of a batch goes and how far the design scales: the ordering
    thread's CPU (start-up, then taking each document's records and writing them) against
    the workers', with the output on tmpfs so no disk time hides in it. From those: the
    writer's own throughput, one worker's output rate, how many workers one writer keeps
    up with, and the speed-up curve of a machine with a core per job (Amdahl with the
    writer as a pipeline stage)."""
    cmd = [a for a in base if a != "-o" and not a.endswith(".jsonl")] + ["--jobs", "2", "-o", out]
    samples = [thread_cpu(cmd, fresh=out) for _ in range(runs)]
    nbytes = os.path.getsize(out)
    main = statistics.median(s[1] for s in samples)
    workers = statistics.median(s[2] for s in samples)
    # start-up's CPU: the main thread of a run with nothing to read (load and compile rules)
    empty = os.path.join(WORK, "empty")
    os.makedirs(empty, exist_ok=True)
    start = statistics.median(thread_cpu([CLAIMEX, "extract", empty, "--rules", rules, "--quiet", "-o", os.devnull])[1]
                              for _ in range(5))
    writer = max(main - start, 1e-3)   # ordering and writing, start-up taken out
    row("(diagnostic) main thread CPU, 2 jobs, output on tmpfs",
        f"{main:.2f} s ({start:.2f} start-up, {writer:.2f} ordering and writing); workers {workers:.2f} s",
        "(no goal)", None)
    take = nbytes / writer / 1e6
    give = nbytes / workers / 1e6
    row("writer throughput vs one worker's output rate",
        f"{take:.0f} vs {give:.0f} MB/s of records: keeps up with {take / give:.0f} workers", ">= 32 workers",
        take / give >= 32)
    curve = []
    for n in (1, 2, 4, 8, 16, 32, 64):
        curve.append(f"{n}: {(start + workers) / (start + max(workers / n, writer)):.1f}x")
    row("(model) speed-up with a core per job", ", ".join(curve), "(no goal)", None)
    return nbytes


def peers_python():
    venv = os.path.join(WORK, "peers-venv")
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([py, "-m", "pip", "install", "-q", "-r", os.path.join(SHARED, "peers", "requirements.txt")], check=True)
    return py


def rule_dir(into, synthetic, with_defaults):
    """A rules folder: optionally the default rules, plus `synthetic` generated rules that
    rarely match (claimex's own generator, like the peers' scaled rule sets)."""
    if os.path.exists(into):
        shutil.rmtree(into)
    if with_defaults:
        shutil.copytree(os.path.join(ROOT, "rules"), into)
    else:
        os.makedirs(into)
    if synthetic:
        yaml = subprocess.run([CLAIMEX, "rules", "--synthetic", str(synthetic)], check=True,
                              capture_output=True, text=True).stdout
        with open(os.path.join(into, "zz-synthetic.yaml"), "w") as f:
            f.write(yaml)
    out = subprocess.run([CLAIMEX, "rules", "--count", "--rules", into], check=True, capture_output=True, text=True)
    return int(out.stdout.split()[0])


def peak_rss_stream(gb, files):
    """Streams about `gb` GB of {"id","text"} lines through claimex; returns (MB, s, peak MB)."""
    texts = [open(f, encoding="utf-8").read() for f in files]
    target = int(gb * 1e9)
    proc = subprocess.Popen([CLAIMEX, "extract", "--input-format", "jsonl", "--quiet", "--rules", os.path.join(ROOT, "rules")],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sent, i, t = 0, 0, time.perf_counter()
    while sent < target:
        line = (json.dumps({"id": f"d{i}", "text": texts[i % len(texts)]}) + "\n").encode()
        proc.stdin.write(line)
        sent += len(line)
        i += 1
    proc.stdin.close()
    proc.wait()
    dt = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return sent / 1e6, dt, peak


def tagger_speed(files):
    """Tokens a second of `claimex tag --speed` (CPU time of tagging alone, best of 3 rounds)
    on the sentences of every tenth speech, one a line."""
    lines = os.path.join(WORK, "tagger-sentences.txt")
    if not os.path.exists(lines):
        with open(lines, "wb") as out:
            for f in files[::10]:
                out.write(subprocess.run([CLAIMEX, "segment", f], capture_output=True, check=True).stdout)
    r = subprocess.run([CLAIMEX, "tag", "--lines", "--speed", lines], capture_output=True, text=True, check=True).stdout
    # "tags: N tokens in S s of CPU: R tokens/s", then "tags and lemmas: ..."
    tags, both = (line.split() for line in r.strip().split("\n"))
    return int(tags[1]), int(tags[-2]), int(both[-2])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="one run each, smaller peer subset")
    ap.add_argument("--skip-peers", action="store_true")
    ap.add_argument("--gb", type=float, default=1.0, help="size of the streamed input for peak memory")
    ap.add_argument("--jobs-only", action="store_true", help="only start-up, the one/two-job rows and scaling")
    ap.add_argument("--scaling", action="store_true", help="as --jobs-only (the serial share, writer throughput, lean records)")
    args = ap.parse_args()
    runs = 1 if args.quick else 3
    os.makedirs(WORK, exist_ok=True)
    if not os.path.exists(CLAIMEX):
        subprocess.run(["make", "release"], cwd=ROOT, check=True)
    cdir, files = corpus()
    mb = size_mb(cdir)
    rules = os.path.join(ROOT, "rules")
    out = os.path.join(WORK, "out.jsonl")
    rows = []

    def row(name, value, goal, ok):
        """`ok` None: a figure without a goal, printed to explain another."""
        if ok is None:
            rows.append((name, value, goal, "-"))
            log(f"{name}: {value}")
            return
        rows.append((name, value, goal, "yes" if ok else "NO"))
        log(f"{name}: {value}  (goal {goal}: {'met' if ok else 'NOT met'})")

    # start-up first: the process cost when there is nothing to read
    with open(os.devnull) as null:
        times = []
        for _ in range(20):
            t = time.perf_counter()
            subprocess.run([CLAIMEX, "extract", "--input-format", "jsonl", "--quiet", "--rules", rules], stdin=null, check=True)
            times.append(time.perf_counter() - t)
    startup = statistics.median(times) * 1000
    row("start-up, default rules (median of 20)", f"{startup:.0f} ms", "< 100 ms", startup < 100)

    base = [CLAIMEX, "extract", cdir, "--rules", rules, "--quiet", "-o", out]
    t1, t2, steal1, steal2, sys2 = one_and_two_jobs(base, out, runs + 2)
    one = mb / t1
    log(f"claimex --jobs 1: {mb:.1f} MB in {t1:.2f} s = {one:.1f} MB/s")
    row("--jobs 2 vs --jobs 1", f"{t1 / t2:.2f}x ({mb / t2:.1f} MB/s)", ">= 1.8x", t1 / t2 >= 1.8)
    out_mb = os.path.getsize(out) / 1e6

    # The same pair with the output on a memory file system: the same temporary file,
    # writes, fsync and rename, but nothing reaches a disk. The difference from the row
    # above is what getting the output onto the disk costs while both cores are busy.
    shm = "/dev/shm"
    m1 = m2 = None
    if os.path.isdir(shm) and shutil.disk_usage(shm).free > 4 * out_mb * 1e6:
        mem_out = os.path.join(shm, "claimex-bench-out.jsonl")
        m1, m2, _, steal_mem, _ = one_and_two_jobs([mem_out if a == out else a for a in base], mem_out, runs + 2)
        os.remove(mem_out)
        med = statistics.median
        row("--jobs 2 vs --jobs 1, output on tmpfs (no disk)",
            f"{m1 / m2:.2f}x ({m1:.2f} -> {m2:.2f} s)", ">= 1.8x", m1 / m2 >= 1.8)
        row(f"(diagnostic) steal during a run, {out_mb:.0f} MB written to disk",
            f"{med(steal2):.2f} s with 2 jobs, {med(steal1):.2f} s with 1; {med(steal_mem):.2f} s on tmpfs "
            f"(system time {med(sys2):.2f} s)", "(no goal)", None)

    if args.jobs_only or args.scaling:
        if os.path.isdir(shm):
            mem_out = os.path.join(shm, "claimex-bench-out.jsonl")
            full_bytes = scaling(base, mem_out, rules, runs + 2, row)
            # the lean profile: fewer bytes per record for the writer to take
            records = sum(1 for _ in open(mem_out, "rb"))
            lf = [a for a in base if a != out and a != "-o"] + ["--profile", "lean"]
            tf = timed([a if a != out else mem_out for a in base] + ["--jobs", "2"], runs + 2, fresh=mem_out)
            tl = timed(lf + ["--jobs", "2", "-o", mem_out], runs + 2, fresh=mem_out)
            lean_bytes = os.path.getsize(mem_out)
            os.remove(mem_out)
            row("bytes per record, full vs --profile lean",
                f"{full_bytes / records:.0f} vs {lean_bytes / records:.0f} ({lean_bytes / full_bytes:.2f}x); "
                f"2 jobs {mb / tf:.1f} -> {mb / tl:.1f} MB/s", "(no goal)", None)
        table(rows)
        return

    tokens, rate, with_lemmas = max((tagger_speed(files) for _ in range(runs)), key=lambda x: x[1])
    row(f"tagging alone, one core ({tokens} tokens, CPU time)", f"{rate / 1e6:.2f} M tokens/s "
        f"({with_lemmas / 1e6:.2f} M with lemmas)", ">= 1 M tokens/s", rate >= 1e6)

    costs = {}
    for n in (10, 100, 1000):
        d = os.path.join(WORK, f"rules-{n}")
        count = rule_dir(d, n, with_defaults=False)
        t = timed([CLAIMEX, "extract", cdir, "--rules", d, "--quiet", "--jobs", "1", "-o", out], runs, fresh=out)
        costs[n] = t / mb
        log(f"claimex, {count} generated rules: {t / mb * 1000:.1f} ms/MB")
    ratio = costs[1000] / costs[10]
    row("cost per MB, 1000 rules vs 10 (generated)", f"{ratio:.2f}x ({costs[10]*1000:.1f} -> {costs[1000]*1000:.1f} ms/MB)",
        "<= 1.5x", ratio <= 1.5)
    default_count = rule_dir(os.path.join(WORK, "rules-default"), 0, with_defaults=True)
    big = rule_dir(os.path.join(WORK, "rules-default-plus"), 1000, with_defaults=True)
    tb = timed([CLAIMEX, "extract", cdir, "--rules", os.path.join(WORK, "rules-default-plus"), "--quiet",
                "--jobs", "1", "-o", out], runs, fresh=out)
    row(f"cost per MB, default {default_count} rules + 1000 generated vs default alone",
        f"{tb / t1:.2f}x ({t1 / mb * 1000:.1f} -> {tb / mb * 1000:.1f} ms/MB)", "<= 1.5x", tb / t1 <= 1.5)

    gbmb, gbs, peak = peak_rss_stream(args.gb, files)
    row(f"peak memory, {gbmb / 1000:.2f} GB JSONL stream", f"{peak:.0f} MB ({gbmb / gbs:.1f} MB/s)", "<= 200 MB", peak <= 200)

    if not args.skip_peers:
        py = peers_python()
        sub = subset(files, 20 if args.quick else 10)
        smb = size_mb(sub)
        peers = os.path.join(SHARED, "peers")
        ts = timed([py, os.path.join(peers, "spacy_pipeline.py"), "--in", sub, "--out", os.devnull])
        tr = timed([sys.executable, os.path.join(peers, "regex_pipeline.py"), "--in", sub, "--out", os.devnull])
        tc = timed([CLAIMEX, "extract", sub, "--rules", rules, "--quiet", "--jobs", "1", "-o", out], runs, fresh=out)
        spacy, regex = smb / ts, smb / tr
        log(f"subset {smb:.1f} MB: spaCy {spacy:.3f} MB/s, regex {regex:.3f} MB/s, claimex {smb / tc:.1f} MB/s")
        row("one job vs spaCy peer (MB/s)", f"{one / spacy:.0f}x ({one:.1f} vs {spacy:.3f})", ">= 200x", one / spacy >= 200)
        row("one job vs regex peer (MB/s)", f"{one / regex:.0f}x ({one:.1f} vs {regex:.3f})", "(no goal)", None)
        for n in (12, 1200):
            t = timed([py, os.path.join(peers, "spacy_pipeline.py"), "--in", subset(files, 40), "--out", os.devnull,
                       "--rules", os.path.join(peers, "rules_scaled", f"rules_{n}.jsonl")])
            log(f"spaCy peer, {n} patterns: {size_mb(subset(files, 40)) / t:.3f} MB/s")

    table(rows)


def table(rows):
    print("| measure | result | goal | met |")
    print("| --- | --- | --- | --- |")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
