import Foundation
import XCTest
@testable import Rules

/// The freezing thread's shortcuts (docs/benchmarks.md, fourteenth round) against the ways
/// they replace: a split guard's token set made from its ids in a scratch, and the table that
/// keeps each distinct guard of a program once.
final class FreezeCutTests: XCTestCase {
    /// `FrozenTokenSet(ids:has:not:scratch:)` gives the bits (the very pool copy) and class
    /// lists of `FrozenTokenSet(TokenSet(ids: IDBitmap(ids), ...))`, with one scratch reused
    /// from long bitmaps to short ones and back (no bit of a longer one left over).
    func testGuardSetFromIDsIsTheTokenSetOne() {
        let pool = BitmapPool()
        var rng = SystemRandomNumberGenerator()
        var scratch: [UInt64] = []
        for k in 0..<400 {
            let top = [0, 1, 63, 64, 130, 900, 5_000][k % 7]
            var ids = (0..<Int.random(in: 0...12, using: &rng)).map { _ in Int32.random(in: 0...Int32(top), using: &rng) }
            if k % 5 == 0 { ids.append(Int32(top)) }
            ids = Array(Set(ids)).sorted()
            let has = (0..<(k % 3)).map { _ in UInt32.random(in: 1...UInt32.max, using: &rng) }
            let not = has.map { _ in UInt32.random(in: 0...UInt32.max, using: &rng) }
            let old = FrozenTokenSet(TokenSet(ids: IDBitmap(ids), classHas: has.map(TokenClasses.init), classNot: not.map(TokenClasses.init)), pool)
            let new = FrozenTokenSet(ids: ids, has: has, not: not, pool, scratch: &scratch)
            XCTAssertEqual(Array(new.bits), Array(old.bits), "\(ids)")
            XCTAssertEqual(new.bits.baseAddress, old.bits.baseAddress)
            XCTAssertEqual(Array(new.classHas), Array(old.classHas))
            XCTAssertEqual(Array(new.classNot), Array(old.classNot))
            for id in Int32(0)...Int32(top + 70) {
                let t = Token(start: 0, end: 1, classes: TokenClasses(rawValue: UInt32.random(in: 0...UInt32.max, using: &rng)), id: id, hash: 0)
                XCTAssertEqual(new.accepts(t), old.accepts(t))
            }
            old.deallocate()
            new.deallocate()
        }
    }

    /// Every program of the default rules keeps each distinct guard once, numbered in the
    /// order the splits' branches first reach it, as the dictionary of guards did.
    func testDefaultRulesKeepEachGuardOnceInFirstOrder() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules").path
        let set = try RuleSet.load(directory: dir)
        var programs = 0
        for rule in set.rules {
            for p in [rule.program] + rule.unless {
                programs += 1
                let g = p.guards
                XCTAssertEqual(Set(g.guards).count, g.guards.count, rule.id)
                var next: Int32 = 0
                for inst in p.insts {
                    guard case .split(let x, let y) = inst else { continue }
                    for t in [Int(x), Int(y)] where t < g.at.count && g.at[t] >= 0 {
                        XCTAssertLessThanOrEqual(g.at[t], next, rule.id)
                        if g.at[t] == next { next += 1 }
                    }
                }
                XCTAssertEqual(Int(next), g.guards.count, rule.id)
            }
        }
        XCTAssertGreaterThan(programs, 700)
    }

    /// `SplitGuards.Scratch.sortedUnique` is `sort()` with the repeats dropped, for lists
    /// short (insertion) and long (the bitmap, cleared behind for the next list), with
    /// negative ids, and one scratch reused throughout.
    func testSortedUniqueIsSortAndDedup() {
        var rng = SystemRandomNumberGenerator()
        var scratch = SplitGuards.Scratch()
        for k in 0..<600 {
            let n = [0, 1, 2, 5, 24, 25, 40, 300][k % 8]
            let top = [3, 64, 700, 20_000][k % 4]
            var ids = (0..<n).map { _ in Int32.random(in: 0...Int32(top), using: &rng) }
            if k % 37 == 0, !ids.isEmpty { ids[0] = -1 }
            scratch.ids = ids
            var expected = ids.sorted()
            var w = 0
            for id in expected where w == 0 || expected[w - 1] != id { expected[w] = id; w += 1 }
            expected.removeLast(expected.count - w)
            XCTAssertEqual(scratch.sortedUnique(), expected, "\(ids)")
            XCTAssertTrue(scratch.bits.allSatisfy { $0 == 0 })
        }
    }
}
