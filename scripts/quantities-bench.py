#!/usr/bin/env python3
"""claimex's figures against quantulum3, in one run (issue: every quantity, normalised).

usage: scripts/quantities-bench.py [--claimex PATH] [--skip-peer]

1. The quantity parser's own test sentences, ../shared/corpora/quantulum3-tests/
   quantities.json, compared on the quantities that carry a unit (the tagging guide does
   not count bare numbers and years; ../shared/corpora/README.md). Detection: a tool's
   quantity overlaps the gold surface text. Precision: of the tool's quantities that carry
   a unit (claimex: figure tags with a value or a range), those that overlap a gold
   quantity with a unit; one that overlaps only a bare number of the gold is not counted.
   Value+unit accuracy: over every gold quantity with a unit (a miss is wrong), the value
   (a range's midpoint) within 1e-6 and the same unit, or the same dimension and the same
   value in canonical units (44 ml is 44 cubic centimetres). Two rules, the same for both
   tools (docs/quantities.md, Measured): a gold range (quantulum3's mean with an
   uncertainty) is right when the tool's two numbers for it (a range's low/high, a move's
   from/value, the peer's value +/- uncertainty) are its two ends (ends rule); gold
   quantities that are the parts of one measure ("twenty-one years and six months") are
   right when one quantity of the tool spans them and equals their sum in canonical units
   (parts rule). "By value alone" is printed beside: one number per quantity, no rules.
2. The figure units of the development briefs (../shared/gold/briefs.jsonl), halves A and B
   of the held-out protocol (sorted file names, 0-based: A even, B odd) and all 18: each
   gold unit's text goes to both tools, and a unit is a figure for claimex when a figure
   tag fires, for quantulum3 when it finds a quantity with a unit. The gold has no values,
   so this part scores detection only. `claimex eval` (whole documents, its own sentence
   split) is printed beside it.

quantulum3 is installed from PyPI into .venv-quantities/ (created here on first run).
Goals: recall >= 0.97 and value+unit accuracy >= 0.95 on the unit-bearing quantities;
figure F1 >= 0.90 and precision >= 0.80 on half B.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RULES = os.path.join(ROOT, "rules")
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
VENV = os.path.join(ROOT, ".venv-quantities")
QUANTITIES = os.path.join(SHARED, "corpora", "quantulum3-tests", "quantities.json")
BRIEFS_GOLD = os.path.join(SHARED, "gold", "briefs.jsonl")
BRIEFS_DIR = os.path.join(SHARED, "gold", "briefs")
PEER_VERSION = "quantulum3==0.9.2"

# quantulum3's names of currencies and counting words, as claimex writes them.
CURRENCIES = {"dollar": "USD", "euro": "EUR", "pound sterling": "GBP", "yen": "JPY", "count": "times",
              "percentage": "percent"}
COUNTS = {"dozen": 12, "gross": 144, "baker's dozen": 13}

# Gold quantities where claimex differs from quantulum3 on purpose (docs/quantities.md,
# Choices). They stay in the denominator: each is a miss or a wrong value in the scores
# above; this list only names the reason when the misses are printed.
CHOICES = {
    "absolute zero": "a named point with no number written: not a figure (TAGGING.md: a quantity the text gives)",
    "a square dozen": "a dozen squared is not read",
}


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# --- the unit registry, to name quantulum3's units as claimex does --------------------

def registry():
    units, names = {}, {}
    with open(os.path.join(ROOT, "rules", "units.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = [c.strip() for c in line.split("\t")]
            uid, dim, canon, factor, nm = cols[:5]
            units[uid] = (dim, None if factor == "-" else float(factor))
            for n in ([] if nm == "-" else nm.split("|")):
                names.setdefault(n.lower(), uid)
    return units, names


UNITS, NAMES = registry()


def claimex_id(name):
    """quantulum3's unit name ("kilometre per square second") as a claimex unit id."""
    name = name.lower()
    if name in CURRENCIES:
        return CURRENCIES[name]
    if name in NAMES:
        return NAMES[name]
    parts = name.split(" per ")
    ids = []
    for k, p in enumerate(parts):
        power = 1
        for word, n in (("square ", 2), ("cubic ", 3), ("inverse ", -1)):
            if p.startswith(word):
                p, power = p[len(word):], n
        uid = CURRENCIES.get(p) or NAMES.get(p)
        if uid is None:
            return None
        ids.append((uid, power if k == 0 else -power))
    if len(ids) == 1 and ids[0][1] == -1:
        return ids[0][0] + "-1"
    num = [u + (str(abs(p)) if abs(p) > 1 else "") for u, p in ids if p > 0]
    den = [u + (str(abs(p)) if abs(p) > 1 else "") for u, p in ids if p < 0]
    uid = "/".join(["·".join(num)] + den)
    return uid


def si(uid, value):
    """value in canonical units, or None; a compound's factor from its parts."""
    if uid in UNITS and UNITS[uid][1] is not None:
        return UNITS[uid][0], value * UNITS[uid][1]
    return None


# --- running the tools ------------------------------------------------------------------

def run_claimex(claimex, texts):
    """{id: [figure tag, ...]} for {"id", "text"} documents, in one process."""
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in texts.items())
    out = subprocess.run([claimex, "extract", "--input-format", "jsonl", "--quiet",
                          "--jobs", "1", "--rules", RULES],
                         input=lines.encode(), capture_output=True, check=True).stdout
    tags = {i: [] for i in texts}
    for line in out.decode().splitlines():
        r = json.loads(line)
        for t in r["tags"]:
            if t["label"] == "figure":
                tags[r["id"]].append(t)
    return tags


def ensure_peer():
    py = os.path.join(VENV, "bin", "python")
    if not os.path.exists(py):
        log(f"creating {VENV} with {PEER_VERSION} from PyPI")
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([py, "-m", "pip", "install", "-q", PEER_VERSION], check=True)
    return py


PEER_SCRIPT = r"""
import json, sys
from quantulum3 import parser
out = {}
for i, text in json.load(sys.stdin).items():
    qs = []
    for q in parser.parse(text):
        qs.append({"value": q.value, "unit": q.unit.name, "span": list(q.span),
                   "surface": q.surface, "uncertainty": q.uncertainty})
    out[i] = qs
json.dump(out, sys.stdout)
"""


def run_peer(py, texts):
    out = subprocess.run([py, "-c", PEER_SCRIPT], input=json.dumps(texts).encode(),
                         capture_output=True, check=True).stdout
    return json.loads(out)


# --- part 1: the quantity parser's test sentences ---------------------------------------

def spans(text, res):
    """Gold quantities with their character span in the sentence, in order."""
    at, out = 0, []
    for r in res:
        k = text.find(r["surface"], at)
        if k < 0:
            k = text.find(r["surface"])
        out.append((k, k + len(r["surface"]), r))
        if k >= 0:
            at = k + 1
    return out


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def same(a, b):
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def claimex_quantities(text, tags):
    out = []
    for t in tags:
        f = t.get("fields", {})
        if "value" in f:
            v = f["value"]
        elif "low" in f and "high" in f:
            v = (f["low"] + f["high"]) / 2
        else:
            continue
        s, e = t["offsets"]["scalar"]
        if text[s:e] != t["text"]:       # a multi-sentence input: find the tag's text
            k = text.find(t["text"])
            s, e = (k, k + len(t["text"])) if k >= 0 else (s, e)
        sv = None
        if "si_value" in f or "si_low" in f:
            sv = (f.get("dimension"), f["si_value"] if "si_value" in f else (f["si_low"] + f["si_high"]) / 2)
        # the two numbers of a range (low, high) or of a move (from, value), smaller first
        ends = si_ends = None
        if "low" in f and "high" in f:
            ends = (f["low"], f["high"])
            si_ends = (f["si_low"], f["si_high"]) if "si_low" in f else None
        elif "from" in f and "value" in f:
            ends = tuple(sorted((f["from"], f["value"])))
            si_ends = tuple(sorted((f["si_from"], f["si_value"]))) if "si_from" in f else None
        out.append({"span": (s, e), "value": v, "unit": f.get("unit"), "dimension": f.get("dimension"), "si": sv,
                    "ends": ends, "si_ends": si_ends})
    return out


def gold_ends(g):
    """A gold range's two ends: quantulum3 writes "44 mg to 50 mg" as 47 with uncertainty 3."""
    u = g.get("uncertainty")
    return (g["value"] - u, g["value"] + u) if u else None


def same_ends(a, b):
    return a is not None and b is not None and same(a[0], b[0]) and same(a[1], b[1])


def correct_claimex(g, q, ends=True):
    name = g["unit"]
    if name in COUNTS:
        return q["dimension"] == "count" and same(q["value"], g["value"] * COUNTS[name])
    uid = claimex_id(name)
    ge = gold_ends(g) if ends else None
    if ge is not None and q["ends"] is not None:
        # Ends rule: a range or a move is right when its two numbers are the gold's two ends
        if uid is not None and q["unit"] == uid and same_ends(q["ends"], ge):
            return True
        gs = [si(uid, x) if uid else None for x in ge]
        return (None not in gs and q["si_ends"] is not None and q["si"] is not None
                and gs[0][0] == q["si"][0] and same_ends(q["si_ends"], (gs[0][1], gs[1][1])))
    if uid is not None and q["unit"] == uid and same(q["value"], g["value"]):
        return True
    gs = si(uid, g["value"]) if uid else None
    return gs is not None and q["si"] is not None and gs[0] == q["si"][0] and same(gs[1], q["si"][1])


def correct_peer(g, q, ends=True):
    if q["unit"] != g["unit"]:
        return False
    ge = gold_ends(g) if ends else None
    if ge is not None and q.get("uncertainty"):
        return same_ends(ge, (q["value"] - q["uncertainty"], q["value"] + q["uncertainty"]))
    return same(q["value"], g["value"])


def peer_si(q):
    """A quantulum3 quantity in canonical units, (dimension, value), or None."""
    uid = claimex_id(q["unit"])
    return si(uid, q["value"]) if uid else None


def parts_sum(golds, q, q_si):
    """Parts rule: gold quantities of one measure written in parts ("twenty-one years and
    six months", "5 feet 11 inches") that one quantity of the tool spans are right when that
    quantity is their sum in canonical units."""
    if len(golds) < 2 or q_si is None:
        return False
    conv = [si(claimex_id(r["unit"]), r["value"]) if claimex_id(r["unit"]) else None for r in golds]
    if None in conv or any(c[0] != q_si[0] for c in conv):
        return False
    return same(sum(c[1] for c in conv), q_si[1])


def score_quantities(items, found, correct, to_si, rules=True):
    gold_n = tp_gold = right = 0
    pred_n = pred_tp = 0
    misses = []
    for key, (text, res) in items.items():
        gold = spans(text, res)
        units = [(s, e, r) for s, e, r in gold if r["unit"] != "dimensionless"]
        bare = [(s, e) for s, e, r in gold if r["unit"] == "dimensionless"]
        qs = found.get(key, [])
        summed = set()
        if rules:
            for q in qs:
                covered = [k for k, (s, e, r) in enumerate(units) if overlaps(q["span"], (s, e))]
                if parts_sum([units[k][2] for k in covered], q, to_si(q)):
                    summed.update(covered)
        for k, (s, e, r) in enumerate(units):
            gold_n += 1
            hits = [q for q in qs if overlaps(q["span"], (s, e))]
            if hits:
                tp_gold += 1
                if k in summed or any(correct(r, q, rules) for q in hits):
                    right += 1
                else:
                    misses.append((text, r["surface"], r["value"], r["unit"], [(q["value"], q["unit"]) for q in hits]))
            else:
                misses.append((text, r["surface"], r["value"], r["unit"], None))
        for q in qs:
            on_unit = any(overlaps(q["span"], (s, e)) for s, e, _ in units)
            if not on_unit and any(overlaps(q["span"], b) for b in bare):
                continue
            pred_n += 1
            pred_tp += on_unit
    return {"gold": gold_n, "recall": tp_gold / gold_n, "precision": pred_tp / pred_n if pred_n else 0.0,
            "accuracy": right / gold_n, "misses": misses}


# --- part 2: the development briefs -----------------------------------------------------

def halves():
    names = sorted(f for f in os.listdir(BRIEFS_DIR) if f.endswith(".txt"))
    return {n: ("A" if k % 2 == 0 else "B") for k, n in enumerate(names)}


def prf(pairs):
    tp = sum(1 for g, p in pairs if g and p)
    fp = sum(1 for g, p in pairs if p and not g)
    fn = sum(1 for g, p in pairs if g and not p)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def claimex_eval(claimex, gold, paths):
    out = subprocess.run([claimex, "eval", "--gold", gold, *paths, "--format", "json",
                          "--rules", RULES], capture_output=True, check=True).stdout
    report = json.loads(out)
    for t in report.get("tags", []):
        if t.get("tag") == "figure":
            return t["precision"], t["recall"], t["f1"]
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claimex", default=os.path.join(ROOT, ".build", "release", "claimex"))
    ap.add_argument("--rules", default=os.path.join(ROOT, "rules"))
    ap.add_argument("--skip-peer", action="store_true", help="claimex only (no venv, no PyPI)")
    ap.add_argument("--misses", action="store_true", help="list claimex's misses on the test sentences")
    args = ap.parse_args()
    global RULES
    RULES = args.rules
    peer = None if args.skip_peer else ensure_peer()

    data = json.load(open(QUANTITIES, encoding="utf-8"))
    items = {f"q{k}": (d["req"], d["res"]) for k, d in enumerate(data)}
    texts = {k: v[0] for k, v in items.items()}
    tags = run_claimex(args.claimex, texts)
    cq = {k: claimex_quantities(texts[k], tags[k]) for k in texts}
    cx = score_quantities(items, cq, correct_claimex, lambda q: q["si"])
    rows = [("claimex", cx, score_quantities(items, cq, correct_claimex, lambda q: q["si"], rules=False))]
    if peer:
        pq = run_peer(peer, texts)
        found = {k: [dict(q, span=tuple(q["span"])) for q in v if q["unit"] != "dimensionless"] for k, v in pq.items()}
        rows.append(("quantulum3", score_quantities(items, found, correct_peer, peer_si),
                     score_quantities(items, found, correct_peer, peer_si, rules=False)))

    print(f"## Quantities with a unit ({cx['gold']} in quantulum3's {len(data)} test sentences)\n")
    print("| tool | recall | precision | value+unit accuracy | by value alone |")
    print("|---|---|---|---|---|")
    for name, s, plain in rows:
        print(f"| {name} | {s['recall']:.3f} | {s['precision']:.3f} | {s['accuracy']:.3f} | {plain['accuracy']:.3f} |")
    print("\nvalue+unit accuracy: a range or a move is right when its two numbers are the gold range's two "
          "ends (ends rule), and quantities of one measure in parts are right when one quantity is their sum "
          "(parts rule); 'by value alone' compares one number per quantity (a range's midpoint, a move's level "
          "reached) and each part on its own (docs/quantities.md, Measured)")
    print(f"\ngoals: recall >= 0.97, value+unit accuracy >= 0.95")
    chosen = [m for m in cx["misses"] if m[1] in CHOICES]
    print(f"\nclaimex: {len(cx['misses'])} gold quantities missed or wrong, {len(chosen)} of them on purpose "
          "(docs/quantities.md, Choices; counted as misses above)")
    if args.misses:
        print("\nclaimex misses (surface | gold value, unit | claimex || sentence):")
        for m in cx["misses"]:
            why = f"  [choice: {CHOICES[m[1]]}]" if m[1] in CHOICES else ""
            print("  ", m[1], "|", m[2], m[3], "|", m[4], "||", m[0][:90] + why)

    gold = [json.loads(l) for l in open(BRIEFS_GOLD, encoding="utf-8")]
    half = halves()
    texts = {f"u{k}": g["text"] for k, g in enumerate(gold)}
    ctags = run_claimex(args.claimex, texts)
    pq = run_peer(peer, texts) if peer else None
    print("\n## Figure units of the development briefs (each gold unit's text given to both tools)\n")
    print("| set | units | figures | claimex P | R | F1 | quantulum3 P | R | F1 | claimex eval P | R | F1 |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    sets = {"A": None, "B": None, "all": None}
    for name in sets:
        idx = [k for k, g in enumerate(gold) if name == "all" or half.get(g["doc"]) == name]
        gl = [("figure" in gold[k]["labels"]) for k in idx]
        c = prf([(g, bool(ctags[f"u{k}"])) for g, k in zip(gl, idx)])
        q = prf([(g, any(x["unit"] != "dimensionless" for x in pq[f"u{k}"])) for g, k in zip(gl, idx)]) if pq else None
        if name == "all":
            ev = claimex_eval(args.claimex, BRIEFS_GOLD, [BRIEFS_DIR])
        else:
            with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as tf:
                for k in idx:
                    tf.write(json.dumps(gold[k]) + "\n")
            docs = sorted({gold[k]["doc"] for k in idx})
            ev = claimex_eval(args.claimex, tf.name, [os.path.join(BRIEFS_DIR, d) for d in docs])
            os.unlink(tf.name)
        fmt = lambda t: " | ".join(f"{x:.3f}" for x in t) if t else "- | - | -"
        print(f"| {name} | {len(idx)} | {sum(gl)} | {fmt(c)} | {fmt(q)} | {fmt(ev)} |")
    print("\ngoals (half B): figure F1 >= 0.90, precision >= 0.80")


if __name__ == "__main__":
    main()
