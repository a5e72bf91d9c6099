import Foundation
import XCTest
@testable import Tagger

/// The hand-tagged sample-brief words (Fixtures/briefs-gold.conllu, 348 words): the built-in
/// model must keep tagging text like the briefs well. `scripts/tagger-accuracy.py` reports the
/// same figures through `claimex tag` (UPOS 0.971, Penn 0.960, lemma 0.991 when written).
final class BriefGoldTests: XCTestCase {
    func testAccuracyOnHandTaggedBriefWords() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/briefs-gold.conllu")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var total = 0, upos = 0, xpos = 0, lemma = 0
        var text = "", gold: [[Substring]] = []
        func score() {
            guard !gold.isEmpty else { return }
            let bytes = Array(text.utf8)
            var work = TagWork(), at = 0
            for g in gold {
                let form = Array(g[1].utf8)
                while !bytes[at...].starts(with: form) { at += 1 }
                work.tokens.append(Int32(at)..<Int32(at + form.count))
                at += form.count
            }
            bytes.withUnsafeBufferPointer { Tagger.shared.tag($0, &work) }
            for (k, g) in gold.enumerated() {
                let t = work.tokenTags[k]
                total += 1
                upos += TagSet.upos[Int(t.upos)] == g[3] ? 1 : 0
                xpos += TagSet.xpos[Int(t.xpos)] == g[4] ? 1 : 0
                lemma += work.lemma(t.lemma) == g[2] ? 1 : 0
            }
            gold = []
        }
        for line in lines {
            if line.hasPrefix("# text = ") { text = String(line.dropFirst(9)) } else if line.isEmpty { score() }
            else if !line.hasPrefix("#") { gold.append(line.split(separator: "\t", omittingEmptySubsequences: false)) }
        }
        score()
        XCTAssertEqual(total, 348)
        XCTAssertGreaterThanOrEqual(Double(upos) / Double(total), 0.95, "UPOS")
        XCTAssertGreaterThanOrEqual(Double(xpos) / Double(total), 0.94, "Penn")
        XCTAssertGreaterThanOrEqual(Double(lemma) / Double(total), 0.97, "lemma")
    }
}
