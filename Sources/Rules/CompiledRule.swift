/// One rule after loading: its metadata, compiled pattern and vetoes, trigger and examples.
struct CompiledRule: Sendable {
    var id: String
    var tag: Tag
    var description: String
    /// Rule file relative to the rules directory; line and column of the rule's mapping.
    var file: String
    var line: Int
    var column: Int
    var priority: Int
    /// Position in load order (files sorted by path, rules in file order): the last tie-break.
    var order: Int
    var normalizeFigure: Bool
    var program: Program
    /// Its vetoes: `unless` first (over the whole sentence), then `unless-in-match` (each
    /// match on its own), from `inMatchFrom` on.
    var unless: [Program]
    var inMatchFrom: Int
    /// Token ids of which every match contains one; nil: runs on every sentence.
    var trigger: [Int32]?
    var examples: [RuleExample]

    /// Its pattern or a veto tests tags or lemmas.
    var needsTags: Bool { program.usesTags || unless.contains { $0.usesTags } }
    var needsLemmas: Bool { program.usesLemmas || unless.contains { $0.usesLemmas } }
}

/// A sentence embedded in a rule to show, and test, what it must or must not match.
public struct RuleExample: Sendable {
    public var text: String
    public var shouldMatch: Bool
    /// Expected captured text by capture name, in the order written.
    public var captures: [(name: String, text: String)]
    public var file: String
    public var line: Int
}

/// Counters for one or more `matches(in:stats:)` calls; `rulesRun` proves the index works.
public struct MatchStats: Sendable, Equatable {
    public var sentences = 0
    public var tokens = 0
    /// Rules whose pattern was executed (triggered or always-run).
    public var rulesRun = 0
    /// Rules with at least one match that no `unless` vetoed.
    public var rulesMatched = 0
    /// Their matches, all of them (a rule can match several times), before the conflict policy.
    public var matched = 0
    /// Sentences tagged because a candidate rule tests tags or lemmas.
    public var sentencesTagged = 0
    /// Tokens of those sentences given tags: the ones a tag test reached.
    public var tokensTagged = 0

    public init() {}
}
