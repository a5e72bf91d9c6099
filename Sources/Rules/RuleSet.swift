/// A compiled set of rules: load it once with `RuleSet.load(directory:)`, then call
/// `matches(in:)` per sentence. Only rules whose trigger words occur in a sentence run.
public struct RuleSet: Sendable {
    /// sha256 over the rule and lexicon files, so an output names the rules that made it.
    public var sha256: String
    public var ruleCount: Int { rules.count }
    /// Load-time warnings (rules that run on every sentence), for `claimex test`.
    public var warnings: [RuleDiagnostic] = []

    var rules: [CompiledRule] = []
    var vocab = Vocabulary()
    var lexicons: [Lexicon] = []
    /// Trigger index in compressed rows: rules triggered by vocabulary id `v` are
    /// `triggerRules[triggerOffsets[v]..<triggerOffsets[v+1]]`, ascending.
    var triggerOffsets: [Int32] = [0]
    var triggerRules: [Int32] = []
    /// Rules triggered by a token class, by class bit, ascending.
    var classRules: [[Int32]] = Array(repeating: [], count: 32)
    /// Rules without a trigger, run on every sentence.
    var alwaysRules: [Int32] = []

    public static let empty = RuleSet(sha256: "")

    public init(sha256: String) { self.sha256 = sha256 }

    /// Ids of the rules that run on every sentence because they have no trigger.
    public var alwaysRunRuleIDs: [String] { alwaysRules.map { rules[Int($0)].id } }

    /// Matches of every rule on one sentence's UTF-8 bytes, after the conflict policy,
    /// sorted by (tag, start, end, rule file order).
    public func matches(in sentence: UnsafeBufferPointer<UInt8>) -> [Match] {
        var stats = MatchStats()
        return matches(in: sentence, stats: &stats)
    }

    public func matches(in sentence: UnsafeBufferPointer<UInt8>, stats: inout MatchStats) -> [Match] {
        let ctx = SentenceContext()
        prepare(sentence, ctx)
        stats.sentences += 1
        stats.tokens += ctx.tokens.count
        var hits: [RuleHit] = []
        for r in candidates(ctx) {
            stats.rulesRun += 1
            if case .matched(let hit) = evaluate(Int(r), ctx, sentence) { hits.append(hit) }
        }
        stats.matched += hits.count
        return resolve(hits, ctx, sentence).kept
    }

    // MARK: - Steps shared by matching, examples and explain

    /// Tokenises the sentence and looks every token up in the vocabulary.
    func prepare(_ sentence: UnsafeBufferPointer<UInt8>, _ ctx: SentenceContext) {
        Tokenizer.tokenize(sentence, into: &ctx.tokens, norm: &ctx.norm, normRanges: &ctx.normRanges)
        for k in ctx.tokens.indices {
            ctx.tokens[k].id = vocab.lookup(ctx.tokens[k].hash, ctx.norm[ctx.normRanges[k]])
        }
    }

    /// Rules to run on this sentence, in rule order: the always-run rules plus every rule
    /// indexed under a word or a token class of the sentence.
    func candidates(_ ctx: SentenceContext) -> [Int32] {
        if ctx.ruleStamp.count < rules.count { ctx.ruleStamp = Array(repeating: false, count: rules.count) }
        var out = alwaysRules
        for r in alwaysRules { ctx.ruleStamp[Int(r)] = true }
        for t in ctx.tokens where t.id >= 0 && Int(t.id) + 1 < triggerOffsets.count {
            for k in Int(triggerOffsets[Int(t.id)])..<Int(triggerOffsets[Int(t.id) + 1]) {
                let r = triggerRules[k]
                if !ctx.ruleStamp[Int(r)] { ctx.ruleStamp[Int(r)] = true; out.append(r) }
            }
        }
        var present: UInt32 = 0
        for t in ctx.tokens { present |= t.classes.rawValue }
        var bits = present
        while bits != 0 {
            let bit = bits.trailingZeroBitCount
            bits &= bits - 1
            for r in classRules[bit] where !ctx.ruleStamp[Int(r)] { ctx.ruleStamp[Int(r)] = true; out.append(r) }
        }
        for r in out { ctx.ruleStamp[Int(r)] = false }
        out.sort()
        return out
    }

    enum Outcome {
        case matched(RuleHit)
        case vetoed(RuleHit, unless: Int)
        /// No match; the furthest token reached and the instruction that failed there.
        case noMatch(failPos: Int, failInst: Int)
    }

    /// One rule on one prepared sentence: its best match, then its `unless` vetoes.
    func evaluate(_ r: Int, _ ctx: SentenceContext, _ sentence: UnsafeBufferPointer<UInt8>) -> Outcome {
        let rule = rules[r]
        return ctx.tokens.withUnsafeBufferPointer { tokens in
            guard let found = ctx.scratch.run(rule.program, lexicons: lexicons, tokens: tokens, sentence: sentence) else {
                return .noMatch(failPos: ctx.scratch.failPos, failInst: ctx.scratch.failInst)
            }
            let hit = RuleHit(rule: r, tokens: found.start..<found.end, slots: ctx.scratch.bestSlots)
            for (k, veto) in rule.unless.enumerated()
            where ctx.scratch.run(veto, lexicons: lexicons, tokens: tokens, sentence: sentence) != nil {
                return .vetoed(hit, unless: k)
            }
            return .matched(hit)
        }
    }

    /// The conflict policy: per tag, matches that overlap are resolved by longer span, then
    /// higher priority, then rule order; survivors are sorted by (tag, start, end, rule order).
    func resolve(_ hits: [RuleHit], _ ctx: SentenceContext, _ sentence: UnsafeBufferPointer<UInt8>)
        -> (kept: [Match], suppressed: [(hit: RuleHit, by: Int)]) {
        let ranked = hits.sorted { a, b in
            let ra = rules[a.rule], rb = rules[b.rule]
            if ra.tag != rb.tag { return ra.tag < rb.tag }
            if a.tokens.count != b.tokens.count { return a.tokens.count > b.tokens.count }
            if ra.priority != rb.priority { return ra.priority > rb.priority }
            return ra.order < rb.order
        }
        var kept: [RuleHit] = []
        var suppressed: [(hit: RuleHit, by: Int)] = []
        for h in ranked {
            if let winner = kept.first(where: { rules[$0.rule].tag == rules[h.rule].tag && $0.tokens.overlaps(h.tokens) }) {
                suppressed.append((h, winner.rule))
            } else {
                kept.append(h)
            }
        }
        kept.sort { a, b in
            let ra = rules[a.rule], rb = rules[b.rule]
            if ra.tag != rb.tag { return ra.tag < rb.tag }
            if a.tokens.lowerBound != b.tokens.lowerBound { return a.tokens.lowerBound < b.tokens.lowerBound }
            if a.tokens.upperBound != b.tokens.upperBound { return a.tokens.upperBound < b.tokens.upperBound }
            return ra.order < rb.order
        }
        return (kept.map { makeMatch($0, ctx, sentence) }, suppressed)
    }

    func makeMatch(_ hit: RuleHit, _ ctx: SentenceContext, _ sentence: UnsafeBufferPointer<UInt8>) -> Match {
        let rule = rules[hit.rule]
        let range = byteRange(hit.tokens, ctx)
        let captures = self.captures(hit, ctx)
        let fields = rule.normalizeFigure
            ? FigureNormalizer.fields(sentence: sentence, match: range, captures: captures) : []
        return Match(tag: rule.tag, ruleID: rule.id, file: rule.file, line: rule.line,
                     range: range, captures: captures, fields: fields)
    }

    func captures(_ hit: RuleHit, _ ctx: SentenceContext) -> [Capture] {
        let names = rules[hit.rule].program.captureNames
        var out: [Capture] = []
        for (k, name) in names.enumerated() {
            let s = Int(hit.slots[2 * k]), e = Int(hit.slots[2 * k + 1])
            if s >= 0, e > s { out.append(Capture(name: name, range: byteRange(s..<e, ctx))) }
        }
        return out
    }

    func byteRange(_ tokens: Range<Int>, _ ctx: SentenceContext) -> Range<Int> {
        Int(ctx.tokens[tokens.lowerBound].start)..<Int(ctx.tokens[tokens.upperBound - 1].end)
    }
}

/// A rule's best match on a sentence before the conflict policy, in token indices.
struct RuleHit {
    var rule: Int
    var tokens: Range<Int>
    var slots: [Int32]
}

/// Per-call working memory, reused across the rules run on one sentence.
final class SentenceContext {
    var tokens: [Token] = []
    var norm: [UInt8] = []
    var normRanges: [Range<Int>] = []
    var ruleStamp: [Bool] = []
    let scratch = MatchScratch()

    init() {
        tokens.reserveCapacity(64)
        norm.reserveCapacity(512)
        normRanges.reserveCapacity(64)
    }
}

