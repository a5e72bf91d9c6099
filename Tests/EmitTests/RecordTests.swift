import XCTest
@testable import Emit
import Ingest
import Rules
import Segment

final class RecordTests: XCTestCase {
    private func document(_ text: String) -> Document {
        var b = DocumentBuilder()
        b.beginBlock(.heading, level: 1, sourceLine: 1)
        b.append(Array("Title".utf8), sourceStart: 2)
        b.endBlock()
        b.beginBlock(.paragraph, sourceLine: 3)
        b.append(Array(text.utf8), sourceStart: 9)
        b.endBlock()
        let source = Array("# Title\n\n".utf8) + Array(text.utf8)
        return b.build(path: "t.txt", mediaType: .plainText, source: source, sha256: sha256Hex(source))
    }

    func testRecordCarriesProvenanceAndShiftedTagOffsets() throws {
        let doc = document("Russia declared support. Prices rose 30%.")
        let second = doc.text.count - "Prices rose 30%.".utf8.count
        let sentence = Sentence(index: 2, block: 1, range: second..<doc.text.count)
        let match = Match(tag: .figure, ruleID: "fig.pct", file: "figure.yaml", line: 7, range: 12..<15,
                          captures: [Capture(name: "value", range: 12..<14)],
                          fields: [("value", .number(30)), ("unit", .string("percent"))])
        var builder = RecordBuilder(document: doc, rulesSHA256: "abc")
        let r = builder.record(for: sentence, matches: [match])
        XCTAssertEqual(r.text, "Prices rose 30%.")
        XCTAssertEqual(r.section, ["Title"])
        XCTAssertEqual(r.blockKind, .paragraph)
        XCTAssertEqual(r.labels, [.figure])
        XCTAssertEqual(r.tags[0].text, "30%")
        XCTAssertEqual(r.tags[0].captures[0].text, "30")
        XCTAssertEqual(r.tags[0].offsets.utf8, (second + 12)..<(second + 15))
        XCTAssertEqual(r.source.line, 3)
        XCTAssertEqual(r.source.column, 26)
        let bytes = try XCTUnwrap(r.source.bytes)
        XCTAssertEqual(String(decoding: doc.source[bytes], as: UTF8.self), "Prices rose 30%.")
        XCTAssertEqual(r.quote.exact, r.text)
        XCTAssertTrue(r.quote.prefix.hasSuffix("declared support. "))
        XCTAssertEqual(r.quote.suffix, "")

        var w = JSONWriter()
        RecordEncoder.write(r, to: &w)
        let line = String(decoding: w.bytes, as: UTF8.self)
        XCTAssertTrue(line.hasPrefix(#"{"schema":"claimex.record/3","doc":{"path":"t.txt""#))
        XCTAssertTrue(line.contains(#""fields":{"value":30,"unit":"percent"}"#))
        XCTAssertTrue(line.hasSuffix("}\n"))
        let parsed = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String: Any]
        XCTAssertEqual(parsed?["labels"] as? [String], ["figure"])
    }

    /// `doc` carries the authors and date a page marks up, after the title, and leaves the
    /// keys out when there are none (text sources).
    func testDocCarriesAuthorsAndDateWhenMarkedUp() throws {
        var b = DocumentBuilder()
        b.beginBlock(.paragraph, sourceLine: 1)
        b.append(Array("Prices rose.".utf8), sourceStart: nil)
        b.endBlock()
        let source = Array("<p>Prices rose.</p>".utf8)
        let hash = sha256Hex(source)
        let marked = b.build(path: "t.html", mediaType: .html, source: source, sha256: hash, title: "T",
                             authors: ["Ann Author", "Bo \"B\" Writer"], date: "2024-05-21", keepSourceMap: false)
        let bare = b.build(path: "t.html", mediaType: .html, source: source, sha256: hash, keepSourceMap: false)
        func line(_ doc: Document) -> String {
            var builder = RecordBuilder(document: doc, rulesSHA256: "")
            var w = JSONWriter()
            RecordEncoder.write(builder.record(for: Sentence(index: 0, block: 0, range: 0..<doc.text.count), matches: []), to: &w)
            return String(decoding: w.bytes, as: UTF8.self)
        }
        XCTAssertTrue(line(marked).hasPrefix(#"{"schema":"claimex.record/3","doc":{"path":"t.html","sha256":""# + hash
            + #"","media_type":"text/html","title":"T","authors":["Ann Author","Bo \"B\" Writer"],"date":"2024-05-21"},"rules_sha256":"","index":0,"#),
            line(marked))
        XCTAssertTrue(line(bare).hasPrefix(#"{"schema":"claimex.record/3","doc":{"path":"t.html","sha256":""# + hash
            + #"","media_type":"text/html","title":null},"rules_sha256":"","index":0,"#), line(bare))
        XCTAssertEqual(DocumentInfo(marked).authors, ["Ann Author", "Bo \"B\" Writer"])
        XCTAssertEqual(DocumentInfo(marked).date, "2024-05-21")
        XCTAssertFalse(line(document("Plain text.")).contains("authors"))
        XCTAssertFalse(line(document("Plain text.")).contains("\"date\""))
    }

    func testQuoteContextStopsOnScalarBoundaries() {
        let doc = document(String(repeating: "é", count: 40) + " End.")
        let end = doc.text.count
        let sentence = Sentence(index: 0, block: 1, range: (end - 4)..<end)
        var builder = RecordBuilder(document: doc, rulesSHA256: "")
        let q = builder.record(for: sentence, matches: []).quote
        XCTAssertEqual(q.exact, "End.")
        XCTAssertEqual(q.prefix.unicodeScalars.count, RecordBuilder.quoteContext)
        XCTAssertFalse(q.prefix.contains("\u{FFFD}"))
    }

    /// `RecordStream` prints the lines `RecordEncoder` prints for `RecordBuilder`'s records:
    /// text and HTML documents, sections and xpaths, escapes and non-ASCII text, tags with
    /// captures and every kind of field, several labels, ill-formed UTF-8 in the text, and
    /// sentences written out of order.
    func testStreamPrintsWhatTheEncoderPrints() {
        var b = DocumentBuilder()
        b.beginBlock(.heading, level: 1, sourceLine: 1, xpath: "/html/body/h1")
        b.append(Array("Title \"quoted\"".utf8), sourceStart: 2)
        b.endBlock()
        let para = "Prices rose 30% in “Q1”.\tTabs\u{01} and \\ too. Déjà vu: 😀 costs $5bn."
        b.beginBlock(.paragraph, sourceLine: 3, xpath: "/html/body/p[1]")
        b.append(Array(para.utf8), sourceStart: 20)
        b.endBlock()
        b.beginBlock(.listItem, sourceLine: 5)
        b.append([0x42, 0xFF, 0x61, 0x64, 0x20, 0xE2, 0x82, 0x20, 0x62, 0x79, 0x74, 0x65, 0x73, 0x2E], sourceStart: 200)
        b.endBlock()
        let source = Array("# Title \"quoted\"\n\n\r\n".utf8) + Array(para.utf8) + Array(repeating: 0x0A, count: 120) + Array("Bad bytes.".utf8)
        let text = b.build(path: "t\".txt", mediaType: .plainText, source: source, sha256: sha256Hex(source),
                           title: "T", authors: ["A"], date: "2024-01-02")
        let html = b.build(path: "t.html", id: "doc-1", mediaType: .html, source: source, sha256: sha256Hex(source),
                           keepSourceMap: false)
        for doc in [text, html] {
            let p = doc.blocks[1].range, l = doc.blocks[2].range
            let sentences = [
                Sentence(index: 0, block: 0, range: doc.blocks[0].range),
                Sentence(index: 1, block: 1, range: p.lowerBound..<(p.lowerBound + 28)),
                Sentence(index: 2, block: 1, range: (p.lowerBound + 29)..<p.upperBound),
                Sentence(index: 3, block: 2, range: l),
                Sentence(index: 1, block: 1, range: p.lowerBound..<(p.lowerBound + 28)),
            ]
            let matches: [[Match]] = [
                [],
                [Match(tag: .figure, ruleID: "fig.pct", file: "figure.yaml", line: 7, range: 12..<15,
                       captures: [Capture(name: "value", range: 12..<14), Capture(name: "u\"nit", range: 14..<15),
                                  Capture(name: "cut", range: 20..<24), Capture(name: "quoted", range: 19..<26)],
                       fields: [("value", .number(30)), ("low", .number(0.25)), ("high", .number(-1e20)),
                                ("x", .number(.nan)), ("unit", .string("per\"cent")), ("approx", .bool(true))]),
                 Match(tag: .claim, ruleID: "c\\1", file: "claims/a.yaml", line: 1, range: 0..<6)],
                [Match(tag: .recommendation, ruleID: "r", file: "r.yaml", line: 2, range: 0..<4),
                 Match(tag: .claim, ruleID: "c", file: "c.yaml", line: 3, range: 5..<9),
                 Match(tag: .claim, ruleID: "c2", file: "c.yaml", line: 4, range: 10..<12)],
                [Match(tag: .position, ruleID: "p", file: "p.yaml", line: 9, range: 0..<5,
                       captures: [Capture(name: "actor", range: 1..<4)])],
                [],
            ]
            var builder = RecordBuilder(document: doc, rulesSHA256: "abc")
            let encoder = RecordEncoder(document: DocumentInfo(doc), rulesSHA256: "abc")
            var w = JSONWriter()
            var stream = RecordStream(document: doc, rulesSHA256: "abc")
            var labels: [UInt8] = []
            for (s, m) in zip(sentences, matches) {
                let r = builder.record(for: s, matches: m)
                encoder.write(r, to: &w)
                labels.append(stream.write(s, matches: m))
                XCTAssertEqual(labels.last, r.labels.reduce(0) { $0 | 1 << Tag.allCases.firstIndex(of: $1)! })
            }
            XCTAssertEqual(String(decoding: stream.bytes, as: UTF8.self), String(decoding: w.bytes, as: UTF8.self))
            XCTAssertEqual(stream.bytes, w.bytes)
        }
    }
}
