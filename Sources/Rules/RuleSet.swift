/// A compiled set of rules. (Placeholder until the rule-engine issue: no rules, no matches.)
public struct RuleSet: Sendable {
    /// sha256 over the rule and lexicon files, so an output names the rules that made it.
    public var sha256: String
    public var ruleCount: Int { 0 }

    public static let empty = RuleSet(sha256: "")

    public init(sha256: String) { self.sha256 = sha256 }

    /// Matches of every rule on one sentence's UTF-8 bytes, after the conflict policy,
    /// sorted by (tag, start, end, rule file order).
    public func matches(in sentence: UnsafeBufferPointer<UInt8>) -> [Match] { [] }
}

extension RuleSet {
    public static func load(directory: String) throws -> RuleSet { .empty }
}
