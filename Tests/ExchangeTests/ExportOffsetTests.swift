import XCTest
@testable import Exchange

/// Each tool's offsets, checked the way that tool reads them: code points for Label
/// Studio, brat and Prodigy (Python `str` indices), UTF-16 code units for doccano.
final class ExportOffsetTests: XCTestCase {
    private var doc: ReviewDocument!

    override func setUpWithError() throws {
        doc = try Fixture.document(Fixture.mixedText)
        // The fixture means something only if tags stand after astral characters.
        let after = doc.sentences.flatMap(\.tags).filter { t in
            let s = doc.sentences.first { $0.tags.contains(t) }!
            return t.span.scalar != t.span.utf16 && s.text.unicodeScalars.contains { $0.value > 0xFFFF }
        }
        XCTAssertGreaterThan(after.count, 1, "no tag after an emoji: the fixture tests nothing")
    }

    private func json(_ bytes: [UInt8]) throws -> Any { try JSONSerialization.jsonObject(with: Data(bytes)) }
    private func lines(_ bytes: [UInt8]) throws -> [[String: Any]] {
        try bytes.split(separator: UInt8(ascii: "\n")).map { try JSONSerialization.jsonObject(with: Data($0)) as! [String: Any] }
    }

    /// Python's `text[start:end]`.
    private func scalars(_ text: String, _ s: Int, _ e: Int) -> String {
        String(String.UnicodeScalarView(Array(text.unicodeScalars)[s..<e]))
    }

    /// JavaScript's `text.slice(start, end)`.
    private func utf16(_ text: String, _ s: Int, _ e: Int) -> String {
        String(decoding: Array(text.utf16)[s..<e], as: UTF16.self)
    }

    func testLabelStudioCountsCodePoints() throws {
        let tasks = try json(Exporter.export([doc], to: .labelStudio)[0].bytes) as! [[String: Any]]
        XCTAssertEqual(tasks.count, doc.sentences.count)
        var checked = 0
        for task in tasks {
            let data = task["data"] as! [String: Any]
            let text = data["text"] as! String
            let result = (task["predictions"] as! [[String: Any]])[0]["result"] as! [[String: Any]]
            for r in result {
                let v = r["value"] as! [String: Any]
                XCTAssertEqual(scalars(text, v["start"] as! Int, v["end"] as! Int), v["text"] as! String)
                checked += 1
            }
        }
        XCTAssertEqual(checked, doc.sentences.flatMap(\.tags).count)
    }

    func testDoccanoCountsUTF16CodeUnits() throws {
        let rows = try lines(Exporter.export([doc], to: .doccano)[0].bytes)
        for (row, s) in zip(rows, doc.sentences) {
            let text = row["text"] as! String
            let labels = row["label"] as! [[Any]]
            XCTAssertEqual(labels.count, s.tags.count)
            for (l, t) in zip(labels, s.tags) {
                XCTAssertEqual(utf16(text, l[0] as! Int, l[1] as! Int), t.text)
                XCTAssertEqual(l[2] as! String, t.label)
            }
        }
    }

    func testBratStandoffCountsCodePointsIntoTheTxt() throws {
        let files = Exporter.export([doc], to: .brat)
        let txt = String(decoding: files.first { $0.name == "brief.txt.txt" }!.bytes, as: UTF8.self)
        let ann = String(decoding: files.first { $0.name == "brief.txt.ann" }!.bytes, as: UTF8.self)
        XCTAssertNotNil(files.first { $0.name == "annotation.conf" })
        let tLines = ann.split(separator: "\n").filter { $0.hasPrefix("T") }
        XCTAssertEqual(tLines.count, doc.sentences.flatMap(\.tags).count)
        for l in tLines {
            let parts = l.split(separator: "\t")
            let head = parts[1].split(separator: " ")
            XCTAssertEqual(scalars(txt, Int(head[1])!, Int(head[2])!), String(parts[2]))
        }
        // Line k holds sentence k.
        let txtLines = txt.split(separator: "\n", omittingEmptySubsequences: false)
        for s in doc.sentences { XCTAssertEqual(String(txtLines[s.index]), s.text) }
    }

    func testProdigySpansCoverWholeTokensInCodePoints() throws {
        let rows = try lines(Exporter.export([doc], to: .prodigy)[0].bytes)
        for row in rows {
            let text = row["text"] as! String
            let tokens = row["tokens"] as! [[String: Any]]
            for (k, t) in tokens.enumerated() {
                XCTAssertEqual(t["id"] as! Int, k)
                XCTAssertEqual(scalars(text, t["start"] as! Int, t["end"] as! Int), t["text"] as! String)
            }
            for s in row["spans"] as! [[String: Any]] {
                let (start, end) = (s["start"] as! Int, s["end"] as! Int)
                XCTAssertEqual(scalars(text, start, end), s["text"] as! String)
                XCTAssertEqual(tokens[s["token_start"] as! Int]["start"] as! Int, start)
                XCTAssertEqual(tokens[s["token_end"] as! Int]["end"] as! Int, end)
            }
            // Rebuilding the text from tokens and their `ws` gives it back (bar spacing runs).
            let rebuilt = tokens.map { ($0["text"] as! String) + (($0["ws"] as! Bool) ? " " : "") }.joined()
            XCTAssertEqual(rebuilt.trimmingCharacters(in: .whitespaces), text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
    }

    func testUnitsCanBeOverridden() throws {
        let rows = try lines(Exporter.export([doc], to: .doccano, unit: .scalar)[0].bytes)
        for (row, s) in zip(rows, doc.sentences) {
            for (l, t) in zip(row["label"] as! [[Any]], s.tags) {
                XCTAssertEqual(scalars(row["text"] as! String, l[0] as! Int, l[1] as! Int), t.text)
            }
        }
    }
}
