#!/usr/bin/env python3
"""Makes the PDF editions of the sample briefs (samples/*.pdf) from their text editions.

The blocks come from claimex's own reading of samples/NAME.txt (`claimex extract
--all-sentences`): the text edition is what a PDF converter made of a think tank's PDF, so
this goes the other way and prints it the way such PDFs look: a running header and a page
number on every page (furniture), one or two columns, the title across the page, bold
headings, bullet lists, footnotes at the foot of the page their marker is on, a small table,
typographic ligatures (fi, fl) and words hyphenated at line ends.

Needs reportlab and pyphen (PyPI): run with no arguments and it makes its own venv
(.venv-pdf). The PDFs are deterministic (reportlab's invariant mode): running it again gives
the same bytes.

    scripts/make-sample-pdfs.py [--claimex .build/debug/claimex]
"""
import argparse
import json
import os
import subprocess
import sys

import venvrun
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ensure_venv():
    venvrun.ensure(".venv-pdf", ["reportlab", "pyphen"], ["reportlab>=4.0", "pyphen>=0.14"], "make-sample-pdfs")


# How each think tank prints: running header (left, right), columns, table rows.
EDITIONS = {
    "pism-2023-china-russia-partners": dict(
        header=("PISM BULLETIN", "No. 47 (2166) · 24 March 2023"), columns=1,
        table=[("Publisher", "PISM"), ("Series", "Bulletin"), ("Published", "24 March 2023")]),
    "pism-2024-putin-visit-china": dict(
        header=("PISM SPOTLIGHT", "No. 73/2024 · 21 May 2024"), columns=2,
        table=[("Publisher", "PISM"), ("Series", "Spotlight"), ("Published", "21 May 2024")]),
    "sceeus-2024-putin-in-beijing": dict(
        header=("NKK/SCEEUS COMMENTARY", "No. 1, 2024"), columns=2, title=2,
        table=[("Publisher", "SCEEUS"), ("Series", "Commentary"), ("Published", "21 May 2024")]),
}

SUPERSCRIPTS = {"¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁰": "0"}


def blocks_of(claimex, txt):
    """[(kind, section depth, text)] of the text edition, furniture left out."""
    out = subprocess.run([claimex, "extract", "--all-sentences", "--quiet", txt],
                         check=True, capture_output=True, text=True).stdout
    blocks = {}
    for line in out.splitlines():
        r = json.loads(line)
        b = blocks.setdefault(r["block"]["index"], [r["block"]["kind"], len(r["section"]), []])
        b[2].append(r["text"])
    return [(k, d, " ".join(t)) for _, (k, d, t) in sorted(blocks.items()) if k != "furniture"]


def markup(text, ligatures=True):
    """reportlab paragraph markup: escaped, footnote markers raised, fi/fl as ligatures."""
    s = escape(text)
    for sup, digit in SUPERSCRIPTS.items():
        s = s.replace(sup, f"<super>{digit}</super>")
    if ligatures:
        s = s.replace("fi", "\ufb01").replace("fl", "\ufb02")
    return s


def build(name, claimex):
    from reportlab import rl_config
    rl_config.invariant = 1
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
    from reportlab.lib import colors
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import (BaseDocTemplate, Frame, PageTemplate, Paragraph, Table, TableStyle,
                                    FrameBreak, NextPageTemplate, Flowable, Spacer)
    import reportlab

    fonts = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    for face, file in [("Vera", "Vera.ttf"), ("Vera-Bold", "VeraBd.ttf"), ("Vera-Italic", "VeraIt.ttf"),
                       ("Vera-BoldItalic", "VeraBI.ttf")]:
        pdfmetrics.registerFont(TTFont(face, os.path.join(fonts, file)))
    pdfmetrics.registerFontFamily("Vera", normal="Vera", bold="Vera-Bold", italic="Vera-Italic",
                                  boldItalic="Vera-BoldItalic")

    ed = EDITIONS[name]
    blocks = blocks_of(claimex, os.path.join(ROOT, "samples", name + ".txt"))
    W, H = A4
    margin, gutter, top, bottom = 56, 18, 70, 110
    body = ParagraphStyle("body", fontName="Vera", fontSize=9.5, leading=12.5, spaceAfter=6,
                          alignment=TA_JUSTIFY, hyphenationLang="en_GB", embeddedHyphenation=1,
                          uriWasteReduce=0.3)
    title = ParagraphStyle("title", fontName="Vera-Bold", fontSize=17, leading=21, spaceAfter=8, alignment=TA_LEFT)
    h2 = ParagraphStyle("h2", fontName="Vera-Bold", fontSize=11.5, leading=14, spaceBefore=6, spaceAfter=6)
    h3 = ParagraphStyle("h3", fontName="Vera-Bold", fontSize=10, leading=13, spaceBefore=4, spaceAfter=5)
    byline = ParagraphStyle("byline", parent=body, fontName="Vera-Italic", alignment=TA_LEFT)
    item = ParagraphStyle("item", parent=body, leftIndent=11, bulletIndent=0, bulletFontName="Vera")
    note = ParagraphStyle("note", fontName="Vera", fontSize=7.5, leading=9, alignment=TA_LEFT)

    notes_on_page = {}   # page -> [footnote text]
    notes = {b[2].split(" ", 1)[0]: b[2] for b in blocks if b[0] == "footnote"}

    class NoteAnchor(Flowable):
        """Zero-size mark after a paragraph with markers: its notes go to this page's foot."""
        def __init__(self, marks):
            super().__init__()
            self.marks = marks
        def wrap(self, aw, ah):
            return 0, 0
        def draw(self):
            page = self.canv.getPageNumber()
            notes_on_page.setdefault(page, []).extend(notes[m] for m in self.marks if m in notes)

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("Vera-Bold", 8)
        canvas.drawString(margin, H - 40, ed["header"][0])
        canvas.setFont("Vera", 8)
        canvas.drawRightString(W - margin, H - 40, ed["header"][1])
        canvas.setStrokeColor(colors.grey)
        canvas.line(margin, H - 46, W - margin, H - 46)
        canvas.drawCentredString(W / 2, 30, str(doc.page))
        y = 50
        for text in reversed(notes_on_page.get(doc.page, [])):
            p = Paragraph(markup(text, ligatures=False), note)
            _, h = p.wrap(W - 2 * margin, 200)
            p.drawOn(canvas, margin, y)
            y += h + 2
        if notes_on_page.get(doc.page):
            canvas.line(margin, y + 2, margin + 100, y + 2)
        canvas.restoreState()

    masthead = ParagraphStyle("masthead", fontName="Vera-Bold", fontSize=10, leading=13, spaceAfter=4)
    story = []
    t = ed.get("title", 0)
    lead_end = t + 2   # masthead lines, title and byline run across the page
    first_body = None
    for i, (kind, depth, text) in enumerate(blocks):
        if kind == "footnote":
            continue
        if i < t:
            story.append(Paragraph(markup(text, ligatures=False), masthead if i == 0 else byline))
        elif i == t:
            story.append(Paragraph(markup(text, ligatures=False), title))
        elif i == t + 1:
            story.append(Paragraph(markup(text, ligatures=False), byline))
        elif kind == "heading" or (kind == "paragraph" and text.endswith("?") and len(text) < 90 and text.count("?") == 1):
            story.append(Paragraph(markup(text, ligatures=False), h2 if depth <= 1 else h3))
        elif kind == "list-item":
            story.append(Paragraph(markup(text), item, bulletText="•"))
        else:
            story.append(Paragraph(markup(text), body))
            if first_body is None and i >= lead_end:
                first_body = len(story)
        marks = [SUPERSCRIPTS[c] for c in text if c in SUPERSCRIPTS]
        if marks:
            story.append(NoteAnchor(marks))
        if ed["columns"] == 2 and i == lead_end - 1:
            story.append(FrameBreak())
    table = Table([list(r) for r in ed["table"]], colWidths=[80, 120], hAlign="LEFT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "Vera", 9.5), ("FONT", (0, 0), (0, -1), "Vera-Bold", 9.5),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.grey),
                               ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    story[first_body:first_body] = [table, Spacer(1, 8)]

    width = W - 2 * margin
    if ed["columns"] == 1:
        frames_first = frames_rest = [Frame(margin, bottom, width, H - top - bottom, id="body")]
    else:
        col = (width - gutter) / 2
        # the title, byline and lead run across the page; its height is what they take
        head = sum(f.wrap(width, H)[1] + f.getSpaceAfter() for f in story[:lead_end]) + 16
        columns = lambda h: [Frame(margin, bottom, col, h, id="left"),
                             Frame(margin + col + gutter, bottom, col, h, id="right")]
        frames_first = [Frame(margin, H - top - head, width, head, id="head")] + columns(H - top - head - bottom)
        frames_rest = columns(H - top - bottom)
    out = os.path.join(ROOT, "samples", name + ".pdf")
    author = blocks[t + 1][2]
    doc = BaseDocTemplate(out, pagesize=A4, title=blocks[t][2], author=author, creator="claimex make-sample-pdfs",
                          pageTemplates=[PageTemplate("first", frames_first, onPageEnd=furniture),
                                         PageTemplate("rest", frames_rest, onPageEnd=furniture)])
    story.insert(0, NextPageTemplate("rest"))
    doc.build(story)
    return out


def main():
    ensure_venv()
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--claimex", default=os.path.join(ROOT, ".build", "debug", "claimex"))
    ap.add_argument("names", nargs="*", default=sorted(EDITIONS))
    args = ap.parse_args()
    for name in args.names:
        print(os.path.relpath(build(name, args.claimex), ROOT))


if __name__ == "__main__":
    main()
