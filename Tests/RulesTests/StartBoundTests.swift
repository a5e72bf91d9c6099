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

    /// A rule's list is its row of requirement bits (which `collectCandidates` reads); a
    /// branch's and a veto's are ascending, without repeats, one number per distinct
    /// requirement of its program. `BranchIndexTests` checks the bounds they give end to end.
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
        func check(_ listed: [Int32], _ program: Program, _ what: String) {
            XCTAssertEqual(listed, Array(Set(listed)).sorted(), what)
            XCTAssertTrue(listed.allSatisfy { $0 >= 0 && Int($0) < words * 64 }, what)
            XCTAssertLessThanOrEqual(listed.count, program.requirements.count, what)
            XCTAssertEqual(listed.isEmpty, program.requirements.isEmpty, what)
        }
        var branches = 0
        for (r, rule) in set.rules.enumerated() where index.branchBase[r] >= 0 {
            for (k, b) in rule.program.branches.enumerated() {
                var p = Program()
                p.requirements = b.requirements
                check(list(index.branchReqs, Int(index.branchBase[r]) + k), p, "\(rule.id) branch \(k)")
                branches += 1
            }
        }
        XCTAssertGreaterThan(branches, 10)
        XCTAssertEqual(index.vetoReqs.start.count - 1, set.unlessCount)
        var vetoesSeen = Set<Int>()
        for (r, rule) in set.rules.enumerated() {
            for (k, veto) in rule.unless.enumerated() {
                let id = Int(set.unlessIDs[r][k])
                check(list(index.vetoReqs, id), veto, "\(rule.id) unless \(k)")
                guard vetoesSeen.insert(id).inserted, index.vetoBranchBase[id] >= 0 else { continue }
                for (b, branch) in veto.branches.enumerated() {
                    var p = Program()
                    p.requirements = branch.requirements
                    check(list(index.branchReqs, Int(index.vetoBranchBase[id]) + b), p, "\(rule.id) unless \(k) branch \(b)")
                    branches += 1
                }
            }
        }
        // Every branch list is a rule's or a veto's.
        XCTAssertEqual(index.branchReqs.start.count - 1, branches)
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
