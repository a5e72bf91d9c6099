import Emit
import Exchange
import Foundation
import Pipeline

/// `claimex report` and `claimex eval --html`: one self-contained HTML file (styles and
/// script inline, no fonts or anything else fetched) to review what the rules did.
///
/// The summary tables and the document index are plain HTML; each document's sentences
/// and tags are a JSON block that the script parses and renders only when the document is
/// opened, so a 300-document batch is one page that opens at once and keeps one
/// document in the DOM. The script builds every node with `textContent`, never parsing
/// data as HTML.
public struct ReportPage {
    public var title: String
    public var documents: [ReviewDocument]
    public var overlay: EvalOverlay?

    public init(title: String, documents: [ReviewDocument], overlay: EvalOverlay? = nil) {
        self.title = title
        self.documents = documents
        self.overlay = overlay
    }

    /// A rule as the page lists it (a rule giving two labels is two rows).
    struct RuleKey: Hashable, Comparable {
        var file: String, line: Int, rule: String, label: String
        static func < (a: RuleKey, b: RuleKey) -> Bool { (a.file, a.line, a.rule, a.label) < (b.file, b.line, b.rule, b.label) }
    }

    struct Counts { var spans = 0, sentences = 0, documents = 0 }

    public func render() -> [UInt8] {
        // Rules and labels, numbered for the data blocks.
        var ruleCounts: [RuleKey: Counts] = [:], labelCounts: [String: Counts] = [:]
        for d in documents {
            var docRules: Set<RuleKey> = [], docLabels: Set<String> = []
            for s in d.sentences {
                var sRules: Set<RuleKey> = [], sLabels: Set<String> = []
                for t in s.tags {
                    let k = RuleKey(file: t.file, line: t.line, rule: t.rule, label: t.label)
                    ruleCounts[k, default: Counts()].spans += 1
                    labelCounts[t.label, default: Counts()].spans += 1
                    sRules.insert(k); sLabels.insert(t.label)
                }
                for k in sRules { ruleCounts[k]!.sentences += 1 }
                for l in sLabels { labelCounts[l]!.sentences += 1 }
                docRules.formUnion(sRules); docLabels.formUnion(sLabels)
            }
            for k in docRules { ruleCounts[k]!.documents += 1 }
            for l in docLabels { labelCounts[l]!.documents += 1 }
        }
        let evalLabels = overlay.map { $0.report.perTag.map(\.name) } ?? []
        let labels = LabelOrder.sorted(Set(labelCounts.keys).union(LabelOrder.known).union(evalLabels))
        let rules = ruleCounts.keys.sorted()
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1, $0) })

        var html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        html += "<title>\(HTMLText.escape(title))</title><style>\(ReportStyle.css)</style></head>\n<body>\n"
        let sentences = documents.reduce(0) { $0 + $1.sentences.count }
        let spans = labelCounts.values.reduce(0) { $0 + $1.spans }
        html += "<header><h1>\(HTMLText.escape(title))</h1><p class=\"meta\">\(documents.count) documents · \(sentences) sentences · \(spans) tags"
        let shas = Set(documents.map(\.rulesSHA256)).filter { !$0.isEmpty }.sorted()
        if !shas.isEmpty { html += " · rules " + shas.map { HTMLText.escape(String($0.prefix(12))) }.joined(separator: ", ") }
        html += "</p></header>\n"
        html += filters(labels: labels, rules: rules)
        html += "<section id=\"summary\">"
        if let o = overlay {
            html += evalTables(o.report, ruleIndex: ruleIndex)
        } else {
            html += tagTable(labels: labels, counts: labelCounts) + ruleTable(rules: rules, counts: ruleCounts)
        }
        html += "</section>\n"
        if let o = overlay { html += evalLists(o.report) }
        html += "<main><nav id=\"index\" aria-label=\"documents\"><h2>Documents</h2><ol>"
        for (k, d) in documents.enumerated() {
            var byLabel: [String: Int] = [:]
            for s in d.sentences { for t in s.tags { byLabel[t.label, default: 0] += 1 } }
            html += "<li data-doc=\"\(k)\"><a href=\"#doc=\(k)\" title=\"\(HTMLText.escape(d.path))\">\(HTMLText.escape(d.title ?? d.name))</a>"
            html += "<span class=\"name\">\(HTMLText.escape(d.name))</span><span class=\"counts\">"
            for l in labels where byLabel[l] != nil {
                html += "<span class=\"count\" data-label=\"\(HTMLText.escape(l))\" style=\"background:\(LabelColors.color(l))\">\(byLabel[l]!)</span>"
            }
            html += "</span><span class=\"matching\"></span></li>"
        }
        html += "</ol></nav>\n<article id=\"doc\"><p class=\"hint\">Choose a document.</p></article>\n"
        html += "<aside id=\"detail\"><h2>Tag</h2><p class=\"hint\">Click a highlighted span to see its rule, file:line, captures and fields.</p></aside></main>\n"

        var out = Array(html.utf8)
        out += Array("<script type=\"application/json\" id=\"meta\">".utf8)
        out += HTMLText.scriptSafe(meta(labels: labels, rules: rules, ruleCounts: ruleCounts))
        out += Array("</script>\n".utf8)
        for (k, d) in documents.enumerated() {
            out += Array("<script type=\"application/json\" id=\"d\(k)\">".utf8)
            out += HTMLText.scriptSafe(data(d, ruleIndex: ruleIndex))
            out += Array("</script>\n".utf8)
        }
        out += Array("<script>\(ReportScript.js)</script>\n</body></html>\n".utf8)
        return out
    }

    private func filters(labels: [String], rules: [RuleKey]) -> String {
        var h = "<form id=\"filters\" onsubmit=\"return false\"><fieldset><legend>Tags</legend>"
        for l in labels {
            let e = HTMLText.escape(l)
            h += "<label class=\"tagbox\"><input type=\"checkbox\" name=\"tag\" value=\"\(e)\" checked>"
            h += "<span class=\"swatch\" style=\"background:\(LabelColors.color(l))\"></span>\(e)</label>"
        }
        h += "</fieldset><label>Rule <select id=\"rule\"><option value=\"\">all rules</option>"
        for (k, r) in rules.enumerated() {
            h += "<option value=\"\(k)\">\(HTMLText.escape(r.rule)) (\(HTMLText.escape(r.label)))</option>"
        }
        h += "</select></label><label>Document <select id=\"docsel\">"
        for (k, d) in documents.enumerated() { h += "<option value=\"\(k)\">\(HTMLText.escape(d.name))</option>" }
        h += "</select></label><label><input type=\"checkbox\" id=\"only\"> only sentences with "
        h += overlay == nil ? "tags" : "tags or verdicts"
        h += "</label></form>\n"
        return h
    }

    private func tagTable(labels: [String], counts: [String: Counts]) -> String {
        var h = "<table id=\"by-tag\"><caption>Per tag</caption><thead><tr><th>tag</th><th>sentences</th><th>spans</th><th>documents</th></tr></thead><tbody>"
        for l in labels {
            let c = counts[l] ?? Counts()
            h += "<tr data-label=\"\(HTMLText.escape(l))\"><td><span class=\"swatch\" style=\"background:\(LabelColors.color(l))\"></span>\(HTMLText.escape(l))</td>"
            h += "<td>\(c.sentences)</td><td>\(c.spans)</td><td>\(c.documents)</td></tr>"
        }
        return h + "</tbody></table>"
    }

    private func ruleTable(rules: [RuleKey], counts: [RuleKey: Counts]) -> String {
        var h = "<table id=\"by-rule\"><caption>Per rule</caption><thead><tr><th>rule</th><th>tag</th><th>where</th><th>sentences</th><th>spans</th><th>documents</th></tr></thead><tbody>"
        for (k, r) in rules.enumerated() {
            let c = counts[r]!
            h += "<tr data-rule=\"\(k)\"><td><a href=\"#rule=\(k)\">\(HTMLText.escape(r.rule))</a></td><td>\(HTMLText.escape(r.label))</td>"
            h += "<td>\(HTMLText.escape(r.file)):\(r.line)</td><td>\(c.sentences)</td><td>\(c.spans)</td><td>\(c.documents)</td></tr>"
        }
        return h + "</tbody></table>"
    }

    private func fixed(_ x: Double) -> String { String(format: "%.3f", x) }

    private func evalTables(_ r: EvalReport, ruleIndex: [RuleKey: Int]) -> String {
        var h = "<table id=\"by-tag\"><caption>Per tag: \(r.documents.count) documents, \(r.goldUnits) gold units; aligned \(r.exactAligned) exact, \(r.fuzzyAligned) fuzzy, \(r.unaligned) unaligned</caption>"
        h += "<thead><tr><th>tag</th><th>P</th><th>R</th><th>F1</th><th>TP</th><th>FP</th><th>FN</th></tr></thead><tbody>"
        for s in r.perTag + [r.micro] {
            let sw = s.name == "micro" ? "" : "<span class=\"swatch\" style=\"background:\(LabelColors.color(s.name))\"></span>"
            h += "<tr data-label=\"\(HTMLText.escape(s.name))\"><td>\(sw)\(HTMLText.escape(s.name))</td><td>\(fixed(s.precision))</td><td>\(fixed(s.recall))</td><td>\(fixed(s.f1))</td>"
            h += "<td class=\"tp\">\(s.truePositives)</td><td class=\"fp\">\(s.falsePositives)</td><td class=\"fn\">\(s.falseNegatives)</td></tr>"
        }
        h += "</tbody></table><table id=\"by-rule\"><caption>Per rule (a rule is right on a sentence whose gold has its tag)</caption>"
        h += "<thead><tr><th>rule</th><th>tag</th><th>where</th><th>fired</th><th>TP</th><th>FP</th><th>precision</th></tr></thead><tbody>"
        for row in r.rules {
            let key = RuleKey(file: row.file, line: row.line, rule: row.ruleID, label: row.tag.rawValue)
            let name = ruleIndex[key].map { "<a href=\"#rule=\($0)\">\(HTMLText.escape(row.ruleID))</a>" } ?? HTMLText.escape(row.ruleID)
            let p = row.fired == 0 ? 0 : Double(row.truePositives) / Double(row.fired)
            h += "<tr><td>\(name)</td><td>\(row.tag.rawValue)</td><td>\(HTMLText.escape(row.file)):\(row.line)</td><td>\(row.fired)</td>"
            h += "<td class=\"tp\">\(row.truePositives)</td><td class=\"fp\">\(row.falsePositives)</td><td>\(fixed(p))</td></tr>"
        }
        return h + "</tbody></table>"
    }

    /// The false negatives and false positives, each linking to its sentence.
    private func evalLists(_ r: EvalReport) -> String {
        let docIndex = Dictionary(documents.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        func list(_ id: String, _ heading: String, _ items: [EvalReport.Item]) -> String {
            var h = "<details id=\"\(id)\" open><summary>\(heading) (\(items.count))</summary><ol>"
            for i in items {
                let tag = "<span class=\"swatch\" style=\"background:\(LabelColors.color(i.tag.rawValue))\"></span>\(i.tag.rawValue)"
                let by = i.rules.isEmpty ? "" : " <span class=\"rules\">[\(HTMLText.escape(i.rules.joined(separator: ", ")))]</span>"
                let place = "\(HTMLText.escape(i.doc)) n=\(i.n.map(String.init) ?? "-")"
                if let d = docIndex[i.doc], let s = i.sentence {
                    h += "<li>\(tag) <a href=\"#doc=\(d)&amp;s=\(s)\">\(place)</a>\(by) <q>\(HTMLText.escape(i.text))</q></li>"
                } else {
                    h += "<li>\(tag) \(place) (no sentence aligned)\(by) <q>\(HTMLText.escape(i.text))</q></li>"
                }
            }
            return h + "</ol></details>"
        }
        return "<section id=\"errors\">" + list("fn-list", "False negatives: gold labels the rules missed", r.falseNegatives)
            + list("fp-list", "False positives: tags the gold does not have", r.falsePositives) + "</section>\n"
    }

    private func meta(labels: [String], rules: [RuleKey], ruleCounts: [RuleKey: Counts]) -> [UInt8] {
        var w = JSONWriter(reservingCapacity: 4096)
        w.beginObject()
        w.key("mode"); w.string(overlay == nil ? "report" : "eval")
        w.key("labels"); w.beginArray()
        for l in labels { w.beginObject(); w.key("name"); w.string(l); w.key("color"); w.string(LabelColors.color(l)); w.endObject() }
        w.endArray()
        w.key("rules"); w.beginArray()
        for r in rules {
            w.beginObject()
            w.key("id"); w.string(r.rule); w.key("label"); w.string(r.label); w.key("file"); w.string(r.file); w.key("line"); w.int(r.line)
            w.endObject()
        }
        w.endArray()
        w.key("docs"); w.beginArray()
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1, $0) })
        for d in documents {
            w.beginObject()
            w.key("name"); w.string(d.name); w.key("path"); w.string(d.path)
            w.key("title"); if let t = d.title { w.string(t) } else { w.null() }
            // Tags per rule, so the index can show what a filter leaves in each document.
            var perRule: [Int: Int] = [:]
            for s in d.sentences { for t in s.tags { perRule[index[RuleKey(file: t.file, line: t.line, rule: t.rule, label: t.label)]!, default: 0] += 1 } }
            w.key("rules"); w.beginArray()
            for (k, n) in perRule.sorted(by: { $0.key < $1.key }) { w.beginArray(); w.int(k); w.int(n); w.endArray() }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    /// One document's paragraphs, sentences and tags; offsets in UTF-16 code units relative
    /// to the sentence, as JavaScript slices strings.
    private func data(_ d: ReviewDocument, ruleIndex: [RuleKey: Int]) -> [UInt8] {
        var w = JSONWriter(reservingCapacity: 1 << 14)
        w.beginObject()
        w.key("paras"); w.beginArray()
        var k = 0
        while k < d.sentences.count {
            let block = d.sentences[k].block
            w.beginObject()
            // the section path, after the page for a PDF ("p. 2 · Background")
            let section = d.sentences[k].section.joined(separator: " › ")
            let page = d.sentences[k].page.map { "p. \($0)" + (section.isEmpty ? "" : " · ") } ?? ""
            w.key("sec"); w.string(page + section)
            w.key("kind"); w.string(d.sentences[k].blockKind)
            w.key("s"); w.beginArray()
            while k < d.sentences.count, d.sentences[k].block == block {
                sentence(d.sentences[k], doc: d.name, ruleIndex: ruleIndex, to: &w)
                k += 1
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    private func sentence(_ s: ReviewSentence, doc: String, ruleIndex: [RuleKey: Int], to w: inout JSONWriter) {
        w.beginObject()
        w.key("i"); w.int(s.index)
        w.key("t"); w.string(s.text)
        w.key("g"); w.beginArray()
        for t in s.tags {
            let r = t.span.relative(to: s.span).utf16
            w.beginArray()
            w.int(ruleIndex[RuleKey(file: t.file, line: t.line, rule: t.rule, label: t.label)]!)
            w.int(r.lowerBound); w.int(r.upperBound)
            w.string(t.text)
            w.beginArray()
            for c in t.captures {
                let cr = c.span.relative(to: s.span).utf16
                w.beginArray(); w.string(c.name); w.int(cr.lowerBound); w.int(cr.upperBound); w.string(c.text); w.endArray()
            }
            w.endArray()
            w.beginArray()
            for f in t.fields { w.beginArray(); w.string(f.name); w.string(f.json); w.endArray() }
            w.endArray()
            w.endArray()
        }
        w.endArray()
        if let o = overlay {
            let v = o.verdicts(doc: doc, sentence: s.index)
            if !v.isEmpty {
                w.key("ev"); w.beginArray()
                for (l, verdict) in v { w.beginArray(); w.string(l); w.string(verdict.rawValue); w.endArray() }
                w.endArray()
            }
        }
        w.endObject()
    }
}
