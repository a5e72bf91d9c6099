import Foundation
import XCTest
import Ingest
import Segment

/// The web edition of a brief says what its text edition says: same sentences, same order.
///
/// Sentences are compared by their letters and digits, lowercased, so punctuation, quotes,
/// Markdown and stray inline HTML of the PDF conversions do not matter. Furniture of the text
/// edition ("PISM BULLETIN") is left out on both sides. Footnotes are compared apart, in
/// order among themselves: a PDF prints them at the foot of whichever page holds the marker,
/// a web page at the end of the article.
final class HTMLEquivalenceTests: XCTestCase {
    static let samples = [
        "pism-2023-china-russia-partners", "pism-2024-putin-visit-china", "sceeus-2024-putin-in-beijing",
    ]

    static var samplesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples")
    }

    /// Letters and digits, lowercased, with `<tag>` markup removed first.
    static func normalized(_ s: String) -> String {
        var out = ""
        var inTag = false
        for u in s.unicodeScalars {
            if u == "<" { inTag = true; continue }
            if inTag { if u == ">" { inTag = false }; continue }
            if u.properties.isAlphabetic || u.properties.numericType != nil {
                out += String(u).lowercased()
            }
        }
        return out
    }

    private struct Split {
        var body: [String] = []
        var notes: [String] = []
    }

    func testTextAndHTMLEditionsHaveTheSameSentences() throws {
        let segmenter = Segmenter()
        for name in Self.samples {
            let text = try Ingest.read(path: Self.samplesDirectory.appendingPathComponent(name + ".txt").path)
            let html = try Ingest.read(path: Self.samplesDirectory.appendingPathComponent(name + ".html").path)
            XCTAssertEqual(html.mediaType, .html)

            let furniture = Set(text.blocks.filter { $0.kind == .furniture }.map { Self.normalized(text.string($0.range)) })
            let htmlNotes = Set(html.blocks.filter { $0.kind == .footnote }.map { Self.normalized(html.string($0.range)) })

            var fromText = Split()
            for s in segmenter.sentences(in: text) {
                let block = text.blocks[s.block]
                let n = Self.normalized(text.string(s.range))
                guard block.kind != .furniture, !n.isEmpty else { continue }
                if block.kind == .footnote || htmlNotes.contains(Self.normalized(text.string(block.range))) {
                    fromText.notes.append(n)
                } else {
                    fromText.body.append(n)
                }
            }
            var fromHTML = Split()
            for s in segmenter.sentences(in: html) {
                let n = Self.normalized(html.string(s.range))
                guard !n.isEmpty, !furniture.contains(n) else { continue }
                if html.blocks[s.block].kind == .footnote { fromHTML.notes.append(n) } else { fromHTML.body.append(n) }
            }

            XCTAssertGreaterThan(fromHTML.body.count, 10, name)
            let common = min(fromText.body.count, fromHTML.body.count)
            let mismatch = (0..<common).first { fromText.body[$0] != fromHTML.body[$0] }
            if let i = mismatch ?? (fromText.body.count != fromHTML.body.count ? common : nil) {
                XCTFail("""
                    \(name): sentence \(i) differs (text edition \(fromText.body.count) sentences, HTML \(fromHTML.body.count))
                      text: \(i < fromText.body.count ? fromText.body[i] : "<end>")
                      html: \(i < fromHTML.body.count ? fromHTML.body[i] : "<end>")
                    """)
            }
            XCTAssertEqual(fromText.notes.joined(separator: " "), fromHTML.notes.joined(separator: " "), "\(name): footnotes")
        }
    }
}
