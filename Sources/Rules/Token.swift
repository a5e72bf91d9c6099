/// One token of a sentence: its byte range, its kind and classes, and the interned id of its
/// normalised (lowercase) form, so patterns compare integers, never strings.
public struct Token: Sendable, Equatable {
    /// Byte range relative to the sentence start.
    public var start: Int32
    public var end: Int32
    public var classes: TokenClasses
    /// Id of the lowercase form in the rule set's vocabulary; -1 when no rule mentions it.
    public var id: Int32
    /// `Tokenizer.hash` of the normalised form (lowercase, curly apostrophe as ').
    public var hash: UInt64
    /// Part of speech (indices into `TagSet.upos` / `TagSet.xpos`) and the vocabulary id of
    /// the lowercase lemma (-1: no rule mentions it), set only for sentences a rule testing
    /// them runs on (`RuleSet.tagTokens`); `untagged` until then, which no tag test accepts.
    public var upos: UInt8 = Token.untagged
    public var xpos: UInt8 = Token.untagged
    public var lemma: Int32 = -1

    public static let untagged: UInt8 = 63

    public var range: Range<Int> { Int(start)..<Int(end) }
}

/// Token classes as a bit set, tested in one AND by `%class` pattern elements.
public struct TokenClasses: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let word = TokenClasses(rawValue: 1 << 0)
    public static let num = TokenClasses(rawValue: 1 << 1)
    public static let spelled = TokenClasses(rawValue: 1 << 2)
    public static let percent = TokenClasses(rawValue: 1 << 3)
    public static let currency = TokenClasses(rawValue: 1 << 4)
    public static let code = TokenClasses(rawValue: 1 << 5)
    public static let scale = TokenClasses(rawValue: 1 << 6)
    public static let year = TokenClasses(rawValue: 1 << 7)
    public static let cap = TokenClasses(rawValue: 1 << 8)
    public static let punct = TokenClasses(rawValue: 1 << 9)
    public static let ordinal = TokenClasses(rawValue: 1 << 10)
    public static let hyphenated = TokenClasses(rawValue: 1 << 11)
    /// A number that can be a time of day: 0 to 24, or H.MM with H up to 24 and two minute
    /// digits under 60 ("6.30", "11"): "6.30 pm" is a time, "2.1 pm" a length.
    public static let clock = TokenClasses(rawValue: 1 << 12)

    /// Names used in patterns (`%num`) and in `explain`, in display order.
    public static let named: [(name: String, value: TokenClasses)] = [
        ("word", .word), ("num", .num), ("spelled", .spelled), ("percent", .percent),
        ("currency", .currency), ("code", .code), ("scale", .scale), ("year", .year),
        ("cap", .cap), ("punct", .punct), ("ordinal", .ordinal), ("hyphenated", .hyphenated),
        ("clock", .clock),
    ]

    public var names: [String] { Self.named.filter { contains($0.value) }.map(\.name) }
}
