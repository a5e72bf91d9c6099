import ArgumentParser
import Foundation
import Rules

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules of a rule set: id, tag, file:line, examples, description.",
        discussion: """
            Examples:
              claimex rules
              claimex rules --count
            """)

    @OptionGroup var ruleOptions: RuleOptions

    @Flag(help: "Print only the number of rules and the rule set's sha256.")
    var count = false

    @Option(help: .hidden)
    var synthetic: Int?

    func run() throws {
        // For scripts/bench.py: N generated rules that rarely match, as YAML.
        if let synthetic {
            print(Rules.RuleSet.synthetic(rules: synthetic, seed: 1), terminator: "")
            return
        }
        let set = try RuleLoading.load(ruleOptions.rules, examples: true)
        if count {
            print("\(set.ruleCount) rules \(set.sha256)")
            return
        }
        for r in set.ruleInfos {
            let where_ = "\(r.file):\(r.line)"
            let flags = (r.examples == 0 ? " [no examples]" : "") + (r.indexed ? "" : " [runs on every sentence]")
            print("\(r.id.padding(toLength: 34, withPad: " ", startingAt: 0)) \(r.tag.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0)) \(where_.padding(toLength: 26, withPad: " ", startingAt: 0)) \(r.description)\(flags)")
        }
        print("\(set.ruleCount) rules, sha256 \(set.sha256)")
    }
}
