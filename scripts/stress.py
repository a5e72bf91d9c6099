#!/usr/bin/env python3
"""claimex under hostile input and careless use: one row per case, with time, peak memory
and outcome (issue 18). Uses the release binary (`make stress` builds it).

usage: scripts/stress.py [--quick] [--big-mb 200] [--only NAME,NAME]

Cases: a big text file (peak memory against its size), text with no sentence end (1 and
10 MB of random words), a huge title, a nested-repetition rule, kill and --resume on the
bench corpus, --resume of a large finished output (against reading it once), two runs on
the same -o, Ctrl-C with more jobs than cores. Work files go to a temporary folder; the
bench corpus (../shared/bench) is unpacked there as scripts/bench.py does.
"""
import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
CLAIMEX = os.path.join(ROOT, ".build", "release", "claimex")
RULES = os.path.join(ROOT, "rules")
WORK = os.path.join(tempfile.gettempdir(), "claimex-stress")
CORES = os.cpu_count() or 1
rows = []


def log(*a):
    print(*a, file=sys.stderr, flush=True)


class Run:
    """A claimex process; `wait` gives status, seconds and peak RSS (MB) from wait4."""

    def __init__(self, args, stdout=subprocess.DEVNULL, cwd=WORK):
        self.err_path = os.path.join(WORK, f"stderr-{time.monotonic_ns()}.txt")
        self.err_file = open(self.err_path, "wb")
        self.start = time.monotonic()
        self.p = subprocess.Popen([CLAIMEX] + args, stdout=stdout, stderr=self.err_file, cwd=cwd)

    def wait(self):
        _, status, usage = os.wait4(self.p.pid, 0)
        self.p.returncode = os.waitstatus_to_exitcode(status)
        self.seconds = time.monotonic() - self.start
        self.peak_mb = usage.ru_maxrss / 1024
        self.cpu = usage.ru_utime + usage.ru_stime  # wall time on a busy machine is mostly waiting
        self.err_file.close()
        with open(self.err_path, encoding="utf-8", errors="replace") as f:
            self.err = f.read()
        return self

    @property
    def status(self):
        return self.p.returncode


def run(args, **kw):
    return Run(args, **kw).wait()


def row(case, r, outcome, ok):
    rows.append((case, f"{r.seconds:.2f} s", f"{r.peak_mb:.0f} MB", outcome, "yes" if ok else "NO"))
    log(f"{case}: {r.seconds:.2f} s, {r.peak_mb:.0f} MB, {outcome}")


def wait_for(path, size=1, timeout=120, proc=None):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if os.path.exists(path) and os.path.getsize(path) >= size:
            return True
        if proc is not None and proc.p.poll() is not None:
            return False
        time.sleep(0.005)
    return False


def words():
    with open(os.path.join(ROOT, "samples", "pism-2023-china-russia-partners.txt"), encoding="utf-8") as f:
        vocab = sorted({w.strip(".,;:()\"'").lower() for w in f.read().split()} - {""})
    return [w for w in vocab if w.isalpha()]


def random_words(path, mb, seed=0):
    rng, vocab = random.Random(seed), words()
    with open(path, "w", encoding="utf-8") as f:
        written, chunk = 0, []
        while written < mb * 1e6:
            line = " ".join(rng.choice(vocab) for _ in range(2000)) + " "
            f.write(line)
            written += len(line)


def corpus():
    d = os.path.join(tempfile.gettempdir(), "claimex-bench", "ungdc")
    if not os.path.isdir(d) or len(os.listdir(d)) < 1000:
        os.makedirs(d, exist_ok=True)
        with tarfile.open(os.path.join(SHARED, "bench", "ungdc-1096.tar.gz")) as t:
            t.extractall(d)
    return d


def sorted_digest(path):
    """The sha256 of the file's lines sorted, by sort(1): this process stays small, as a
    child's peak RSS (wait4) starts from its parent's size at fork."""
    sort = subprocess.Popen(["sort", "-S", "100M", path], stdout=subprocess.PIPE, env=dict(os.environ, LC_ALL="C"))
    digest = subprocess.run(["sha256sum"], stdin=sort.stdout, capture_output=True, text=True).stdout
    sort.wait()
    return digest.split()[0]


# --- cases -------------------------------------------------------------------------------

def big_file(mb):
    """A big text of real sentences: peak memory per document against its size (goal <= 6x)."""
    src = os.path.join(ROOT, "samples", "pism-2023-china-russia-partners.txt")
    path = os.path.join(WORK, f"big-{mb}.txt")
    if not os.path.exists(path) or os.path.getsize(path) < mb * 1e6:
        with open(src, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            n = 0
            while n < mb * 1e6:
                f.write(text + "\n\n")
                n += len(text.encode()) + 2
    size = os.path.getsize(path) / 1e6
    r = run(["extract", path, "--rules", RULES, "--quiet", "-o", "/dev/null"])
    ratio = r.peak_mb * 1.048576 / size
    row(f"{size:.0f} MB text file, tagged records", r, f"exit {r.status}, peak {ratio:.1f}x its size", r.status == 0 and ratio <= 6)
    r = run(["extract", path, "--rules", RULES, "--quiet", "--all-sentences", "-o", "/dev/null"])
    ratio = r.peak_mb * 1.048576 / size
    row(f"{size:.0f} MB text file, --all-sentences", r, f"exit {r.status}, peak {ratio:.1f}x its size", r.status == 0 and ratio <= 6)


def no_sentence_ends(mb):
    path = os.path.join(WORK, f"words-{mb}.txt")
    if not os.path.exists(path):
        random_words(path, mb)
    r = run(["extract", path, "--rules", RULES, "--quiet", "-o", "/dev/null"])
    warned = "token limit for matching" in r.err
    row(f"{mb} MB of random words, no sentence end", r, f"exit {r.status}, {'warning names the place' if warned else 'no warning'}",
        r.status == 0 and warned)


def huge_title():
    path = os.path.join(WORK, "title.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# " + "Title " * 170_000 + "\n\nThe EU should act now. Trade rose by 30% to $190 billion.\n")
    out = os.path.join(WORK, "title.jsonl")
    r = run(["extract", path, "--rules", RULES, "--quiet", "-o", out])
    size = os.path.getsize(out) if os.path.exists(out) else 0
    row("1 MB title line", r, f"exit {r.status}, output {size / 1e3:.1f} kB", r.status == 0 and size < 20_000)


def nested_repetition():
    d = os.path.join(WORK, "nested-rules")
    shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(RULES, d)
    for k, pattern in enumerate(["(((a?){50}){50}){50} b", "(((((a?){50}){50}){50}){50}){50} b", "((..50){50}){50} Russia"]):
        with open(os.path.join(d, "nested.yaml"), "w") as f:
            f.write(f"rules:\n  - id: nested\n    tag: claim\n    description: d\n    pattern: '{pattern}'\n")
        r = run(["test", "--rules", d])
        located = "nested.yaml:5:" in r.err and "over the limit" in r.err
        row(f"rule '{pattern}'", r, f"exit {r.status}, {'located error' if located else r.err.strip()[:60]}", r.status == 2 and located)


def kill_and_resume(files_dir):
    out = os.path.join(WORK, "resume.jsonl")
    fresh = os.path.join(WORK, "fresh.jsonl")
    for p in (out, out + ".partial"):
        if os.path.exists(p):
            os.remove(p)
    common = ["extract", files_dir, "--rules", RULES, "--quiet", "--all-sentences"]
    first = Run(common + ["-o", out])
    wait_for(out + ".partial", 20_000_000, proc=first)
    first.p.send_signal(signal.SIGKILL)
    first.wait()
    r = run(common + ["-o", out, "--resume"])
    f = run(common + ["-o", fresh])
    same = sorted_digest(out) == sorted_digest(fresh)
    row("kill -9 at 20 MB, then --resume", r, f"exit {r.status}, {'same records as a fresh run' if same else 'RECORDS DIFFER'}",
        r.status == 0 and same)
    return fresh


def resume_finished(big_output, files_dir):
    """--resume of a finished output with nothing to add (one input, already in it), against
    the same run to /dev/null: the difference is what reading the old output costs; goal, at
    most reading it once (dd, 1 MB reads), in CPU time (wall time on a shared machine is
    mostly waiting) and memory."""
    mb = os.path.getsize(big_output) / 1e6
    one = os.path.join(files_dir, sorted(os.listdir(files_dir))[0])
    plain = min((run(["extract", one, "--rules", RULES, "--quiet", "-o", "/dev/null"]) for _ in range(3)), key=lambda r: r.cpu)
    # dd reads it into a buffer, 1 MB at a time (cat may splice it to /dev/null unread)
    cat = subprocess.Popen(["dd", f"if={big_output}", "of=/dev/null", "bs=1M"], stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(cat.pid, 0)
    read_once = usage.ru_utime + usage.ru_stime
    before = os.stat(big_output)
    r = min((run(["extract", one, "--rules", RULES, "--quiet", "--all-sentences", "-o", big_output, "--resume"]) for _ in range(3)),
            key=lambda r: r.cpu)
    after = os.stat(big_output)
    kept = (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    extra_s, extra_mb = r.cpu - plain.cpu, r.peak_mb - plain.peak_mb
    row(f"--resume of a finished {mb:.0f} MB output, nothing to add", r,
        f"exit {r.status}; {extra_s:.2f} s CPU and {extra_mb:.0f} MB more than the same run to /dev/null; dd reads it in {read_once:.2f} s CPU; "
        + ("output left in place" if kept else "OUTPUT REWRITTEN"),
        r.status == 0 and kept and extra_s <= 1.5 * read_once and extra_mb < 16)


def concurrent_output(files_dir):
    out = os.path.join(WORK, "shared.jsonl")
    for p in (out, out + ".partial"):
        if os.path.exists(p):
            os.remove(p)
    common = ["extract", files_dir, "--rules", RULES, "--quiet", "-o", out]
    first = Run(common + ["--jobs", "1"])
    wait_for(out + ".partial", 1, proc=first)
    second = run(common)
    first.wait()
    refused = second.status == 2 and "another claimex run" in second.err
    row("second run on the same -o", second, f"second exit {second.status}, first exit {first.status}",
        refused and first.status == 0)


def interrupt(files_dir):
    jobs = CORES * 4
    r = Run(["extract", files_dir, "--rules", RULES, "--quiet", "--all-sentences", "--jobs", str(jobs),
             "-o", os.path.join(WORK, "sigint.jsonl")])
    wait_for(os.path.join(WORK, "sigint.jsonl.partial"), 1, proc=r)
    time.sleep(0.5)
    sent = time.monotonic()
    r.p.send_signal(signal.SIGINT)
    r.wait()
    after = time.monotonic() - sent
    published = os.path.exists(os.path.join(WORK, "sigint.jsonl"))
    rows.append((f"Ctrl-C with --jobs {jobs} on {CORES} cores", f"{after:.2f} s after the signal", f"{r.peak_mb:.0f} MB",
                 f"exit {r.status}, {'output published' if published else 'nothing published'}",
                 "yes" if r.status == 130 and not published and after < 2 else "NO"))
    log(rows[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="smaller files (big file 50 MB, words 1 MB only)")
    ap.add_argument("--big-mb", type=int, default=200)
    ap.add_argument("--only", default="")
    a = ap.parse_args()
    if not os.access(CLAIMEX, os.X_OK):
        sys.exit(f"{CLAIMEX}: build it first (make release)")
    os.makedirs(WORK, exist_ok=True)
    only = set(filter(None, a.only.split(",")))
    want = lambda name: not only or name in only
    bench = corpus() if any(want(n) for n in ("resume", "concurrent", "sigint")) else None
    if want("big"):
        big_file(50 if a.quick else a.big_mb)
    if want("words"):
        for mb in ([1] if a.quick else [1, 10]):
            no_sentence_ends(mb)
    if want("title"):
        huge_title()
    if want("nested"):
        nested_repetition()
    if want("resume"):
        fresh = kill_and_resume(bench)
        resume_finished(fresh, bench)
    if want("concurrent"):
        concurrent_output(bench)
    if want("sigint"):
        interrupt(bench)
    print("| case | time | peak memory | outcome | as it should be |")
    print("| --- | --- | --- | --- | --- |")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    sys.exit(0 if all(r[-1] == "yes" for r in rows) else 1)


if __name__ == "__main__":
    main()
