import Foundation
import XCTest
@testable import Rules

/// A rule set loaded without leaves (`RuleSet.load(directory:leaves:)`, what `extract` loads;
/// docs/benchmarks.md, sixteenth round) is the set loaded with them but for the programs'
/// per-instruction elements and leaves: the same instructions, tests, vocabulary and matches.
final class LeavesCutTests: XCTestCase {
    func testDefaultRulesWithoutLeavesMatchAlike() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let dir = root.appendingPathComponent("rules").path
        let with = try RuleSet.load(directory: dir)
        let without = try RuleSet.load(directory: dir, leaves: false)
        XCTAssertTrue(with.hasLeaves)
        XCTAssertFalse(without.hasLeaves)
        XCTAssertEqual(with.sha256, without.sha256)
        XCTAssertEqual(with.vocab.count, without.vocab.count)
        XCTAssertEqual(with.rules.map(\.id), without.rules.map(\.id))
        XCTAssertEqual(with.unlessIDs, without.unlessIDs)
        var programs = 0
        for (a, b) in zip(with.rules, without.rules) {
            XCTAssertEqual(a.trigger, b.trigger, a.id)
            for (p, q) in zip([a.program] + a.unless, [b.program] + b.unless) {
                programs += 1
                XCTAssertEqual(p.insts.count, q.insts.count, a.id)
                XCTAssertEqual("\(p.insts)", "\(q.insts)", a.id)
                XCTAssertEqual("\(p.tests)", "\(q.tests)", a.id)
                XCTAssertEqual(p.source, q.source, a.id)
                XCTAssertEqual(p.elements, q.elements, a.id)
                XCTAssertEqual(p.instLeaf.count, p.insts.count, a.id)
                XCTAssertEqual(p.instElement.count, p.insts.count, a.id)
                XCTAssertTrue(q.instLeaf.isEmpty && q.instElement.isEmpty, a.id)
            }
        }
        XCTAssertGreaterThan(programs, 700)
        let sentences = try exampleAndSampleSentences(with, root: root)
        XCTAssertGreaterThan(sentences.count, 3_000)
        for s in sentences {
            let x = s.withUnsafeBufferPointer { with.matches(in: $0) }
            let y = s.withUnsafeBufferPointer { without.matches(in: $0) }
            XCTAssertEqual(x, y, String(decoding: s, as: UTF8.self))
        }
    }
}
