import Foundation
import XCTest
@testable import Ingest
@testable import Segment

/// Every sentence of every sample maps back to the source bytes it came from.
final class SourceRoundTripTests: XCTestCase {
    static func sampleDocuments() throws -> [Document] {
        let names = try FileManager.default.contentsOfDirectory(atPath: GoldSegmentationTests.samples.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertEqual(names.count, 3)
        return try names.map { try Ingest.read(path: GoldSegmentationTests.samples.appendingPathComponent($0).path) }
    }

    func testSentenceTextIsTheTextRangeAndValidUTF8() throws {
        for doc in try Self.sampleDocuments() {
            let sentences = Segmenter().sentences(in: doc)
            XCTAssertGreaterThan(sentences.count, 40, doc.path)
            for (n, s) in sentences.enumerated() {
                XCTAssertEqual(s.index, n)
                XCTAssertTrue(doc.blocks[s.block].range.contains(s.range.lowerBound), doc.path)
                XCTAssertLessThanOrEqual(s.range.upperBound, doc.blocks[s.block].range.upperBound)
                let bytes = Array(doc.text[s.range])
                XCTAssertNotNil(String(validating: bytes, as: UTF8.self), "\(doc.path) sentence \(n)")
                XCTAssertEqual(doc.string(s.range), String(decoding: bytes, as: UTF8.self))
                XCTAssertFalse(bytes.first! <= 0x20 || bytes.last! <= 0x20, "untrimmed: \(doc.string(s.range))")
            }
        }
    }

    /// The source slice of a sentence, with inline markup removed (and, for a sentence joined
    /// across a page break, the furniture lines between its halves dropped), reads as the sentence.
    func testSourceSliceStripsToSentenceText() throws {
        var checked = 0, joined = 0
        for doc in try Self.sampleDocuments() {
            let map = try XCTUnwrap(doc.sourceMap)
            let blockSources = doc.blocks.map { map.sourceRange(forText: $0.range) }
            for s in Segmenter().sentences(in: doc) {
                let src = map.sourceRange(forText: s.range)
                var keep = [Bool](repeating: true, count: src.count)
                for (b, r) in blockSources.enumerated() where b != s.block && src.contains(r.lowerBound) {
                    // another block inside this sentence's source: drop its whole line
                    joined += 1
                    var lo = r.lowerBound, hi = r.upperBound
                    while lo > src.lowerBound, doc.source[lo - 1] != 0x0A { lo -= 1 }
                    while hi < src.upperBound, doc.source[hi] != 0x0A { hi += 1 }
                    for k in lo..<hi { keep[k - src.lowerBound] = false }
                }
                let slice = src.indices.filter { keep[$0 - src.lowerBound] }.map { doc.source[$0] }
                let stripped = PlainTextReader.stripInlineMarkup(slice)
                XCTAssertEqual(String(decoding: stripped, as: UTF8.self), doc.string(s.range), doc.path)
                checked += 1
            }
        }
        print("source round trip: \(checked) sentences, \(joined) interrupting blocks dropped")
        XCTAssertEqual(joined, 2)  // "PISM BULLETIN", "# PISM SPOTLIGHT"
    }
}
