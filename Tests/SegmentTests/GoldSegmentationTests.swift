import Foundation
import Ingest
import XCTest
@testable import Segment

/// The segmenter against the hand-made gold units of the three sample briefs.
final class GoldSegmentationTests: XCTestCase {
    struct GoldUnit: Decodable {
        var doc: String
        var n: Int
        var text: String
    }

    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples")

    /// Letters and digits only, lowercased: markup, punctuation, case and spacing ignored.
    static func normalise(_ s: String) -> String {
        String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        }))
    }

    func testGoldUnitsComeOutAsOneSentence() throws {
        let data = try Data(contentsOf: Self.samples.appendingPathComponent("gold/seeds.jsonl"))
        let units = try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            try JSONDecoder().decode(GoldUnit.self, from: Data($0.utf8))
        }
        XCTAssertEqual(units.count, 197)
        var sentencesByDoc: [String: [String: Int]] = [:]
        for doc in Set(units.map(\.doc)).sorted() {
            let path = Self.samples.appendingPathComponent(doc).path
            let document = try Ingest.read(path: path)
            var counts: [String: Int] = [:]
            for s in Segmenter().sentences(in: document) {
                counts[Self.normalise(document.string(s.range)), default: 0] += 1
            }
            sentencesByDoc[doc] = counts
        }
        var matched = 0
        var misses: [String] = []
        for u in units {
            let key = Self.normalise(u.text)
            if let c = sentencesByDoc[u.doc]?[key], c > 0 {
                sentencesByDoc[u.doc]![key] = c - 1
                matched += 1
            } else {
                misses.append("\(u.doc) #\(u.n): \(u.text)")
            }
        }
        let rate = Double(matched) / Double(units.count)
        print(String(format: "gold units segmented as exactly one sentence: %d/%d = %.2f%%",
                     matched, units.count, rate * 100))
        for m in misses { print("  miss: \(m)") }
        XCTAssertGreaterThanOrEqual(rate, 0.97)
    }
}
