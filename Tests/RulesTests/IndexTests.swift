import Foundation
import XCTest
@testable import Rules

final class IndexTests: XCTestCase {
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
        _ = Array("this suggests".utf8).withUnsafeBufferPointer { set.matches(in: $0, stats: &stats) }
        XCTAssertEqual(stats.rulesRun, 1)
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
