import Foundation
import XCTest
@testable import Rules

/// The flat forms the matcher reads in place of a scan: each rule's, branch's and veto's
/// requirement list (`ReqLists`, for `RuleSet.lastStart`) and the lexicons a word begins an
/// entry of (`LexiconTries.beginsEntry`, for split guards). Each must say exactly what the
/// form it replaces says, on the default rules.
final class StartBoundTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func defaultRules() throws -> RuleSet {
        try RuleSet.load(directory: root.appendingPathComponent("rules").path)
    }

    /// The bits set in row `i` of `bits` (`words` words a row), ascending.
    private func bitsOf(_ bits: [UInt64], row i: Int, words: Int) -> [Int32] {
        var out: [Int32] = []
        for k in 0..<words {
            var w = bits[i * words + k]
            while w != 0 { out.append(Int32(k * 64 + w.trailingZeroBitCount)); w &= w - 1 }
        }
        return out
    }

    private func list(_ l: ReqLists, _ i: Int) -> [Int32] {
        Array(l.reqs[Int(l.start[i])..<Int(l.start[i + 1])])
    }

    func testRequirementListsAreTheRowsBits() throws {
        let set = try defaultRules()
        let index = set.startIndex, words = index.reqWords
        XCTAssertGreaterThan(words, 0)
        var some = 0
        for r in set.rules.indices {
            let listed = list(index.ruleReqs, r)
            XCTAssertEqual(listed, bitsOf(index.ruleReqBits, row: r, words: words), set.rules[r].id)
            some += listed.count
        }
        XCTAssertGreaterThan(some, set.rules.count / 2)
        let branches = index.branchReqs.start.count - 1, vetoes = index.vetoReqs.start.count - 1
        XCTAssertGreaterThan(branches, 10)
        XCTAssertEqual(vetoes, set.unlessCount)
        for b in 0..<branches { XCTAssertEqual(list(index.branchReqs, b), bitsOf(index.branchReqBits, row: b, words: words)) }
        for v in 0..<vetoes { XCTAssertEqual(list(index.vetoReqs, v), bitsOf(index.vetoReqBits, row: v, words: words)) }
    }

    func testBeginsEntryIsRootChildForEveryLexiconAndWord() throws {
        let set = try defaultRules()
        let tries = set.tries, lexicons = tries.roots.count
        XCTAssertGreaterThan(lexicons, 10)
        XCTAssertLessThanOrEqual(lexicons, 64, "lexicons past the 64th are asked one by one; test them so")
        var begun = 0
        for id in Int32(-2)..<Int32(set.vocab.count + 2) {
            var all: UInt64 = 0
            for k in 0..<lexicons {
                let starts = tries.rootChild(k, id) != nil
                XCTAssertEqual(tries.beginsEntry(1 << UInt64(k), id), starts, "lexicon \(k), id \(id)")
                if starts { all |= 1 << UInt64(k); begun += 1 }
            }
            // A mask of several lexicons: some of them begins with the word.
            XCTAssertEqual(tries.beginsEntry(~0, id), all != 0, "id \(id)")
            XCTAssertFalse(tries.beginsEntry(~all, id), "id \(id)")
        }
        XCTAssertGreaterThan(begun, 1000)
    }
}
