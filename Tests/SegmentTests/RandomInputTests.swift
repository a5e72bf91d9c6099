import XCTest
@testable import Ingest
@testable import Segment

/// Ingest and segmentation of generated Markdown-ish noise: no crash, every kept byte maps
/// to the same byte of the source, sentences are trimmed, non-empty and inside their block.
final class RandomInputTests: XCTestCase {
    static let pieces = [
        "word", "Word", " ", " ", "\n", "\n\n", "\r\n", "\r", ".", ". ", "? ", "!", "...", "…", "U.S.", " e.g. ",
        "[", "](", ")", "](#)", "[link](#)", "<sup>", "</sup>", "<", ">", "*", "**", "_", "\\", "\\$", "#", "## ",
        "- ", "* ", "1 ", "PISM BULLETIN", "\n\nPISM BULLETIN\n\n", "“", "”", "’s", "é", "¹", "(", "\"", "---\n", "\u{FEFF}",
    ]

    func testGeneratedInputs() throws {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        var sentences = 0
        for _ in 0..<400 {
            var s = ""
            for _ in 0..<(1 + next(80)) { s += Self.pieces[next(Self.pieces.count)] }
            let doc = try Ingest.document(source: Array(s.utf8), path: "gen", mediaType: .plainText)
            let map = try XCTUnwrap(doc.sourceMap)
            for block in doc.blocks {
                for t in block.range where doc.text[t] != 0x20 {
                    XCTAssertEqual(doc.source[map.source(forText: t)], doc.text[t], "offset \(t) in \(s.debugDescription)")
                }
            }
            for sentence in Segmenter().sentences(in: doc) {
                let block = doc.blocks[sentence.block].range
                XCTAssertFalse(sentence.range.isEmpty)
                XCTAssertTrue(block.lowerBound <= sentence.range.lowerBound && sentence.range.upperBound <= block.upperBound)
                XCTAssertNotEqual(doc.text[sentence.range.lowerBound], 0x20)
                XCTAssertNotEqual(doc.text[sentence.range.upperBound - 1], 0x20)
                sentences += 1
            }
        }
        XCTAssertGreaterThan(sentences, 400)
    }
}
