/// The page's styles: system fonts only (nothing to fetch), a three-column layout
/// (index, text, tag detail), the section path in a narrow column beside each paragraph.
enum ReportStyle {
    static let css = """
:root{--ink:#1f2933;--muted:#6b7280;--line:#e5e7eb;--bg:#fafaf9}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);background:var(--bg)}
header{padding:.6rem 1rem;border-bottom:1px solid var(--line);background:#fff}
h1{font-size:1.2rem;margin:0}
.meta,.path,.name,.hint{color:var(--muted);font-size:.85rem;margin:.1rem 0}
#filters{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center;padding:.5rem 1rem;background:#fff;border-bottom:1px solid var(--line);position:sticky;top:0;z-index:2}
#filters fieldset{border:0;margin:0;padding:0;display:flex;gap:.6rem;align-items:center}
#filters legend{float:left;margin-right:.4rem;color:var(--muted)}
.tagbox{display:inline-flex;align-items:center;gap:.25rem}
.swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.3rem;vertical-align:-1px;border:1px solid rgba(0,0,0,.15)}
select{max-width:22rem}
#summary{display:flex;flex-wrap:wrap;gap:1rem;padding:.6rem 1rem}
table{border-collapse:collapse;background:#fff;font-size:.85rem}
caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border:1px solid var(--line);padding:.15rem .5rem;text-align:left}
td:nth-child(n+2){font-variant-numeric:tabular-nums}
#by-rule{max-height:16rem;display:block;overflow:auto}
tr.selected{background:#fef9c3}
td.tp{color:#15803d}td.fp{color:#b91c1c}td.fn{color:#c2410c}
#errors{padding:0 1rem;font-size:.85rem;display:grid;grid-template-columns:1fr 1fr;gap:1rem}
#errors ol{max-height:13rem;overflow:auto;margin:.2rem 0;padding-left:2.4rem;background:#fff;border:1px solid var(--line)}
#errors summary{font-weight:600;cursor:pointer}
#errors li{margin:.15rem 0}
#errors q{color:var(--muted)}
main{display:grid;grid-template-columns:16rem minmax(0,1fr) 18rem;gap:1rem;padding:.6rem 1rem;align-items:start}
#index{position:sticky;top:3.2rem;max-height:calc(100vh - 4rem);overflow:auto;font-size:.85rem}
#index h2,#detail h2{font-size:.95rem;margin:.2rem 0}
#index ol{padding-left:1.4rem;margin:0}
#index li{margin:.25rem 0}
#index li.current>a{font-weight:700}
#index li.empty{opacity:.5}
#index .name{display:block}
.count{display:inline-block;min-width:1.4rem;text-align:center;border-radius:3px;margin-right:.2rem;font-size:.75rem}
.matching{color:var(--muted);font-size:.75rem}
#doc{background:#fff;border:1px solid var(--line);padding:.6rem 1rem;min-height:60vh}
#doc h2{margin:.2rem 0;font-size:1.1rem}
.para{display:grid;grid-template-columns:11rem minmax(0,1fr);gap:.8rem;border-top:1px solid #f3f4f6;padding:.3rem 0}
.sec{color:var(--muted);font-size:.75rem;line-height:1.3;padding-top:.25rem;overflow-wrap:anywhere}
.para .text{margin:0}
.para h3.text{font-size:1rem}
mark.hl{color:inherit;border-radius:2px;padding:0 1px;cursor:pointer}
mark.hl.cap{text-decoration:underline dotted 2px;text-underline-offset:3px}
mark.hl:focus{outline:2px solid var(--ink)}
.sent.target{outline:2px solid #f59e0b;outline-offset:2px}
.sent.judged{border-left:3px solid #e5e7eb;padding-left:3px}
.verdicts{margin-right:.3rem}
.verdict{font-size:.7rem;font-weight:700;border:2px solid;border-radius:3px;padding:0 .25rem;margin-right:.2rem;vertical-align:1px}
.verdict.tp{color:#15803d}.verdict.fp{color:#b91c1c;background:#fee2e2}.verdict.fn{color:#c2410c;background:#ffedd5}
#detail{position:sticky;top:3.2rem;font-size:.85rem}
#detail section.tag{background:#fff;border:1px solid var(--line);margin-bottom:.5rem}
#detail h3{margin:0;padding:.15rem .5rem;font-size:.85rem}
#detail dl{display:grid;grid-template-columns:auto minmax(0,1fr);gap:.1rem .6rem;margin:.3rem .5rem}
#detail dt{color:var(--muted)}
#detail dd{margin:0;overflow-wrap:anywhere}
"""
}
