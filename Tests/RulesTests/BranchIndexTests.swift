import Foundation
import XCTest
@testable import Rules

/// A pattern's top-level alternatives are filtered branch by branch (`TopBranch`): each has
/// its own requirements, start anchor and entry filter, and the matcher enters the program at
/// the first branch that can begin at a start. That only skips work: the matches, their spans
/// and captures must be those of running the whole program at every start the whole
/// program's filters allow (`MatchVM.useBranches` off), and those of `explain`, which tries
/// every start.
final class BranchIndexTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Matches of `set` on `s`, with or without the per-branch filters.
    private func matches(_ set: RuleSet, _ s: [UInt8], branches: Bool) -> [Match] {
        let context = MatchContext()
        context.withWork { $0.vm.useBranches = branches }
        return s.withUnsafeBufferPointer { set.matches(in: $0, context: context) }
    }

    func testBranchesOfATopLevelAlternationOnly() throws {
        let lexicons = ["actors": "Russia\nChina\nthe EU\n"]
        let cases: [(String, Int)] = [
            ("{who: @actors}? would benefit from | it is up to {who: @actors}", 2),
            // Adjacent one-token branches are merged into one test: one branch.
            ("crucial | vital | ^ {x: key} %word", 2),
            ("(crucial | vital) %word", 0),
            ("crucial", 0),
            ("{x: crucial | vital}", 0),
        ]
        for (pattern, count) in cases {
            let set = try singleRule(pattern, lexicons: lexicons)
            XCTAssertEqual(set.rules[0].program.branches.count, count, pattern)
        }
        let set = try singleRule("{who: @actors}? would benefit from | ^ it is up to {who: @actors}", lexicons: lexicons)
        let (first, second) = (set.rules[0].program.branches[0], set.rules[0].program.branches[1])
        // The first branch starts within reach of "benefit" (its rarest required word), the
        // second only at the sentence start; neither is in the start index.
        XCTAssertNotNil(first.anchor)
        XCTAssertTrue(second.startOnly)
        XCTAssertEqual(first.pc, 0)
        XCTAssertEqual(set.startIndex.ruleBit[0], -1)
        XCTAssertEqual(first.requirements.count, 3)
    }

    /// Leftmost start, longest match, captures of the first branch on a tie, and a branch
    /// entered later than an earlier one's start: as with the whole program at every start.
    func testSameMatchesAsTheWholeProgram() throws {
        let lexicons = ["actors": "Russia\nChina\nthe EU\nthe European Union\n"]
        let cases: [(String, [String])] = [
            ("{a: foo} bar | {b: foo bar}", ["foo bar", "x foo bar foo bar", "bar foo"]),
            ("foo | {b: foo bar}", ["foo bar", "foo foo bar", "foo"]),
            ("x y z | {c: w x}", ["w x y z", "x y z w x", "w w x"]),
            ("{who: @actors}? would benefit from {what: %word} | it is up to {who: @actors} to {what: %word}",
             ["Russia would benefit from talks, and it is up to the EU to act.", "would benefit from it",
              "It is up to China to decide whether the European Union would benefit from it.", "It is up to"]),
            ("^ it is | is it \"?\" $ | (%word){2} crucial", ["It is. Is it?", "it is crucial is it?", "so very crucial", "crucial"]),
        ]
        for (pattern, sentences) in cases {
            let set = try singleRule(pattern, lexicons: lexicons)
            XCTAssertFalse(set.rules[0].program.branches.isEmpty, pattern)
            for s in sentences {
                let bytes = Array(s.utf8)
                let with = matches(set, bytes, branches: true)
                XCTAssertEqual(with, matches(set, bytes, branches: false), "\(pattern) on \(s)")
                XCTAssertEqual(with, set.explain(sentence: bytes).matched, "\(pattern) on \(s)")
            }
        }
    }

    /// Every default rule on the sample briefs and on every rule's own examples: the same
    /// matches with and without the per-branch filters, and as `explain` (every start, and
    /// every veto run whatever the sentence's words: `matches` skips a veto, or a branch of
    /// one, whose requirement the sentence lacks), and some rules with branches match.
    func testDefaultRulesSameMatchesWithAndWithoutBranches() throws {
        let set = try RuleSet.load(directory: root.appendingPathComponent("rules").path)
        let branchRules = Set(set.rules.indices.filter { !set.rules[$0].program.branches.isEmpty }.map { set.rules[$0].id })
        XCTAssertGreaterThan(branchRules.count, 5)
        let sentences = try exampleAndSampleSentences(set, root: root)
        var total = 0, byBranchRules = 0
        for s in sentences {
            let with = matches(set, s, branches: true)
            XCTAssertEqual(with, matches(set, s, branches: false), String(decoding: s, as: UTF8.self))
            XCTAssertEqual(with, set.explain(sentence: s).matched, String(decoding: s, as: UTF8.self))
            total += with.count
            byBranchRules += with.filter { branchRules.contains($0.ruleID) }.count
        }
        XCTAssertGreaterThan(total, 500)
        XCTAssertGreaterThan(byBranchRules, 30)
    }
}
