import Foundation
import XCTest
@testable import Rules

/// A rule set's token-set bitmaps are stored once per content (`BitmapPool`): a bitmap handed
/// out for the wrong content, or freed while a program still reads it, would change what
/// guards and start filters let through, which no other test would pin on the pool.
final class BitmapPoolTests: XCTestCase {
    func testEqualContentsShareOneCopyAndOthersKeepTheirs() {
        let pool = BitmapPool()
        var rng = SystemRandomNumberGenerator()
        var inputs: [[UInt64]] = []
        for _ in 0..<300 {
            // Short bitmaps with few bits: many repeats and many near-misses (one bit apart).
            let count = Int.random(in: 1...3, using: &rng)
            var words = [UInt64](repeating: 0, count: count)
            words[Int.random(in: 0..<count, using: &rng)] |= 1 << UInt64.random(in: 0..<4, using: &rng)
            inputs.append(words)
        }
        inputs.append([0, 0])  // all zero, two words: not the same as one word
        inputs.append([0])
        let stored = inputs.map { pool.intern($0) }
        for (k, words) in inputs.enumerated() {
            XCTAssertEqual(Array(stored[k]), words)
            for j in 0..<k where inputs[j] == words { XCTAssertEqual(stored[j].baseAddress, stored[k].baseAddress) }
        }
        XCTAssertEqual(pool.count, Set(inputs).count)
        XCTAssertEqual(pool.intern([]).count, 0)
        XCTAssertEqual(pool.count, Set(inputs).count)
    }

    /// Past the table's first size (it grows when half full), every bitmap is still found.
    func testGrowingKeepsEveryBitmap() {
        let pool = BitmapPool()
        let inputs = (0..<5_000).map { [UInt64($0 % 7), UInt64($0 + 1)] }
        let first = inputs.map { pool.intern($0) }
        XCTAssertEqual(pool.count, inputs.count)
        for (k, words) in inputs.enumerated() {
            XCTAssertEqual(Array(first[k]), words)
            XCTAssertEqual(pool.intern(words).baseAddress, first[k].baseAddress)
        }
        XCTAssertEqual(pool.count, inputs.count)
    }

    /// The default rules' programs share one pool holding fewer bitmaps than their token
    /// sets, and a rule set keeps matching after another rule set (another pool) is gone.
    func testRuleSetsOwnTheirBitmaps() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules").path
        let sentence = "The Taliban's supreme leader in Kandahar reportedly insisted on the ban."
        var first: RuleSet? = try RuleSet.load(directory: dir)
        let expected = first!.matches(sentence)
        let second = try RuleSet.load(directory: dir)
        let pool = second.rules[0].program.code.bitmaps
        XCTAssertTrue(second.rules.allSatisfy { $0.program.code.bitmaps === pool && $0.unless.allSatisfy { $0.code.bitmaps === pool } })
        let guards = second.rules.reduce(0) { $0 + $1.program.guards.guards.count }
        XCTAssertGreaterThan(pool.count, 100)
        XCTAssertLessThan(pool.count, guards)
        XCTAssertFalse(first!.rules[0].program.code.bitmaps === pool)
        first = nil
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(second.matches(sentence), expected)
    }
}
