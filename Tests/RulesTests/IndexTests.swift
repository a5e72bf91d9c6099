import Foundation
import XCTest
@testable import Rules

final class IndexTests: XCTestCase {
    /// `Vocabulary.intern` looks a form up among the common words only when it has five bytes
    /// or fewer.
    func testCommonWordsAreShort() {
        XCTAssertTrue(Vocabulary.commonWords.allSatisfy { $0.count <= 5 })
        var vocab = Vocabulary()
        let which = vocab.intern(Array("which".utf8)), whichever = vocab.intern(Array("whichever".utf8))
        XCTAssertTrue(vocab.isCommon(which))
        XCTAssertFalse(vocab.isCommon(whichever))
    }

    func testRulesWhoseTriggerIsAbsentNeverRun() throws {
        let set = try makeRuleSet("""
            rules:
              - {id: declare, tag: position, description: d, pattern: '@actors ..2 ~declare'}
              - {id: crucial, tag: claim, description: d, pattern: 'is? (crucial|key) for'}
              - {id: money, tag: figure, description: d, pattern: '%currency %num'}
              - {id: should, tag: recommendation, description: d, pattern: 'the? (West|EU) should'}
              - {id: always, tag: claim, description: d, pattern: '^ %cap %cap'}
            """, lexicons: ["actors": "Russia\nthe two countries\n"])
        XCTAssertEqual(set.alwaysRunRuleIDs, ["always"])
        XCTAssertTrue(set.warnings.contains { $0.message.hasPrefix("rule 'always' has no trigger") })
        let cases: [(String, Int)] = [
            ("Nothing relevant here.", 1),             // only the always-run rule
            ("The two countries declared it.", 2),     // declare (via ~declare, not the common "the")
            ("Russia declared it.", 2),                // declare (its rarest required element)
            ("It is key for Europe.", 2),              // crucial
            ("The EU should act; Russia declared.", 3),
            ("It cost $5 only.", 2),                   // money, by its %currency class
            ("It cost 5 dollars.", 1),                 // %num alone does not trigger money
        ]
        for (s, expected) in cases {
            var stats = MatchStats()
            _ = Array(s.utf8).withUnsafeBufferPointer { set.matches(in: $0, stats: &stats) }
            XCTAssertEqual(stats.rulesRun, expected, s)
        }
    }

    func testTriggerPrefersRareWordsAndUnionsAlternatives() throws {
        let set = try makeRuleSet("""
            rules:
              - {id: a, tag: claim, description: d, pattern: 'the (indicates|suggests)'}
              - {id: b, tag: claim, description: d, pattern: '(this|that)? signals'}
            """)
        var stats = MatchStats()
        _ = Array("the cat sat on the mat".utf8).withUnsafeBufferPointer { set.matches(in: $0, stats: &stats) }
        XCTAssertEqual(stats.rulesRun, 0)
        _ = Array("the rise suggests".utf8).withUnsafeBufferPointer { set.matches(in: $0, stats: &stats) }
        XCTAssertEqual(stats.rulesRun, 1)
    }

    func testRuleRunsOnlyWhenEveryRequiredElementOccurs() throws {
        let set = try makeRuleSet("""
            rules:
              - {id: declare, tag: position, description: d, pattern: '@actors ..2 ~declare'}
              - {id: warn, tag: claim, description: d, pattern: '(China | %currency) ..2 ~warn (it | %num)'}
              - {id: pct, tag: figure, description: d, pattern: '%num ..3 %percent'}
            """, lexicons: ["actors": "Russia\nthe two countries\n"])
        let cases: [(String, Int, Int)] = [
            ("Russia declared it.", 1, 1),
            ("Russia said it.", 0, 0),                  // no form of ~declare
            ("They declared it.", 0, 0),                // no actor
            ("The two declared it.", 0, 0),             // an entry's first word is not enough
            ("The two countries declared it.", 1, 1),
            ("China warned.", 0, 0),                    // neither 'it' nor a number
            ("$5 warned it.", 1, 1),                    // %currency stands for the China branch
            ("China warned 5 times.", 1, 1),
            ("It rose 5 points.", 0, 0),                // %num without %percent
            ("It rose 5 %.", 1, 1),
        ]
        for (s, run, matched) in cases {
            var stats = MatchStats()
            _ = Array(s.utf8).withUnsafeBufferPointer { set.matches(in: $0, stats: &stats) }
            XCTAssertEqual(stats.rulesRun, run, s)
            XCTAssertEqual(stats.matched, matched, s)
        }
    }

    func testSyntheticRulesLoadAndScaleIndex() throws {
        let set = try RuleSet.load(files: [("s.yaml", Data(RuleSet.synthetic(rules: 200, seed: 7).utf8))])
        XCTAssertEqual(set.ruleCount, 200)
        var stats = MatchStats()
        _ = Array("China and Russia increased trade by 30% to $190 billion.".utf8)
            .withUnsafeBufferPointer { set.matches(in: $0, stats: &stats) }
        XCTAssertLessThan(stats.rulesRun, 20)
        XCTAssertEqual(RuleSet.synthetic(rules: 5, seed: 1), RuleSet.synthetic(rules: 5, seed: 1))
    }
}
