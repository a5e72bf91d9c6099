import Foundation
import XCTest
@testable import Rules

final class ConflictPolicyTests: XCTestCase {
    /// Rules a..f over the sentence "Russia strongly supports the plan and China rejects it".
    let yaml = """
        rules:
          - {id: short, tag: position, description: d, pattern: 'Russia strongly'}
          - {id: long, tag: position, description: d, pattern: 'Russia strongly ~support'}
          - {id: low, tag: position, description: d, pattern: 'China ~reject'}
          - {id: high, tag: position, description: d, priority: 5, pattern: '~reject it'}
          - {id: first, tag: claim, description: d, pattern: 'the plan'}
          - {id: second, tag: claim, description: d, pattern: 'the plan'}
          - {id: fig, tag: figure, description: d, pattern: 'strongly'}
          - {id: apart, tag: position, description: d, pattern: 'the plan'}
        """
    let sentence = "Russia strongly supports the plan and China rejects it"

    func testPolicy() throws {
        let set = try makeRuleSet(yaml)
        let ms = set.matches(sentence)
        // Sorted by tag order (claim, position, figure), then start, end, rule order.
        XCTAssertEqual(ms.map(\.ruleID), ["first", "long", "apart", "high", "fig"])
        // longer span beats shorter (long over short); equal span: priority (high over low);
        // equal span and priority: file order (first over second); other tags are independent (fig).
        XCTAssertEqual(ms.map { text(sentence, $0.range) },
                       ["the plan", "Russia strongly supports", "the plan", "rejects it", "strongly"])
        XCTAssertEqual(ms.first { $0.ruleID == "long" }?.line, 3)
        XCTAssertEqual(ms.first?.file, "rules.yaml")
    }

    /// The policy ranks a match with its context before `>>`: "that China must act" (4 tokens,
    /// reported as 3) beats the earlier rule's 3-token "must act now", which it overlaps.
    func testContextBeforeMatchStartCountsForTheRankingNotTheReport() throws {
        let set = try makeRuleSet("""
            rules:
              - {id: plain, tag: recommendation, description: d, pattern: 'must act now'}
              - {id: context, tag: recommendation, description: d, pattern: 'that >> China must act'}
            """)
        let s = "We said that China must act now."
        let ms = set.matches(s)
        XCTAssertEqual(ms.map(\.ruleID), ["context"])
        XCTAssertEqual(ms.map { text(s, $0.range) }, ["China must act"])
    }

    func testEachRuleYieldsEveryNonOverlappingMatchLeftToRight() throws {
        // pattern, sentence, the rule's matches in order.
        let cases: [(String, String, [String])] = [
            ("China (rejects|rejects it)?", "China rejects it and China agrees", ["China rejects it", "China"]),
            ("%num %percent", "up 47 percent in 2023, 45 percent of trade and 3% of GDP",
             ["47 percent", "45 percent", "3%"]),
            // leftmost-longest first, then the search resumes at its end: "a a" twice, not "a" four times
            ("a a?", "a a a a", ["a a", "a a"]),
            ("a a?", "a a a", ["a a", "a"]),
            // matches never overlap: the second "b c" would share "b" with "a b"
            ("a b | b c", "a b c", ["a b"]),
            // a bounded gap stays inside one match; the next one starts after it
            ("China ..2 ~agree", "China agreed and China later agreed", ["China agreed", "China later agreed"]),
            // zero-length matches never count: an all-optional pattern yields only non-empty matches
            ("the?", "the cat and the dog", ["the", "the"]),
            ("%num*", "up 5 then 6 7", ["5", "6 7"]),
            ("(the? | ^)", "no article here", []),
            // ^ matches once at most; $ likewise
            ("^ %word", "one two three", ["one"]),
            ("%word $", "one two three", ["three"]),
        ]
        for (pattern, s, expected) in cases {
            let set = try singleRule(pattern)
            XCTAssertEqual(set.matches(s).map { text(s, $0.range) }, expected, "\(pattern) on \(s)")
        }
    }

    func testManyMatchesMeetTheOverlapPolicy() throws {
        let set = try makeRuleSet("""
            rules:
              - {id: pct, tag: figure, description: d, pattern: '%num %percent'}
              - {id: compared, tag: figure, description: d, pattern: 'up %num %percent compared'}
              - {id: year, tag: figure, description: d, pattern: '%year'}
              - {id: any, tag: claim, description: d, pattern: '%percent'}
            """)
        let s = "up 47 percent compared to 2022, or 45 percent, and 3 % in 2023"
        let ms = set.matches(s)
        // The longer `compared` match beats pct's first match only; pct's other matches stay.
        // Hits of different tags never compete: claim keeps all three `%percent` matches.
        XCTAssertEqual(ms.map { "\($0.ruleID):\(text(s, $0.range))" }, [
            "any:percent", "any:percent", "any:%",
            "compared:up 47 percent compared", "year:2022", "pct:45 percent", "pct:3 %", "year:2023",
        ])
        let e = set.explain(sentence: Array(s.utf8))
        XCTAssertEqual(e.suppressed.map { "\($0.match.ruleID):\(text(s, $0.match.range))>\($0.by)" },
                       ["pct:47 percent>compared"])
    }

    func testEqualSpansOfTwoRulesKeepEachMatchOfTheFirst() throws {
        let set = try makeRuleSet("""
            rules:
              - {id: low, tag: position, description: d, pattern: 'China ~agree'}
              - {id: high, tag: position, description: d, priority: 2, pattern: '(China|Russia) ~agree'}
            """)
        let s = "China agreed, Russia agreed and China agrees"
        // Same spans everywhere: priority gives all three to `high`; none is left to `low`.
        XCTAssertEqual(set.matches(s).map { "\($0.ruleID):\(text(s, $0.range))" },
                       ["high:China agreed", "high:Russia agreed", "high:China agrees"])
        var stats = MatchStats()
        _ = Array(s.utf8).withUnsafeBufferPointer { set.matches(in: $0, stats: &stats) }
        XCTAssertEqual(stats.rulesRun, 2)
        XCTAssertEqual(stats.rulesMatched, 2)
        XCTAssertEqual(stats.matched, 5)
    }

    func testUnlessVetoesAnywhereInTheSentence() throws {
        let set = try makeRuleSet("""
            rules:
              - id: rec
                tag: recommendation
                description: d
                pattern: should ~strive
                unless: ['^ should', 'if']
            """)
        XCTAssertEqual(set.matches("The West should strive to deter China").count, 1)
        XCTAssertEqual(set.matches("Should the West strive, it should strive hard").count, 0)
        XCTAssertEqual(set.matches("It should strive, if it can").count, 0)
        // A veto drops every match of the rule, wherever it is.
        XCTAssertEqual(set.matches("We should strive and should strive").count, 2)
        XCTAssertEqual(set.matches("We should strive and should strive if we can").count, 0)
    }

    func testUnlessInMatchVetoesOnlyTheMatchItStartsIn() throws {
        let set = try makeRuleSet("""
            rules:
              - id: pos
                tag: position
                description: d
                pattern: '(China | Russia | Durham) ~want'
                unless-in-match: ['Durham']
                unless: ['"?" $']
            """)
        // The veto matches outside this match: the match stays (`unless` would drop it).
        XCTAssertEqual(set.matches("China wants a deal, and Durham reports on it").map(\.ruleID), ["pos"])
        // It drops the match it starts in, and only that one.
        XCTAssertEqual(set.matches("Durham wants a deal").count, 0)
        let s = "Durham wants a deal and China wants peace"
        XCTAssertEqual(set.matches(s).map { text(s, $0.range) }, ["China wants"])
        // Whole-sentence vetoes still apply to every match.
        XCTAssertEqual(set.matches("Does China want a deal?").count, 0)
    }

    /// A veto whose anchor (its rarest token) comes after the match: the anchor moves the
    /// first start past the last one allowed, which must not be tried (it was, and vetoed
    /// "We must act" for "..., which is essential").
    func testUnlessInMatchIgnoresAVetoAnchoredAfterTheMatch() throws {
        // The repository's adverbs: with them the compiler anchors the veto on "essential".
        let adverbs = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("rules/lexicons/adverbs.txt"), encoding: .utf8)
        let set = try makeRuleSet("""
            rules:
              - id: rec
                tag: recommendation
                description: d
                pattern: 'we must act'
                unless-in-match: 'which is (@adverbs)? essential'
            """, lexicons: ["adverbs": adverbs])
        XCTAssertEqual(set.matches("We must act on trust, which is essential.").count, 1)
        XCTAssertEqual(set.matches("We must act, which is fully essential.").count, 1)
        XCTAssertEqual(set.matches("We must act which is essential.").count, 1)
    }

    func testUnlessInMatchIsReportedByExplainAndTest() throws {
        let set = try makeRuleSet("""
            rules:
              - id: pos
                tag: position
                description: d
                pattern: '(China | Durham) ~want'
                unless-in-match: 'Durham'
                examples:
                  match:
                    - China wants a deal, and Durham reports on it.
                  no-match:
                    - Durham wants a deal.
            """)
        let e = set.explain(sentence: Array("Durham wants a deal and China wants peace".utf8))
        XCTAssertEqual(e.matched.map(\.ruleID), ["pos"])
        XCTAssertEqual(e.vetoed.map(\.unless), ["Durham"])
        XCTAssertEqual(e.vetoed.map(\.inMatch), [true])
        XCTAssertTrue(e.render().contains("unless-in-match: Durham"), e.render())
        let report = set.runExamples()
        XCTAssertEqual(report.exampleCount, 2)
        XCTAssertEqual(report.failures, [])
    }

    func testOrderDoesNotDependOnRuleFileNames() throws {
        let a = "rules:\n  - {id: a, tag: claim, description: d, pattern: 'x'}\n"
        let b = "rules:\n  - {id: b, tag: claim, description: d, pattern: 'x'}\n"
        let s1 = try RuleSet.load(files: [("b.yaml", Data(b.utf8)), ("a.yaml", Data(a.utf8))])
        let s2 = try RuleSet.load(files: [("a.yaml", Data(a.utf8)), ("b.yaml", Data(b.utf8))])
        XCTAssertEqual(s1.matches("x").map(\.ruleID), ["a"])
        XCTAssertEqual(s1.matches("x"), s2.matches("x"))
        XCTAssertEqual(s1.sha256, s2.sha256)
        XCTAssertEqual(s1.sha256.count, 64)
    }
}
