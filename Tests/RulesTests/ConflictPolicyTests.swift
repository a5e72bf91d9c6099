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

    func testEachRuleYieldsItsLeftmostLongestMatchOnly() throws {
        let set = try singleRule("China (rejects|rejects it)?")
        let s = "China rejects it and China agrees"
        let ms = set.matches(s)
        XCTAssertEqual(ms.count, 1)
        XCTAssertEqual(text(s, ms[0].range), "China rejects it")
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
