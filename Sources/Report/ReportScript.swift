/// The page's script: parses a document's JSON block when it is opened and builds its
/// sentences with `textContent` (data never becomes markup); filters re-render the open
/// document. The state is also read from the URL fragment
/// (`#doc=3&s=12&tag=claim,figure&rule=5&only=1`), which the FN/FP lists and the tables
/// link with, and which the browser test uses to drive the filter.
enum ReportScript {
    static let js = #"""
(function () {
"use strict";
const meta = JSON.parse(document.getElementById("meta").textContent);
const colors = {};
meta.labels.forEach(function (l) { colors[l.name] = l.color; });
const cache = {};
const state = { doc: 0, s: null, tags: new Set(meta.labels.map(function (l) { return l.name; })), rule: "", only: false };

function docData(k) {
  if (!(k in cache)) {
    const e = document.getElementById("d" + k);
    cache[k] = e ? JSON.parse(e.textContent) : { paras: [] };
  }
  return cache[k];
}
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}
function visibleRule(r) {
  return state.tags.has(meta.rules[r].label) && (state.rule === "" || String(r) === state.rule);
}
function visible(g) { return visibleRule(g[0]); }

function renderSentence(s) {
  const span = el("span", "sent");
  span.id = "s" + s.i;
  span.dataset.i = s.i;
  if (s.ev) {
    const box = el("span", "verdicts");
    s.ev.forEach(function (v) {
      if (!state.tags.has(v[0])) return;
      const b = el("span", "verdict " + v[1].toLowerCase(), v[1] + " " + v[0]);
      b.dataset.label = v[0];
      b.style.borderColor = colors[v[0]] || "#999";
      box.appendChild(b);
    });
    if (box.childNodes.length) { span.appendChild(box); span.classList.add("judged"); }
  }
  const tags = s.g.filter(visible);
  const cuts = new Set([0, s.t.length]);
  tags.forEach(function (g) {
    cuts.add(g[1]); cuts.add(g[2]);
    g[4].forEach(function (c) { cuts.add(c[1]); cuts.add(c[2]); });
  });
  const pts = Array.from(cuts).filter(function (x) { return x >= 0 && x <= s.t.length; }).sort(function (a, b) { return a - b; });
  for (let k = 0; k + 1 < pts.length; k++) {
    const a = pts[k], b = pts[k + 1];
    const piece = s.t.slice(a, b);
    const cover = tags.filter(function (g) { return g[1] <= a && g[2] >= b; });
    if (!cover.length) { span.appendChild(document.createTextNode(piece)); continue; }
    cover.sort(function (x, y) { return (x[2] - x[1]) - (y[2] - y[1]); });
    const labels = [];
    cover.forEach(function (g) { const l = meta.rules[g[0]].label; if (labels.indexOf(l) < 0) labels.push(l); });
    const m = el("mark", "hl", piece);
    m.dataset.labels = labels.join(" ");
    m.dataset.rules = cover.map(function (g) { return g[0]; }).join(" ");
    m.style.background = colors[labels[0]];
    if (labels.length > 1) {
      m.style.boxShadow = labels.slice(1).map(function (l, i) { return "inset 0 -" + (3 * (i + 1)) + "px 0 " + colors[l]; }).join(",");
    }
    const caps = [];
    cover.forEach(function (g) { g[4].forEach(function (c) { if (c[1] <= a && c[2] >= b && caps.indexOf(c[0]) < 0) caps.push(c[0]); }); });
    if (caps.length) { m.classList.add("cap"); m.dataset.cap = caps.join(" "); }
    m.title = cover.map(function (g) {
      const r = meta.rules[g[0]];
      let t = r.label + " \u00b7 " + r.id + " (" + r.file + ":" + r.line + ")";
      if (g[5].length) t += "\n  " + g[5].map(function (f) { return f[0] + "=" + f[1]; }).join(" ");
      return t;
    }).join("\n") + (caps.length ? "\ncapture: " + caps.join(", ") : "");
    m.tabIndex = 0;
    m.dataset.s = s.i;
    span.appendChild(m);
  }
  return span;
}

function shownIn(s) {
  return s.g.some(visible) || (s.ev ? s.ev.some(function (v) { return state.tags.has(v[0]); }) : false);
}

function render() {
  if (!meta.docs.length) { document.body.dataset.ready = "1"; return; }
  const d = docData(state.doc), info = meta.docs[state.doc];
  const art = document.getElementById("doc");
  art.textContent = "";
  art.appendChild(el("h2", null, info.title || info.name));
  art.appendChild(el("p", "path", info.path));
  let shown = 0;
  d.paras.forEach(function (p) {
    const sents = p.s.filter(function (s) { return !state.only || shownIn(s); });
    if (!sents.length) return;
    const row = el("div", "para " + p.kind);
    row.appendChild(el("div", "sec", p.sec));
    const body = el(p.kind === "heading" ? "h3" : "p", "text");
    sents.forEach(function (s, k) {
      if (k) body.appendChild(document.createTextNode(" "));
      body.appendChild(renderSentence(s));
    });
    row.appendChild(body);
    art.appendChild(row);
    shown += sents.length;
  });
  if (!shown) art.appendChild(el("p", "hint", "No sentence of this document passes the filter."));
  art.dataset.doc = state.doc;
  art.dataset.sentences = shown;
  if (state.s !== null) {
    const t = document.getElementById("s" + state.s);
    if (t) {
      t.classList.add("target");
      const box = t.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) t.scrollIntoView({ block: "center" });
      const m = t.querySelector("mark.hl.cap") || t.querySelector("mark.hl");
      if (m) showDetail(m);
    }
  }
  updateIndex();
  if (!document.body.dataset.ready) document.body.dataset.renderMs = Math.round(performance.now());
  document.body.dataset.ready = "1";
}

function matching(k) {
  let n = 0;
  meta.docs[k].rules.forEach(function (rc) { if (visibleRule(rc[0])) n += rc[1]; });
  return n;
}

function updateIndex() {
  document.querySelectorAll("#index li").forEach(function (li) {
    const k = +li.dataset.doc, n = matching(k);
    li.querySelector(".matching").textContent = n + " shown";
    li.classList.toggle("current", k === state.doc);
    li.classList.toggle("empty", n === 0);
  });
  document.querySelectorAll("#by-rule tr[data-rule]").forEach(function (tr) {
    tr.classList.toggle("selected", tr.dataset.rule === state.rule);
  });
}

function showDetail(m) {
  const box = document.getElementById("detail");
  box.textContent = "";
  box.appendChild(el("h2", null, "Tag"));
  const s = docData(state.doc).paras.reduce(function (a, p) { return a.concat(p.s); }, []).find(function (x) { return String(x.i) === m.dataset.s; });
  if (!s) return;
  m.dataset.rules.split(" ").forEach(function (ri) {
    s.g.filter(function (g) { return String(g[0]) === ri && visible(g); }).forEach(function (g) {
      const r = meta.rules[g[0]];
      const sec = el("section", "tag");
      const h = el("h3", null, r.label);
      h.style.background = colors[r.label];
      sec.appendChild(h);
      const dl = el("dl");
      function row(k, v) { dl.appendChild(el("dt", null, k)); dl.appendChild(el("dd", null, v)); }
      row("rule", r.id);
      row("where", r.file + ":" + r.line);
      row("span", g[3]);
      g[4].forEach(function (c) { row("capture " + c[0], c[3]); });
      g[5].forEach(function (f) { row(f[0], f[1]); });
      sec.appendChild(dl);
      box.appendChild(sec);
    });
  });
}

function syncControls() {
  document.querySelectorAll("input[name=tag]").forEach(function (c) { c.checked = state.tags.has(c.value); });
  document.getElementById("rule").value = state.rule;
  document.getElementById("docsel").value = String(state.doc);
  document.getElementById("only").checked = state.only;
}

/// After a filter change, a document with nothing left to show gives way to the first that has some.
function followFilter() {
  if (matching(state.doc) > 0) return;
  for (let k = 0; k < meta.docs.length; k++) if (matching(k) > 0) { state.doc = k; state.s = null; return; }
}

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  let filtered = false;
  if (p.has("doc")) state.doc = Math.max(0, Math.min(meta.docs.length - 1, parseInt(p.get("doc"), 10) || 0));
  state.s = p.has("s") ? parseInt(p.get("s"), 10) : null;
  if (p.has("tag")) { state.tags = new Set(p.get("tag").split(",").filter(Boolean)); filtered = true; }
  if (p.has("rule")) { state.rule = p.get("rule"); filtered = true; }
  if (p.has("only")) state.only = p.get("only") === "1";
  if (filtered && !p.has("doc")) followFilter();
  syncControls();
}

document.getElementById("filters").addEventListener("change", function (e) {
  state.tags = new Set(Array.from(document.querySelectorAll("input[name=tag]:checked")).map(function (c) { return c.value; }));
  state.rule = document.getElementById("rule").value;
  state.only = document.getElementById("only").checked;
  if (e.target.id === "docsel") { state.doc = +e.target.value; state.s = null; } else { followFilter(); syncControls(); }
  render();
});
document.getElementById("doc").addEventListener("click", function (e) {
  const m = e.target.closest("mark.hl");
  if (m) showDetail(m);
});
document.getElementById("doc").addEventListener("keydown", function (e) {
  if (e.key === "Enter" && e.target.matches("mark.hl")) showDetail(e.target);
});
window.addEventListener("hashchange", function () { readHash(); render(); });
readHash();
render();
})();
"""#
}
