import Foundation
import XCTest
@testable import Rules

/// An alternation every match passes through whole keeps its branches' requirements
/// (`RequirementGroup`): a sentence is a candidate for the rule only when some branch has all
/// of its requirements met, and no start after that branch's last requirement is tried. That
/// only skips work: the matches must be those with the groups off (`MatchVM.useGroups`), the
/// rule's requirements then being the union of each branch's lightest, and those of
/// `explain`, which tries every candidate start.
final class RequirementGroupTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    private let lexicons = ["actors": "Cuba\nPeru\nthe EU\nthe European Union\n"]
    private let stance = "(%cap)? {who: @actors} (will | has)? {what: (~make | made) (strong)? (statement | statements) against"
        + " | ~follow (%word){0,3} with (concern | alarm) | ~stand firm | urged}"

    private func matches(_ set: RuleSet, _ s: [UInt8], groups: Bool) -> [Match] {
        let context = MatchContext()
        context.withWork { $0.vm.useGroups = groups }
        return s.withUnsafeBufferPointer { set.matches(in: $0, context: context) }
    }

    /// Rule 0 is among the sentence's candidates.
    private func isCandidate(_ set: RuleSet, _ s: String, groups: Bool) -> Bool {
        var w = SentenceWork()
        w.vm.useGroups = groups
        let bytes = Array(s.utf8)
        bytes.withUnsafeBufferPointer { set.prepare($0, &w) }
        set.collectCandidates(&w)
        return w.candidates[..<w.candidateCount].contains(0)
    }

    /// Groups come from alternations a match passes through whole (in the top-level sequence,
    /// inside captures and repetitions of at least one) whose branches say more than one word
    /// each; one-requirement branches are merged into one.
    func testGroupsOfWholeAlternationsOnly() throws {
        let cases: [(String, [Int])] = [
            ("foo (alpha beta | gamma delta)", [2]),
            ("foo {x: alpha beta | gamma delta | epsilon | zeta}", [3]),
            ("foo (alpha beta | gamma delta){1,2}", [2]),
            ("foo (alpha beta | gamma delta)?", []),
            ("foo (alpha beta | gamma delta){0,2}", []),
            ("foo (alpha | gamma)", []),
            ("foo (alpha beta | ^ gamma)", [2]),
            ("foo (alpha beta | %word)", []),
            // Nested deeper: the outer alternation is whole, the inner one gives its branch
            // one requirement, the union (a word of alpha or gamma).
            ("foo (bar (alpha beta | gamma delta) | zeta)", [2]),
            ("foo (bar (alpha beta | gamma delta) | zeta (eta theta | iota))", [2]),
            // A top-level alternation has its branches filtered on their own (`TopBranch`).
            ("foo (alpha beta | gamma delta) | zeta", []),
        ]
        for (pattern, sizes) in cases {
            let set = try singleRule(pattern)
            XCTAssertEqual(set.rules[0].program.groups.map(\.branches.count), sizes, pattern)
        }
        let set = try singleRule(stance, lexicons: lexicons)
        XCTAssertEqual(set.rules[0].program.groups.count, 1)
        XCTAssertEqual(set.startIndex.ruleHasGroups, [true])
    }

    /// A sentence that meets the rule's requirements (one word of some branch: the lightest
    /// requirement of each, "against", "concern" or "alarm", "firm", "urged") but no branch's
    /// whole set is no candidate; one that meets a branch's set is.
    func testSentenceLackingEveryBranchIsNoCandidate() throws {
        let set = try singleRule(stance, lexicons: lexicons)
        for s in ["Cuba stands against the plan.", "Cuba expressed concern about the talks.", "Peru is firm on it, and makes statements."] {
            XCTAssertTrue(isCandidate(set, s, groups: false), s)
            XCTAssertFalse(isCandidate(set, s, groups: true), s)
            XCTAssertEqual(matches(set, Array(s.utf8), groups: true), [], s)
        }
        for s in ["Cuba made strong statements against terrorism.", "Peru will stand firm.", "Cuba urged restraint."] {
            XCTAssertTrue(isCandidate(set, s, groups: true), s)
            XCTAssertEqual(matches(set, Array(s.utf8), groups: true).count, 1, s)
        }
    }

    func testSameMatchesAsWithoutGroups() throws {
        let set = try singleRule(stance, lexicons: lexicons)
        let sentences = [
            "Cuba made strong statements against terrorism.", "Cuba stands against the plan.",
            "Peru has followed the talks with concern, and the EU will stand firm.",
            "Statements against Cuba make no sense, Peru follows with alarm.",
            "The European Union made statements; Peru stood firm against statements.",
            "Cuba will make statements for peace and stand firm.", "against Cuba statements make",
        ]
        var total = 0
        for s in sentences {
            let bytes = Array(s.utf8)
            let with = matches(set, bytes, groups: true)
            XCTAssertEqual(with, matches(set, bytes, groups: false), s)
            XCTAssertEqual(with, set.explain(sentence: bytes).matched, s)
            total += with.count
        }
        XCTAssertGreaterThan(total, 4)
    }

    /// Every default rule on the sample briefs and on every rule's own examples: the same
    /// matches with and without the groups, and as `explain`; and the groups rule out some
    /// candidates.
    func testDefaultRulesSameMatchesWithAndWithoutGroups() throws {
        let set = try RuleSet.load(directory: root.appendingPathComponent("rules").path)
        let grouped = set.rules.indices.filter { set.startIndex.ruleHasGroups[$0] }
        XCTAssertGreaterThan(grouped.count, 10)
        let sentences = try exampleAndSampleSentences(set, root: root)
        var total = 0, ruledOut = 0
        for s in sentences {
            let with = matches(set, s, groups: true)
            XCTAssertEqual(with, matches(set, s, groups: false), String(decoding: s, as: UTF8.self))
            XCTAssertEqual(with, set.explain(sentence: s).matched, String(decoding: s, as: UTF8.self))
            total += with.count
            var w = SentenceWork()
            s.withUnsafeBufferPointer { set.prepare($0, &w) }
            w.vm.useGroups = false
            set.collectCandidates(&w)
            let without = w.candidateCount
            w.vm.useGroups = true
            set.collectCandidates(&w)
            XCTAssertLessThanOrEqual(w.candidateCount, without)
            ruledOut += without - w.candidateCount
        }
        XCTAssertGreaterThan(total, 500)
        XCTAssertGreaterThan(ruledOut, 100)
    }
}
