/// Reusable working memory for `RuleSet.matches(in:context:)`. Make one per worker (or per
/// document) and pass it to every call: matching a sentence then allocates nothing but its
/// results. Not thread-safe: one context per thread, never shared.
public final class MatchContext {
    private var work = SentenceWork()

    public init() {}

    /// The last sentence matched: its length in tokens, and the windows it was matched in
    /// (more than one when it is longer than `RuleSet.maxSentenceTokens`).
    public var lastSentenceTokens: Int { work.sentenceTokens }
    public var lastSentenceWindows: Int { work.windows }

    func withWork<R>(_ body: (inout SentenceWork) -> R) -> R { body(&work) }
}

/// Per-sentence working memory: tokens, candidate rules, hits and the matcher VM. A struct
/// threaded through `inout`, so the hot loops access plain locals (stored properties of a
/// class would need a dynamic exclusivity check on every access).
struct SentenceWork {
    var tokens: [Token] = []
    var tokenizer = Tokenizer.Scratch()
    /// The sentence's candidate rules are the first `candidateCount`; one slot per rule.
    var candidates: [Int32] = []
    var candidateCount = 0
    /// The OR of the `StartIndex` rows of the sentence's tokens and classes.
    var sentenceBits: [UInt64] = []
    /// Per token: the indexed rules (`StartIndex`) whose entry filter accepts it.
    var startMasks: [UInt64] = []
    /// Per requirement bit (`StartIndex`): the last token whose id meets it (-1: none).
    var reqLast: [Int32] = []
    /// Per class bit of some requirement: the last token with it (valid for bits in `present`).
    var classLast = [Int32](repeating: -1, count: 32)
    /// The classes of the sentence's tokens, together.
    var present: UInt32 = 0
    var hits: [RuleHit] = []
    /// Per `StartIndex` bit: the positions where that rule can start in this sentence.
    var starts = StartLists()
    var vetoMemo = VetoMemo()
    var vm = MatchVM()
    var sentenceTokens = 0
    var windows = 1
    /// The tagger's working memory, used when a candidate rule tests tags or lemmas.
    var tagger = TagScratch()
    /// This thread's copy of the rule set's strings (`RuleSet.names`), and the table it copies.
    var names = RuleNames()
    var namesSource: RuleNames.Source?
    /// The same, token by token, for `matches`.
    let lazyTags = LazyTags()
}

/// The strings a match takes from its rule, per rule index: id, file and capture names, and
/// the unit registry the figure normaliser reads. Swift counts references to a string's or
/// an array's storage atomically, so two threads copying the same strings into their matches
/// write the same cache lines: each batch worker copies these once (`copy`), and its matches
/// then share only its own. A rule set's table is named by its
/// `Source` (`RuleSet.namesSource`), which copies do not hold: retaining it would again be a
/// count both threads write.
struct RuleNames: Sendable {
    final class Source: Sendable {}
    /// The tables in one object, so passing or copying a `RuleNames` (each match did, some
    /// three times) retains one reference rather than every array of it and of the registry.
    private final class Storage: Sendable {
        let ids: [String], files: [String], captures: [[String]], units: UnitRegistry
        init(_ ids: [String], _ files: [String], _ captures: [[String]], _ units: UnitRegistry) {
            (self.ids, self.files, self.captures, self.units) = (ids, files, captures, units)
        }
        static let empty = Storage([], [], [], .empty)
    }
    private let storage: Storage
    var ids: [String] { storage.ids }
    var files: [String] { storage.files }
    var captures: [[String]] { storage.captures }
    var units: UnitRegistry { storage.units }

    init() { storage = .empty }

    init(ids: [String], files: [String], captures: [[String]], units: UnitRegistry) {
        storage = Storage(ids, files, captures, units)
    }

    /// The same strings and registry in new storage.
    func copy() -> RuleNames {
        func fresh(_ s: String) -> String { String(decoding: Array(s.utf8), as: UTF8.self) }
        return RuleNames(ids: ids.map(fresh), files: files.map(fresh), captures: captures.map { $0.map(fresh) },
                         units: units.copied())
    }
}

/// A rule's best match on a sentence before the conflict policy, in token indices.
struct RuleHit {
    var rule: Int
    var tokens: Range<Int>
    var slots: [Int32]
}

/// A match an `unless` or `unless-in-match` vetoed, with the veto's number in the rule.
struct VetoedHit {
    var hit: RuleHit
    var unless: Int
}

/// Per sentence, the result of each distinct `unless` pattern once computed (`RuleSet.unlessIDs`).
struct VetoMemo {
    /// Per unless id: the sentence number it was computed in, and the result.
    private var stamp: [UInt32] = []
    private var matched: [Bool] = []
    private var now: UInt32 = 0

    mutating func newSentence(_ count: Int) {
        if stamp.count < count { stamp = Array(repeating: 0, count: count); matched = Array(repeating: false, count: count); now = 0 }
        if now == UInt32.max { for k in stamp.indices { stamp[k] = 0 }; now = 0 }
        now += 1
    }

    @inline(__always)
    mutating func result(_ id: Int, _ compute: () -> Bool) -> Bool {
        if stamp[id] != now { stamp[id] = now; matched[id] = compute() }
        return matched[id]
    }
}

/// Where a sentence meets each requirement, after `RuleSet.collectCandidates`, for
/// `RuleSet.lastStart`: by requirement bit, the last token whose id meets it (-1: none); by
/// class bit, the last token with the class (valid for the bits of `present`).
struct RequirementsMet {
    let reqLast: UnsafePointer<Int32>
    let classLast: UnsafePointer<Int32>
    let present: UInt32
}
