/// Reusable working memory for `RuleSet.matches(in:context:)`. Make one per worker (or per
/// document) and pass it to every call: matching a sentence then allocates nothing but its
/// results. Not thread-safe: one context per thread, never shared.
public final class MatchContext {
    var work = SentenceWork()

    public init() {}
}

/// Per-sentence working memory: tokens, candidate rules, hits and the matcher VM. A struct
/// threaded through `inout`, so the hot loops access plain locals (stored properties of a
/// class would need a dynamic exclusivity check on every access).
struct SentenceWork {
    var tokens: [Token] = []
    var norm: [UInt8] = []
    var normRanges: [Range<Int>] = []
    /// Per rule: already a candidate for this sentence. Cleared after each sentence.
    var ruleStamp: [Bool] = []
    var candidates: [Int32] = []
    /// Per requirement: the sentence number in which a token met it last.
    var reqSeen: [UInt32] = []
    var sentenceNumber: UInt32 = 0
    var hits: [RuleHit] = []
    var vm = MatchVM()
}

/// A rule's best match on a sentence before the conflict policy, in token indices.
struct RuleHit {
    var rule: Int
    var tokens: Range<Int>
    var slots: [Int32]
}
