import XCTest
@testable import Rules

final class ExampleRunnerTests: XCTestCase {
    func testFixtureExamplesPass() throws {
        let set = try RuleSet.load(directory: fixtures.appendingPathComponent("basic").path)
        XCTAssertEqual(set.ruleCount, 3)
        let report = set.runExamples()
        XCTAssertFalse(report.failed, report.render())
        XCTAssertEqual(report.exampleCount, 9)
        // figure.money is triggered by its required classes (%currency, %code or %num).
        XCTAssertEqual(set.alwaysRunRuleIDs, [])
        XCTAssertTrue(report.warnings.isEmpty, report.render())
        XCTAssertTrue(report.render().contains("ok          position.declare"), report.render())
    }

    func testFailuresNameFileAndLine() throws {
        let set = try makeRuleSet("""
            rules:
              - id: declare
                tag: position
                description: d
                pattern: '{actor: Russia|China} ~declare'
                examples:
                  match:
                    - Russia declared it.
                    - Russia said it.
                    - text: China declared it.
                      captures: {actor: Russia}
                  no-match:
                    - China declared it.
              - id: bare
                tag: claim
                description: no examples
                pattern: indicates
            """)
        let report = set.runExamples()
        XCTAssertTrue(report.failed)
        let failures = report.failures.map { "\($0.location): \($0.message)" }
        XCTAssertEqual(failures, [
            "rules.yaml:9: expected a match, got none (stopped at element 2 `~declare` on \"said\")",
            "rules.yaml:10: capture 'actor' expected \"Russia\", got \"China\"",
            "rules.yaml:13: expected no match, but matched \"China declared\"",
        ])
        XCTAssertTrue(report.warnings.contains { $0.message == "rule 'bare' has no examples" })
        XCTAssertTrue(report.render().hasSuffix("2 rules, 4 examples: 1 passed, 3 failed -- FAIL\n"), report.render())
    }

    func testExampleCapturesMayDescribeAnyMatchOfTheRule() throws {
        let set = try makeRuleSet("""
            rules:
              - id: pct
                tag: figure
                description: d
                pattern: '{value: %num} %percent'
                examples:
                  match:
                    - text: up 47 percent, or 45 percent of trade
                      captures: {value: "47"}
                    - text: up 47 percent, or 45 percent of trade
                      captures: {value: "45"}
                    - text: up 47 percent, or 45 percent of trade
                      captures: {value: "46"}
                    - text: up 47 percent only
                      captures: {value: "46"}
                  no-match:
                    - 5 percent and 6 percent
            """)
        let report = set.runExamples()
        XCTAssertEqual(report.failures.map { "\($0.location): \($0.message)" }, [
            "rules.yaml:12: capture 'value' expected \"46\", got \"47\" (first of 2 matches; none gives every expected capture)",
            "rules.yaml:14: capture 'value' expected \"46\", got \"47\"",
            "rules.yaml:17: expected no match, but matched \"5 percent\" (and 1 more)",
        ])
    }
}
