/// What a rule is, without its compiled pattern: for listings (`claimex rules`).
public struct RuleInfo: Sendable, Equatable {
    public var id: String
    public var tag: Tag
    public var file: String
    public var line: Int
    public var description: String
    public var examples: Int
    /// False when the rule has no trigger and runs on every sentence.
    public var indexed: Bool
}

extension RuleSet {
    /// Rules in load order (files sorted by path, rules in file order).
    public var ruleInfos: [RuleInfo] {
        rules.map {
            RuleInfo(id: $0.id, tag: $0.tag, file: $0.file, line: $0.line, description: $0.description,
                     examples: $0.examples.count, indexed: $0.trigger != nil)
        }
    }
}
