import ArgumentParser
import Foundation
import Rules

struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rule's embedded examples (match: / no-match:).",
        discussion: """
            Failing examples are named file:line. Exit 1 when any fails, 2 when the rules do not load.
            Examples:
              claimex test
              claimex test --rules my-rules/
            """)

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let rules = try RuleLoading.load(ruleOptions.rules, examples: true)
        let report = rules.runExamples()
        print(report.render(), terminator: report.render().hasSuffix("\n") ? "" : "\n")
        if report.failed { throw Status.inputsFailed }
    }
}
