import XCTest
import Foundation
@testable import Report
import Exchange
@testable import Pipeline
import Rules

final class ReportPageTests: XCTestCase {
    private func doc(_ text: String, tags: [(String, Range<Int>)], name: String = "a.txt", title: String? = nil) -> ReviewDocument {
        let n = text.utf16.count
        let s = ReviewSentence(index: 0, text: text, section: ["Intro <b>"], block: 0, blockKind: "paragraph",
                               span: TextSpan(scalar: 0..<text.unicodeScalars.count, utf16: 0..<n),
                               tags: tags.map { l, r in
                                   ReviewTag(label: l, rule: "\(l).rule<i>", file: "\(l).yaml", line: 3, text: "t", span: TextSpan(scalar: r, utf16: r),
                                             captures: [ReviewCapture(name: "value", text: "v", span: TextSpan(scalar: r, utf16: r))],
                                             fields: [ReviewField(name: "unit", json: "\"</script>\"")])
                               })
        return ReviewDocument(path: "dir/" + name, name: name, title: title, rulesSHA256: "abc", sentences: [s])
    }

    private func page(_ docs: [ReviewDocument], title: String = "t", overlay: EvalOverlay? = nil) -> String {
        String(decoding: ReportPage(title: title, documents: docs, overlay: overlay).render(), as: UTF8.self)
    }

    private func count(_ needle: String, in s: String) -> Int { s.components(separatedBy: needle).count - 1 }

    /// A brief that carries markup stays text: no element, attribute or script of its own
    /// gets into the page, in the plain HTML or in the data blocks.
    func testEverythingFromTheInputIsEscaped() {
        let evil = "Hello </script><script>alert(1)</script><img src=x onerror=alert(2)> & <!-- done"
        let html = page([doc(evil, tags: [("claim", 0..<5)], name: "<b>x</b>.txt", title: "<script>t()</script>")],
                        title: "<i>report</i>")
        // One data block for the index, one per document, and the page's own script.
        XCTAssertEqual(count("<script", in: html), 3)
        XCTAssertEqual(count("</script>", in: html), 3)
        XCTAssertFalse(html.contains("<img"))
        XCTAssertFalse(html.contains("<b>x</b>"))
        XCTAssertFalse(html.contains("<i>report</i>"))
        XCTAssertFalse(html.contains("<!-- done"))
        XCTAssertTrue(html.contains("&lt;script&gt;t()&lt;/script&gt;"))
        XCTAssertTrue(html.contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"))
    }

    /// A PDF sentence's page stands before its section path; records give it from `source.page`.
    func testAPDFSentenceShowsItsPage() throws {
        var d = doc("Russia declared support.", tags: [])
        d.sentences[0].page = 3
        XCTAssertTrue(page([d]).contains("p. 3 · Intro &lt;b&gt;") || page([d]).contains("p. 3 · Intro \\u003cb\\u003e"),
                      "the page number before the section path")
        let line = #"{"schema":"claimex.record/3","doc":{"path":"b.pdf","sha256":"x","media_type":"application/pdf","title":null},"rules_sha256":"","index":0,"text":"T.","labels":[],"section":[],"block":{"kind":"paragraph","index":0},"offsets":{"scalar":[0,2],"utf16":[0,2],"utf8":[0,2]},"source":{"line":4,"page":2,"boxes":[]},"tags":[]}"# + "\n"
        var errors: [ExchangeError] = []
        let docs = RecordReader.read(path: "b.jsonl", bytes: Array(line.utf8), errors: &errors)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(docs.first?.sentences.first?.page, 2)
        XCTAssertTrue(page(docs).contains("p. 2"))
    }

    func testThePageFetchesNothing() {
        let html = page([doc("Trade rose.", tags: [("figure", 0..<5)])])
        for needle in ["http://", "https://", "<link", " src=", "@import", "url("] {
            XCTAssertFalse(html.contains(needle), needle)
        }
    }

    func testTablesCountPerTagAndPerRule() {
        let html = page([doc("Trade rose by 30%.", tags: [("figure", 14..<17), ("claim", 0..<10)]),
                         doc("Nothing.", tags: [], name: "b.txt")])
        XCTAssertTrue(html.contains("<tr data-label=\"figure\"><td><span class=\"swatch\" style=\"background:#86efac\"></span>figure</td><td>1</td><td>1</td><td>1</td></tr>"))
        XCTAssertTrue(html.contains("<td>claim.rule&lt;i&gt;</a></td>") || html.contains(">claim.rule&lt;i&gt;</a>"))
        XCTAssertEqual(count("<li data-doc=", in: html), 2)
    }

    func testTheDiffMarksEachSentencesVerdicts() {
        var report = EvalReport()
        report.documents = ["a.txt"]
        report.falsePositives = [.init(doc: "a.txt", n: 0, sentence: 0, tag: .claim, text: "x", rules: ["claim.rule<i>"])]
        report.falseNegatives = [.init(doc: "a.txt", n: 0, sentence: 0, tag: .recommendation, text: "x", rules: []),
                                 .init(doc: "a.txt", n: 7, sentence: nil, tag: .position, text: "lost unit", rules: [])]
        let d = doc("Trade rose by 30%.", tags: [("figure", 14..<17), ("claim", 0..<10)])
        let overlay = EvalOverlay(report: report, documents: [d])
        XCTAssertEqual(overlay.verdicts(doc: "a.txt", sentence: 0).map { "\($0.verdict.rawValue) \($0.label)" },
                       ["FP claim", "TP figure", "FN recommendation"])
        let html = page([d], overlay: overlay)
        XCTAssertTrue(html.contains("<a href=\"#doc=0&amp;s=0\">a.txt n=0</a>"))
        XCTAssertTrue(html.contains("a.txt n=7 (no sentence aligned)"))
        XCTAssertTrue(html.contains(#""ev":[["claim","FP"],["figure","TP"],["recommendation","FN"]]"#))
    }
}
