#!/usr/bin/env python3
"""The review pages in a real browser: headless Chromium loads `claimex report` and
`claimex eval --html` pages, runs their script, and the rendered DOM is checked for
highlighted spans (offsets right after emoji), the tag and rule filters, the tables, the
escaping of a hostile brief, and the TP/FP/FN diff; then it takes a screenshot.

Usage: scripts/browser-test.py [--claimex .build/debug/claimex] [--screenshot docs/report.png]
Prints one line per check and "N passed, N failed"; exits 1 on a failure.
"""
import argparse, html.parser, json, os, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
passed, failed = 0, 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def chromium():
    for c in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(c):
            return shutil.which(c)
    sys.exit("browser-test: chromium not found (scripts/bootstrap.sh installs it)")


def browser_args(profile):
    args = [chromium(), "--headless", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--hide-scrollbars", f"--user-data-dir={profile}", "--virtual-time-budget=10000"]
    if os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    return args


def dump(profile, url):
    r = subprocess.run(browser_args(profile) + ["--dump-dom", url], capture_output=True, text=True, timeout=120)
    return r.stdout


class DOM(html.parser.HTMLParser):
    """What the checks need from a dumped page: marks in order (grouped by sentence and by
    adjacency), sentences, table rows, index items, the title, and every tag seen."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.marks, self.sents, self.tags_seen = [], [], []
        self.rows = {"by-tag": 0, "by-rule": 0}
        self.items, self.title, self.body = [], "", {}
        self._stack, self._mark, self._table, self._in_title = [], None, None, False
        self._sent, self._gap = None, True
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags_seen.append(tag)
        cls = (a.get("class") or "").split()
        if tag == "body":
            self.body = a
        if tag == "title":
            self._in_title = True
        if tag == "table":
            self._table = a.get("id")
        if tag == "tr" and self._table in self.rows and (a.get("data-label") is not None or a.get("data-rule") is not None or self._table == "by-rule"):
            self.rows[self._table] += 1
        if tag == "li" and "data-doc" in a:
            self.items.append(cls)
        if tag == "span" and "sent" in cls:
            self._sent = a.get("id")
            self.sents.append({"id": a.get("id"), "cls": cls})
            self._gap = True
        if tag == "mark" and "hl" in cls:
            self._mark = {"labels": a.get("data-labels", "").split(), "rules": a.get("data-rules", "").split(),
                          "text": "", "sent": self._sent, "after_gap": self._gap, "cap": a.get("data-cap")}

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag == "table":
            self._table = None
        if tag == "mark" and self._mark is not None:
            self.marks.append(self._mark)
            self._mark, self._gap = None, False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._mark is not None:
            self._mark["text"] += data
        elif data:
            self._gap = True

    def spans_of(self, rule):
        """Texts of runs of adjacent marks carrying `rule`: one run per tag."""
        out, cur, last = [], None, None
        for m in self.marks:
            if rule in m["rules"] and cur is not None and not m["after_gap"] and m["sent"] == last:
                cur += m["text"]
            else:
                if cur is not None:
                    out.append(cur)
                cur = m["text"] if rule in m["rules"] else None
            if rule not in m["rules"] and cur is not None:
                out.append(cur)
                cur = None
            last = m["sent"]
        if cur is not None:
            out.append(cur)
        return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--claimex", default=os.path.join(ROOT, ".build/debug/claimex"))
    ap.add_argument("--screenshot", help="also save a screenshot of the sample report here (for the README)")
    opts = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="claimex-browser-")
    profile = os.path.join(tmp, "profile")
    try:
        run(opts, tmp, profile)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


def claimex(opts, *args):
    r = subprocess.run([opts.claimex, *args, "--rules", os.path.join(ROOT, "rules")], capture_output=True, text=True, cwd=ROOT)
    return r


def run(opts, tmp, profile):
    # A brief about web attacks, quoting markup (as entities, so it is the brief's text).
    evil = os.path.join(tmp, "hostile.html")
    with open(evil, "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Hostile &lt;script&gt;document.title='pwned'&lt;/script&gt;</title>"
                "</head><body><article><h1>A &lt;script&gt;document.title='pwned'&lt;/script&gt; brief</h1>"
                "<p>Résumé 😀😀 of the café talks: trade rose by 30% to $190 billion in 2022 👩‍👩‍👧.</p>"
                "<p>The EU should strive to deter China &lt;img src=x onerror=\"document.title='pwned'\"&gt; from involvement.</p>"
                "</article></body></html>\n")
    samples = [os.path.join("samples", n) for n in sorted(os.listdir(os.path.join(ROOT, "samples"))) if n.endswith(".txt")]
    report = os.path.join(tmp, "report.html")
    r = claimex(opts, "report", *samples, evil, "-o", report)
    check("report command exits 0 and reports the file size", r.returncode == 0 and ("kB" in r.stderr or "MB" in r.stderr), r.stderr)
    url = "file://" + report

    # The expected tags of the hostile brief, from the records.
    rec = claimex(opts, "extract", evil, "--quiet")
    tags = [t for line in rec.stdout.splitlines() for t in json.loads(line)["tags"]]
    check("the hostile brief has tags after its emoji", len(tags) >= 3, str(len(tags)))
    ndocs = len(samples) + 1

    dom = DOM(dump(profile, url + "#doc=0"))
    check("the script ran (body data-ready)", dom.body.get("data-ready") == "1", str(dom.body))
    check("highlighted spans rendered", len(dom.marks) > 10, str(len(dom.marks)))
    labels = {l for m in dom.marks for l in m["labels"]}
    check("spans of several tags", {"claim", "figure"} <= labels, str(labels))
    check("captures marked inside spans", any(m["cap"] for m in dom.marks))
    check("per-tag table has the four tags", dom.rows["by-tag"] == 4, str(dom.rows))
    check("per-rule table has rows", dom.rows["by-rule"] > 5, str(dom.rows))
    check("document index lists every document", len(dom.items) == ndocs, str(len(dom.items)))
    all_sents = len(dom.sents)

    # A link to a sentence opens its tag in the side panel, as a click does: rule,
    # file:line, captures and normalised fields (sentence 37 of the first brief is
    # "... by 30% to more than $190 billion").
    panel = dump(profile, url + "#doc=0&s=37&tag=figure").split('<aside id="detail">')[1].split("</aside>")[0]
    check("side panel: rule, file:line, capture and fields of the tag",
          "<dt>rule</dt><dd>figure." in panel and "<dt>where</dt><dd>figure.yaml:" in panel
          and "<dt>capture " in panel and ("<dt>change</dt>" in panel or "<dt>value</dt>" in panel), panel[:300])

    f = DOM(dump(profile, url + "#doc=0&tag=figure"))
    check("tag filter: only figure spans remain", f.marks and all(m["labels"] == ["figure"] for m in f.marks),
          str({tuple(m["labels"]) for m in f.marks}))
    check("tag filter: fewer spans than unfiltered", 0 < len(f.marks) < len(dom.marks), f"{len(f.marks)} vs {len(dom.marks)}")

    rule = dom.marks[0]["rules"][0]
    g = DOM(dump(profile, url + f"#rule={rule}&only=1"))
    check("rule filter: every span is that rule's", g.marks and all(m["rules"] == [rule] for m in g.marks),
          str({tuple(m["rules"]) for m in g.marks}))
    check("only-tagged filter hides untagged sentences", 0 < len(g.sents) < all_sents, f"{len(g.sents)} of {all_sents}")

    h = DOM(dump(profile, url + f"#doc={ndocs - 1}"))
    check("hostile brief: its script did not run", h.title == "claimex report", h.title)
    check("hostile brief: no element of its own", "img" not in h.tags_seen and h.tags_seen.count("script") == 2 + ndocs,
          str([t for t in h.tags_seen if t in ("img", "script")]))
    raw = dump(profile, url + f"#doc={ndocs - 1}")
    check("hostile brief: its markup shows as text", "&lt;script&gt;document.title" in raw and "&lt;img src=x" in raw)
    bad = []
    rules_of = {}
    meta_rules = json.loads(open(report, encoding="utf-8").read().split('<script type="application/json" id="meta">')[1].split("</script>")[0])["rules"]
    for k, r_ in enumerate(meta_rules):
        rules_of[(r_["id"], r_["label"], r_["file"], r_["line"])] = str(k)
    for t in tags:
        k = rules_of[(t["rule"], t["label"], t["file"], t["line"])]
        if t["text"] not in h.spans_of(k):
            bad.append((t["rule"], t["text"], h.spans_of(k)))
    check("spans after emoji highlight exactly their tag's text", not bad, str(bad))

    shot = os.path.join(tmp, "report.png")
    subprocess.run(browser_args(profile) + ["--window-size=1400,1000", f"--screenshot={shot}", url + "#doc=0&s=37&only=1&tag=figure,recommendation"],
                   capture_output=True, timeout=120)
    ok = os.path.exists(shot) and open(shot, "rb").read(8) == b"\x89PNG\r\n\x1a\n" and os.path.getsize(shot) > 20000
    check("screenshot taken", ok, str(os.path.getsize(shot)) if os.path.exists(shot) else "missing")
    if opts.screenshot:
        # The README's picture: the sample briefs alone, the figure and recommendation
        # filter on, a figure's rule, captures and fields in the side panel.
        page = os.path.join(tmp, "samples.html")
        claimex(opts, "report", *samples, "-o", page)
        subprocess.run(browser_args(profile) + ["--window-size=1400,1000", f"--screenshot={os.path.join(ROOT, opts.screenshot)}",
                                                "file://" + page + "#doc=0&s=37&only=1&tag=figure,recommendation"],
                       capture_output=True, timeout=120)

    diff = os.path.join(tmp, "diff.html")
    r = claimex(opts, "eval", "--gold", "samples/gold/seeds.jsonl", *samples, "--html", diff)
    check("eval --html writes the diff page", r.returncode == 0 and os.path.exists(diff), r.stderr)
    page = open(diff, encoding="utf-8").read()
    d = DOM(dump(profile, "file://" + diff + "#doc=0"))
    verdicts = dump(profile, "file://" + diff + "#doc=0")
    check("diff: TP, FP and FN verdicts rendered", all(f'class="verdict {v}"' in verdicts for v in ("tp", "fp", "fn")))
    link = page.split('<details id="fn-list"')[1].split('href="#')[1].split('"')[0].replace("&amp;", "&")
    t = DOM(dump(profile, "file://" + diff + "#" + link))
    target = "s" + link.split("s=")[1]
    check("diff: an FN link opens its sentence, marked", any(s["id"] == target and "target" in s["cls"] for s in t.sents), link)
    check("diff: per-tag table with P/R/F1 and micro row", d.rows["by-tag"] == 5, str(d.rows))


if __name__ == "__main__":
    main()
