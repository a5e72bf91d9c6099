/// A compiled set of rules: load it once with `RuleSet.load(directory:)`, then call
/// `matches(in:)` per sentence. Only rules whose trigger words occur in a sentence run.
public struct RuleSet: Sendable {
    /// sha256 over the rule and lexicon files, so an output names the rules that made it.
    public var sha256: String
    public var ruleCount: Int { rules.count }
    /// Load-time warnings (rules that run on every sentence), for `claimex test`.
    public var warnings: [RuleDiagnostic] = []
    /// Whether the programs keep their instructions' elements and leaves, which `explain`
    /// and `runExamples` read (`RuleSet.load(directory:leaves:)`).
    public internal(set) var hasLeaves = true

    var rules: [CompiledRule] = []
    var vocab = Vocabulary()
    var lexicons: [Lexicon] = []
    /// The unit registry (`units.tsv`) the figure normaliser reads.
    public internal(set) var units = UnitRegistry.empty
    /// The lexicons' tries, flat, for the matcher.
    var tries = LexiconTries([])
    /// Rules without a trigger, run on every sentence (for `claimex test`'s warnings).
    var alwaysRules: [Int32] = []
    /// Per rule, flat for the conflict policy: the tag's rank in `Tag.allCases`, the priority;
    /// and for `makeMatch`, the slot of the pattern's `>>` (-1: none).
    var ruleTagRank: [UInt8] = []
    var rulePriority: [Int] = []
    var ruleMatchStart: [Int32] = []
    /// Per rule, its pattern's frozen code, unretained: `rules` holds it, and both are set
    /// together, in `RuleLoader.finish`. Reading `rules[r].program.code` retained and released
    /// the object on every rule run, and the batch workers share it: the two cores then
    /// fought over its reference count, a cache line written by both.
    var codeRefs: [Unmanaged<ProgramCode>] = []
    /// Per `unless` id (`unlessIDs`), its code, unretained as `codeRefs` and for the same
    /// reason: a veto shared by many rules ran on both workers' cores at once.
    var unlessCodeRefs: [Unmanaged<ProgramCode>] = []
    /// What a match copies from its rule (id, file, capture names) and the unit registry the
    /// figure normaliser copies: each worker makes its own copy of them (`SentenceWork.names`),
    /// so a match retains and releases storage no other thread touches (`RuleNames`).
    var names = RuleNames()
    var namesSource = RuleNames.Source()
    /// Per vocabulary id and class: the rules it triggers, the requirements it meets, where
    /// rules can start; read in one pass over a sentence's tokens.
    var startIndex = StartIndex()
    /// Per rule, per `unless`: an id shared by vetoes with the same pattern text, whose result
    /// on a sentence is then computed once (`"?" $` vetoes most rules).
    var unlessIDs: [[Int32]] = []
    var unlessCount = 0
    /// Per rule: its pattern or a veto tests tags or lemmas (`%NOUN`, `&defend`); and whether
    /// any rule does. A sentence is tagged only when one of its candidate rules needs it.
    var ruleNeedsTags: [Bool] = []
    var ruleNeedsLemmas: [Bool] = []
    var anyNeedsTags = false

    public static let empty = RuleSet(sha256: "")

    public init(sha256: String) { self.sha256 = sha256 }

    /// Ids of the rules that run on every sentence because they have no trigger.
    public var alwaysRunRuleIDs: [String] { alwaysRules.map { rules[Int($0)].id } }

    /// Matches of every rule on one sentence's UTF-8 bytes, after the conflict policy,
    /// sorted by (tag, start, end, rule file order). Allocates its working memory on every
    /// call: in a loop, keep a `MatchContext` and call `matches(in:context:)`.
    public func matches(in sentence: UnsafeBufferPointer<UInt8>) -> [Match] {
        var stats = MatchStats()
        return matches(in: sentence, context: MatchContext(), stats: &stats)
    }

    public func matches(in sentence: UnsafeBufferPointer<UInt8>, stats: inout MatchStats) -> [Match] {
        matches(in: sentence, context: MatchContext(), stats: &stats)
    }

    /// As `matches(in:)`, reusing the buffers of `context` (one per thread).
    public func matches(in sentence: UnsafeBufferPointer<UInt8>, context: MatchContext) -> [Match] {
        var stats = MatchStats()
        return matches(in: sentence, context: context, stats: &stats)
    }

    public func matches(in sentence: UnsafeBufferPointer<UInt8>, context: MatchContext,
                        stats: inout MatchStats) -> [Match] {
        // The buffers by reference, so every access below is static and nothing is copied
        // (moving them out and back retained and released each array once per sentence).
        context.withWork { w in matches(in: sentence, work: &w, stats: &stats) }
    }

    /// A sentence longer than this, in tokens, is matched in consecutive windows of at most
    /// this many tokens, each as a sentence of its own: no match spans two windows, and `^`
    /// and `$` hold at window edges. The matcher's memo is instructions × tokens per rule, and
    /// each call for a further match of a rule starts a new search, so one sentence of a
    /// million tokens (a text with no sentence ends) took 0.9 s and 585 MB per megabyte,
    /// growing faster than its length. The longest sentence of the bench corpus has 384 tokens.
    public static let maxSentenceTokens = 1000

    /// As `matches(in:)`, with every token tagged before any rule runs and no tag test
    /// guessed: the reference the guessing must agree with (`TagGuessTests`).
    func matchesTaggingFirst(in sentence: UnsafeBufferPointer<UInt8>) -> [Match] {
        var stats = MatchStats()
        return MatchContext().withWork { w in matches(in: sentence, work: &w, stats: &stats, tagFirst: true) }
    }

    private func matches(in sentence: UnsafeBufferPointer<UInt8>, work w: inout SentenceWork,
                         stats: inout MatchStats, whole: Bool = true, tagFirst: Bool = false) -> [Match] {
        if whole && sentence.count > Self.windowBytes { return windowed(sentence, &w, &stats) }
        prepare(sentence, &w)
        if tagFirst { tagTokens(sentence, &w.tokens, &w.tagger) }
        if whole { w.sentenceTokens = w.tokens.count; w.windows = 1 }
        if whole && w.tokens.count > Self.maxSentenceTokens { return windowed(sentence, &w, &stats) }
        stats.sentences += 1
        stats.tokens += w.tokens.count
        collectCandidates(&w)
        let count = w.candidateCount
        guard count > 0 else { return [] }
        // The last sentence's hits, if any (an empty removeAll still costs a generic call).
        if !w.hits.isEmpty { w.hits.removeAll(keepingCapacity: true) }
        // The sentence is tagged only once a rule would match on it if its tag tests pass,
        // not whenever a rule with one is a candidate: most candidates fail anyway (the
        // tagger was half the cost of matching the bench corpus). Until then the matcher
        // guesses tag tests and says when a match rests on a guess (`MatchVM.tagsWanted`);
        // that rule's run is dropped and made again with exact tags, so every rule sees the
        // tags it would have seen. Even then only the tokens a tag test reaches are tagged
        // (`LazyTags`): a rule tests the word after a number, not the whole sentence.
        w.vm.tagsReady = tagFirst || !(anyNeedsTags && candidates(w).contains(where: { ruleNeedsTags[Int($0)] }))
        let taggedBefore = (w.lazyTags.sentencesTagged, w.lazyTags.tokensTagged)
        let candidates = w.candidates
        let tokens = w.tokens
        if !w.vm.tagsReady {
            // Tag tests are guessed with the tagger's cheap answers (`LazyTags.guess`) and,
            // once a match rests on a guess, read exact tags of the tokens they reach only.
            w.lazyTags.useRules(namesSource, vocab: vocab)
            w.lazyTags.prepare(sentence, tokens, lemmas: candidates[..<count].contains { ruleNeedsLemmas[Int($0)] })
            w.vm.tagSource = w.lazyTags
        }
        var rulesMatched = 0
        w.vetoMemo.newSentence(unlessCount)
        var wanted: UInt64 = 0
        for r in candidates[..<count] where startIndex.ruleBit[Int(r)] >= 0 { wanted |= 1 << UInt64(startIndex.ruleBit[Int(r)]) }
        w.startMasks.withUnsafeBufferPointer { startIndex.collect(UnsafeBufferPointer(rebasing: $0[..<tokens.count]), wanted: wanted, into: &w.starts) }
        func run(_ r: Int) -> Outcome {
            let bit = Int(startIndex.ruleBit[r])
            return tokens.withUnsafeBufferPointer { tp in
            w.reqLast.withUnsafeBufferPointer { reqLast in
            w.classLast.withUnsafeBufferPointer { classLast in
                let met = RequirementsMet(reqLast: reqLast.baseAddress!, classLast: classLast.baseAddress!, present: w.present)
                return bit < 0
                    ? evaluate(r, tp, sentence, &w.vm, met: met, into: &w.hits, vetoMemo: &w.vetoMemo)
                    : w.starts.flat.withUnsafeBufferPointer {
                        evaluate(r, tp, sentence, &w.vm,
                                 starts: UnsafeBufferPointer(rebasing: $0[bit * w.starts.stride ..< bit * w.starts.stride + Int(w.starts.count[bit])]),
                                 met: met, into: &w.hits, vetoMemo: &w.vetoMemo)
                    }
            }}}
        }
        for r in candidates[..<count] {
            let first = w.hits.count
            var outcome = run(Int(r))
            if w.vm.tagsWanted {
                w.vm.tagsWanted = false
                w.hits.removeSubrange(first...)
                // From here on tag tests read exact tags, of the tokens they reach only.
                w.vm.tagsReady = true
                // A veto computed so far may have failed a tag test for want of tags.
                w.vetoMemo.newSentence(unlessCount)
                outcome = run(Int(r))
            }
            if outcome == .matched { rulesMatched += 1 }
        }
        if w.vm.tagSource != nil {
            w.vm.tagSource = nil
            w.lazyTags.finish()
            stats.sentencesTagged += w.lazyTags.sentencesTagged - taggedBefore.0
            stats.tokensTagged += w.lazyTags.tokensTagged - taggedBefore.1
        }
        stats.rulesRun += count
        stats.rulesMatched += rulesMatched
        stats.matched += w.hits.count
        guard !w.hits.isEmpty else { return [] }
        if w.namesSource !== namesSource { (w.names, w.namesSource) = (names.copy(), namesSource) }
        return resolvedMatches(w.hits, tokens, sentence, names: w.names)
    }

    /// The matches of a sentence over `maxSentenceTokens`, window by window, with ranges
    /// relative to the whole sentence, in the order `matches` gives (tag, start, end).
    /// The most bytes tokenised at once for a window: the tokenizer's scratch is a few words
    /// a byte, so a whole 10 MB sentence took 240 MB before any matching. A window ends at its
    /// 1000th token or at the last space within this many bytes, whichever comes first.
    static let windowBytes = 64 << 10

    private func windowed(_ sentence: UnsafeBufferPointer<UInt8>, _ w: inout SentenceWork,
                          _ stats: inout MatchStats) -> [Match] {
        var all: [(order: Int, match: Match)] = []
        var lo = 0, tokens = 0, windows = 0
        while lo < sentence.count {
            let hi = windowEnd(sentence, from: lo, &w)
            windows += 1
            for var m in matches(in: UnsafeBufferPointer(rebasing: sentence[lo..<hi]), work: &w, stats: &stats, whole: false) {
                m.range = (m.range.lowerBound + lo)..<(m.range.upperBound + lo)
                for c in m.captures.indices {
                    m.captures[c].range = (m.captures[c].range.lowerBound + lo)..<(m.captures[c].range.upperBound + lo)
                }
                all.append((all.count, m))
            }
            tokens += w.tokens.count
            lo = hi
        }
        w.sentenceTokens = tokens
        w.windows = windows
        all.sort { a, b in
            if a.match.tag != b.match.tag { return a.match.tag < b.match.tag }
            if a.match.range.lowerBound != b.match.range.lowerBound { return a.match.range.lowerBound < b.match.range.lowerBound }
            if a.match.range.upperBound != b.match.range.upperBound { return a.match.range.upperBound < b.match.range.upperBound }
            return a.order < b.order
        }
        return all.map(\.match)
    }

    /// Where the window starting at byte `lo` ends: at its `maxSentenceTokens`th token's end
    /// when the next `windowBytes` bytes hold more tokens, else after the last space in them
    /// (or at a scalar boundary when they hold none), or at the sentence's end.
    private func windowEnd(_ sentence: UnsafeBufferPointer<UInt8>, from lo: Int, _ w: inout SentenceWork) -> Int {
        var hi = min(sentence.count, lo + Self.windowBytes)
        if hi < sentence.count {
            var space = hi
            while space > lo && sentence[space - 1] != 0x20 { space -= 1 }
            if space > lo { hi = space } else {
                while hi > lo + 1 && sentence[hi] & 0xC0 == 0x80 { hi -= 1 }  // not inside a scalar
            }
        }
        prepare(UnsafeBufferPointer(rebasing: sentence[lo..<hi]), &w)
        if w.tokens.count > Self.maxSentenceTokens { hi = lo + Int(w.tokens[Self.maxSentenceTokens].start) }
        return hi
    }

    // MARK: - Steps shared by matching, examples and explain

    /// Tokenises the sentence and looks every token up in the vocabulary.
    func prepare(_ sentence: UnsafeBufferPointer<UInt8>, _ w: inout SentenceWork) {
        Tokenizer.tokenize(sentence, vocabulary: vocab, into: &w.tokens, scratch: &w.tokenizer)
        w.vm.beginSentence()
    }

    /// Rules to run on this sentence, in rule order, into `w.candidates[..<w.candidateCount]`:
    /// the always-run rules plus every rule indexed under a word or a token class of the sentence. With
    /// `requireAll`, only those whose every requirement a token of the sentence meets.
    /// Also each token's start mask, into `w.startMasks`, for `StartIndex.collect`.
    func collectCandidates(_ w: inout SentenceWork, requireAll: Bool = true) {
        let index = startIndex
        let stride = index.rowStride, ruleWords = index.ruleWords, reqWords = index.reqWords
        let n = w.tokens.count
        if w.sentenceBits.count < stride { w.sentenceBits = Array(repeating: 0, count: stride) }
        if w.startMasks.count < n { w.startMasks = Array(repeating: 0, count: max(n, 2 * w.startMasks.count)) }
        if w.candidates.count < rules.count { w.candidates = Array(repeating: 0, count: rules.count) }
        let reqUnion = index.reqClassUnion
        if w.reqLast.count < reqWords * 64 { w.reqLast = Array(repeating: -1, count: reqWords * 64) }
        var found = 0
        var present: UInt32 = 0
        // One pass over the tokens ORs the row of every token's id: the triggered rules and
        // the met requirements at once, and writes its start mask (these were two list walks
        // per token, a sort, and a second pass for the starts).
        w.sentenceBits.withUnsafeMutableBufferPointer { acc in
            let acc = acc.baseAddress!
            w.reqLast.withUnsafeMutableBufferPointer { reqLast in
                // The requirements the last sentence met by id: their positions are stale.
                for k in 0..<reqWords {
                    var q = acc[ruleWords + k]
                    while q != 0 { reqLast[k &* 64 &+ q.trailingZeroBitCount] = -1; q &= q &- 1 }
                }
            }
            for k in 0..<stride { acc[k] = 0 }
            w.tokens.withUnsafeBufferPointer { tokens in
            w.startMasks.withUnsafeMutableBufferPointer { masks in
            w.reqLast.withUnsafeMutableBufferPointer { reqLast in
            w.classLast.withUnsafeMutableBufferPointer { classLast in
            index.classMask.withUnsafeBufferPointer { classMask in
            index.idStarts.withUnsafeBufferPointer { idStarts in
            index.entryOffsets.withUnsafeBufferPointer { offsets in
            index.entryWord.withUnsafeBufferPointer { entryWord in
            index.entryBits.withUnsafeBufferPointer { entryBits in
                let zeroRow = UInt32(index.vocabCount), classMask = classMask.baseAddress!
                for p in 0..<n {
                    let t = tokens[p]
                    present |= t.classes.rawValue
                    // No id (-1) or one added after loading: the row of zeros.
                    let id = Int(min(UInt32(bitPattern: t.id), zeroRow))
                    masks[p] = StartIndex.classStarts(t.classes.rawValue, classMask) | idStarts[id]
                    for e in Int(offsets[id])..<Int(offsets[id + 1]) {
                        let word = Int(entryWord[e]), bits = entryBits[e]
                        acc[word] |= bits
                        // Where each requirement is met last, for `lastStart`.
                        guard word >= ruleWords else { continue }
                        var q = bits
                        while q != 0 {
                            reqLast[(word &- ruleWords) &* 64 &+ q.trailingZeroBitCount] = Int32(truncatingIfNeeded: p)
                            q &= q &- 1
                        }
                    }
                    var c = t.classes.rawValue & reqUnion
                    while c != 0 { classLast[c.trailingZeroBitCount] = Int32(truncatingIfNeeded: p); c &= c &- 1 }
                }
                if n > 0 { masks[0] |= index.atStartMask }
            }}}}}}}}}
            index.classRows.withUnsafeBufferPointer { classRows in
                var bits = present
                while bits != 0 {
                    let row = classRows.baseAddress! + bits.trailingZeroBitCount &* stride
                    bits &= bits &- 1
                    for k in 1..<stride { acc[k - 1] |= row[k] }
                }
            }
            // acc: the rule bits, then the requirement bits.
            let useGroups = w.vm.useGroups
            w.candidates.withUnsafeMutableBufferPointer { out in
            index.alwaysBits.withUnsafeBufferPointer { always in
            index.ruleHasGroups.withUnsafeBufferPointer { hasGroups in
            index.ruleReqBits.withUnsafeBufferPointer { ruleReqs in
                let have = acc + ruleWords
                for word in 0..<ruleWords {
                    var m = acc[word] | always[word]
                    while m != 0 {
                        let r = word &* 64 &+ m.trailingZeroBitCount
                        m &= m &- 1
                        var missing: UInt64 = 0
                        if requireAll {
                            let needs = ruleReqs.baseAddress! + r &* reqWords
                            switch reqWords {  // today's rules: 2
                            case 0: break
                            case 1: missing = needs[0] & ~have[0]
                            case 2: missing = (needs[0] & ~have[0]) | (needs[1] & ~have[1])
                            default: for q in 0..<reqWords { missing |= needs[q] & ~have[q] }
                            }
                            if missing == 0 && hasGroups[r] && useGroups && !index.groupsMet(r, UnsafePointer(have)) { missing = 1 }
                        }
                        // Written either way, kept only if met: no unpredictable branch.
                        out[found] = Int32(truncatingIfNeeded: r)
                        found += missing == 0 ? 1 : 0
                    }
                }
            }}}}
        }
        w.candidateCount = found
        w.present = present
    }

    /// The last token a match can start at, after `collectCandidates`: the earliest of the
    /// last tokens meeting each requirement of list `i` of `lists` (a rule's, a branch's or a
    /// veto's), since a match contains one of each; -1 when the sentence lacks one.
    /// Reads the index in place: a copy of it (`let index = startIndex`) retained and released
    /// each of its arrays per rule run, and the batch workers share them, so the cores fought
    /// over their reference counts.
    @inline(__always)
    func lastStart(_ met: RequirementsMet, _ lists: ReqLists.Owner, _ i: Int) -> Int {
        switch lists {
        case .rule: return lastStart(met, startIndex.ruleReqs, i)
        case .branch: return lastStart(met, startIndex.branchReqs, i)
        case .veto: return lastStart(met, startIndex.vetoReqs, i)
        case .group: return lastStart(met, startIndex.groupReqs, i)
        }
    }

    /// The last token a match can start at by groups `groups` (`StartIndex.ruleGroups`): a
    /// match meets every requirement of some branch of each, so it starts no later than the
    /// latest of its met branches' last starts; -1 when a group has none met.
    @inline(__always)
    func groupsLast(_ met: RequirementsMet, _ groups: Range<Int>) -> Int {
        var bound = Int.max
        for g in groups {
            var best = -1
            for b in Int(startIndex.groupBranches[g])..<Int(startIndex.groupBranches[g + 1]) {
                best = max(best, lastStart(met, .group, b))
            }
            bound = min(bound, best)
        }
        return bound
    }

    @inline(__always)
    private func lastStart(_ met: RequirementsMet, _ lists: borrowing ReqLists, _ i: Int) -> Int {
        lists.start.withUnsafeBufferPointer { start in
        lists.reqs.withUnsafeBufferPointer { reqs in
        startIndex.reqClassBits.withUnsafeBufferPointer { classBits in
            var bound = Int.max
            for k in Int(start[i])..<Int(start[i + 1]) {
                let q = Int(reqs[k])
                var at = Int(met.reqLast[q])
                var classes = classBits[q] & met.present
                while classes != 0 { at = max(at, Int(met.classLast[classes.trailingZeroBitCount])); classes &= classes - 1 }
                bound = min(bound, at)
            }
            return bound
        }}}
    }

    /// The last start of each of `count` top-level branches numbered from `base`
    /// (`StartIndex.branchBase`), in the matcher's scratch; nil when there are none or
    /// nothing is known of the sentence.
    @inline(__always)
    private func branchLasts(_ base: Int32, _ count: Int32, _ met: RequirementsMet?, _ vm: inout MatchVM) -> UnsafePointer<Int>? {
        guard let met, base >= 0 else { return nil }
        let lasts = vm.branchLastScratch(Int(count))
        for b in 0..<Int(count) { lasts[b] = lastStart(met, .branch, Int(base) + b) }
        return UnsafePointer(lasts)
    }

    /// The sentence's candidate rules after `collectCandidates`, without copying them.
    @inline(__always)
    private func candidates(_ w: SentenceWork) -> ArraySlice<Int32> { w.candidates[..<w.candidateCount] }

    /// The candidate rules of a sentence, for `explain`.
    func candidates(_ w: inout SentenceWork) -> [Int32] {
        collectCandidates(&w, requireAll: false)
        return Array(w.candidates[..<w.candidateCount])
    }

    enum Outcome: Equatable {
        case matched
        /// Matched, but the `unless` pattern number `unless` matched too: nothing was appended
        /// (or every match was vetoed by an `unless-in-match`, the last by number `unless`).
        case vetoed(unless: Int)
        /// No match; the furthest token reached and the instruction that failed there
        /// (-1 unless `diagnose`).
        case noMatch(failPos: Int, failInst: Int)
    }

    /// One rule on one prepared sentence: every non-overlapping match, left to right (the
    /// leftmost-longest one, then again from its end), then its `unless` vetoes over the whole
    /// sentence, then its `unless-in-match` vetoes on each match. The matches go to the end of
    /// `hits` unless vetoed; `vetoed` receives them then, with the veto's number.
    /// `diagnose` runs every start position to report where a miss got furthest.
    func evaluate(_ r: Int, _ tokens: UnsafeBufferPointer<Token>, _ sentence: UnsafeBufferPointer<UInt8>,
                  _ vm: inout MatchVM, diagnose: Bool = false, into hits: inout [RuleHit]) -> Outcome {
        var vetoed: [VetoedHit] = [], memo = VetoMemo()
        memo.newSentence(unlessCount)
        return evaluate(r, tokens, sentence, &vm, diagnose: diagnose, into: &hits, vetoed: &vetoed, vetoMemo: &memo)
    }

    /// As above, also receiving the vetoed matches (`explain`, the example runner).
    func evaluate(_ r: Int, _ tokens: UnsafeBufferPointer<Token>, _ sentence: UnsafeBufferPointer<UInt8>,
                  _ vm: inout MatchVM, diagnose: Bool = false, into hits: inout [RuleHit],
                  vetoed: inout [VetoedHit]) -> Outcome {
        var memo = VetoMemo()
        memo.newSentence(unlessCount)
        return evaluate(r, tokens, sentence, &vm, diagnose: diagnose, into: &hits, vetoed: &vetoed, vetoMemo: &memo)
    }

    /// As above, trying only the start positions in `starts` (ascending: every position where
    /// the rule's entry filter accepts the token, from `StartIndex`).
    func evaluate(_ r: Int, _ tokens: UnsafeBufferPointer<Token>, _ sentence: UnsafeBufferPointer<UInt8>,
                  _ vm: inout MatchVM, starts: UnsafeBufferPointer<Int32>? = nil, met: RequirementsMet? = nil,
                  into hits: inout [RuleHit], vetoMemo: inout VetoMemo) -> Outcome {
        var vetoed: [VetoedHit] = []
        return evaluate(r, tokens, sentence, &vm, starts: starts, met: met, into: &hits, vetoed: &vetoed, vetoMemo: &vetoMemo)
    }

    /// `met`: where the sentence meets each requirement (`collectCandidates`), which bounds
    /// the starts of the rule, of its top-level branches and of its vetoes (a veto whose
    /// requirement the sentence lacks is not run); nil: no bound.
    func evaluate(_ r: Int, _ tokens: UnsafeBufferPointer<Token>, _ sentence: UnsafeBufferPointer<UInt8>,
                  _ vm: inout MatchVM, diagnose: Bool = false, starts: UnsafeBufferPointer<Int32>? = nil,
                  met: RequirementsMet? = nil,
                  into hits: inout [RuleHit], vetoed: inout [VetoedHit], vetoMemo: inout VetoMemo) -> Outcome {
        let first = hits.count
        var from = 0
        var last = Int.max
        if let met {
            last = lastStart(met, .rule, r)
            if vm.useGroups && startIndex.ruleHasGroups[r] {
                last = min(last, groupsLast(met, Int(startIndex.ruleGroups[r])..<Int(startIndex.ruleGroups[r + 1])))
            }
        }
        let branchLast = branchLasts(startIndex.branchBase[r], startIndex.branchCount[r], met, &vm)
        // The rule's frozen code, borrowed (see `codeRefs`).
        codeRefs[r]._withUnsafeGuaranteedRef { code in
            // A match is never empty, so `from` advances and the loop ends.
            while let found = vm.run(code, lexicons: tries, tokens: tokens, sentence: sentence, from: from,
                                     diagnose: diagnose, starts: diagnose ? nil : starts, lastStart: last,
                                     branchLast: branchLast) {
                hits.append(RuleHit(rule: r, tokens: found.start..<found.end, slots: vm.bestSlots))
                from = found.end
            }
        }
        guard hits.count > first else {
            return .noMatch(failPos: vm.failPos, failInst: vm.failInst)
        }
        let inMatchFrom = rules[r].inMatchFrom
        for k in 0..<inMatchFrom
        where vetoMemo.result(Int(unlessIDs[r][k]), {
            vetoMatches(Int(unlessIDs[r][k]), from: 0, through: Int.max, tokens, sentence, &vm, met: met)
        }) {
            for hit in hits[first...] { vetoed.append(VetoedHit(hit: hit, unless: k)) }
            hits.removeSubrange(first...)
            return .vetoed(unless: k)
        }
        guard inMatchFrom < rules[r].unless.count else { return .matched }
        return vetoInMatch(r, tokens, sentence, &vm, met: met, first: first, into: &hits, vetoed: &vetoed)
    }

    /// The `unless-in-match` vetoes of rule `r` on its matches `hits[first...]`: a match goes
    /// when one of them matches starting at one of its tokens; the others stay. Not memoised
    /// (the answer depends on the match), and run only on a sentence where the rule matched.
    private func vetoInMatch(_ r: Int, _ tokens: UnsafeBufferPointer<Token>, _ sentence: UnsafeBufferPointer<UInt8>,
                             _ vm: inout MatchVM, met: RequirementsMet?, first: Int,
                             into hits: inout [RuleHit], vetoed: inout [VetoedHit]) -> Outcome {
        var kept = first, lastVeto = 0
        for h in first..<hits.count {
            let hit = hits[h]
            let by = (rules[r].inMatchFrom..<rules[r].unless.count).first {
                vetoMatches(Int(unlessIDs[r][$0]), from: hit.tokens.lowerBound, through: hit.tokens.upperBound - 1,
                            tokens, sentence, &vm, met: met)
            }
            if let by {
                vetoed.append(VetoedHit(hit: hit, unless: by))
                lastVeto = by
            } else {
                hits[kept] = hit
                kept += 1
            }
        }
        hits.removeSubrange(kept...)
        return kept > first ? .matched : .vetoed(unless: lastVeto)
    }

    /// Whether `unless` program `id` matches starting at a token in `from...last`, a bound
    /// narrowed to where the sentence meets the veto's requirements (`met`).
    private func vetoMatches(_ id: Int, from: Int, through last: Int, _ tokens: UnsafeBufferPointer<Token>,
                             _ sentence: UnsafeBufferPointer<UInt8>, _ vm: inout MatchVM, met: RequirementsMet?) -> Bool {
        var last = last
        if let met { last = min(last, lastStart(met, .veto, id)) }
        guard last >= from else { return false }
        let branchLast = branchLasts(startIndex.vetoBranchBase[id], startIndex.vetoBranchCount[id], met, &vm)
        return unlessCodeRefs[id]._withUnsafeGuaranteedRef {
            vm.run($0, lexicons: tries, tokens: tokens, sentence: sentence, from: from, lastStart: last, branchLast: branchLast) != nil
        }
    }

    /// The conflict policy: per tag, matches that overlap are resolved by longer span, then
    /// higher priority, then rule order; survivors are sorted by (tag, start, end, rule order).
    /// Matches of one rule never overlap each other; the start breaks the remaining ties so
    /// the ranking is a total order.
    func resolve(_ hits: [RuleHit], _ tokens: [Token], _ sentence: UnsafeBufferPointer<UInt8>)
        -> (kept: [Match], suppressed: [(hit: RuleHit, by: Int)]) {
        var kept: [Match] = [], suppressed: [(hit: RuleHit, by: Int)] = []
        hits.withUnsafeBufferPointer { hp in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: max(2, 2 * hp.count)) { order in
                let n = policy(hp, order.baseAddress!) { suppressed.append((hp[$0], $1)) }
                for k in 0..<n { appendMatches(hp[order[k]], tokens, sentence, to: &kept) }
            }
        }
        return (kept, suppressed)
    }

    /// `resolve` without the suppressed hits, for `matches`: a single hit, the common case,
    /// skips the policy.
    func resolvedMatches(_ hits: [RuleHit], _ tokens: [Token], _ sentence: UnsafeBufferPointer<UInt8>,
                         names: RuleNames? = nil) -> [Match] {
        if hits.count == 1 {
            var one: [Match] = []
            appendMatches(hits[0], tokens, sentence, to: &one, names: names)
            return one
        }
        var kept: [Match] = []
        hits.withUnsafeBufferPointer { hp in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: max(2, 2 * hp.count)) { order in
                let n = policy(hp, order.baseAddress!, suppressed: nil)
                kept.reserveCapacity(n)
                for k in 0..<n { appendMatches(hp[order[k]], tokens, sentence, to: &kept, names: names) }
            }
        }
        return kept
    }

    /// The conflict policy on indices into `hits`: writes the kept ones in output order to
    /// `order` (room for 2 * hits.count: the upper half is the ranking) and returns their
    /// count; passes each suppressed one, in ranking order, with the rule that won over it.
    /// Rule order is the rule's index; tag and priority come from flat per-rule arrays, so
    /// comparisons copy no rule, and sorting indices (in place, by insertion: a sentence has
    /// a handful of hits) moves no capture array and allocates nothing.
    func policy(_ hits: UnsafeBufferPointer<RuleHit>, _ order: UnsafeMutablePointer<Int>,
                suppressed: ((Int, Int) -> Void)?) -> Int {
        let tagRank = ruleTagRank, priority = rulePriority
        func insertionSort(_ a: UnsafeMutablePointer<Int>, _ n: Int, _ before: (Int, Int) -> Bool) {
            for i in 1..<max(n, 1) {
                let x = a[i]
                var j = i
                while j > 0 && before(x, a[j - 1]) { a[j] = a[j - 1]; j -= 1 }
                a[j] = x
            }
        }
        let n = hits.count, ranked = order + n
        for i in 0..<n { ranked[i] = i }
        insertionSort(ranked, n) { i, j in
            let a = hits[i].rule, b = hits[j].rule
            if tagRank[a] != tagRank[b] { return tagRank[a] < tagRank[b] }
            if hits[i].tokens.count != hits[j].tokens.count { return hits[i].tokens.count > hits[j].tokens.count }
            if priority[a] != priority[b] { return priority[a] > priority[b] }
            if a != b { return a < b }
            return hits[i].tokens.lowerBound < hits[j].tokens.lowerBound
        }
        var kept = 0
        for k in 0..<n {
            let h = ranked[k], tag = tagRank[hits[h].rule]
            if let w = (0..<kept).first(where: { tagRank[hits[order[$0]].rule] == tag && hits[order[$0]].tokens.overlaps(hits[h].tokens) }) {
                suppressed?(h, hits[order[w]].rule)
            } else {
                order[kept] = h
                kept += 1
            }
        }
        insertionSort(order, kept) { i, j in
            let a = hits[i].rule, b = hits[j].rule
            if tagRank[a] != tagRank[b] { return tagRank[a] < tagRank[b] }
            if hits[i].tokens.lowerBound != hits[j].tokens.lowerBound { return hits[i].tokens.lowerBound < hits[j].tokens.lowerBound }
            if hits[i].tokens.upperBound != hits[j].tokens.upperBound { return hits[i].tokens.upperBound < hits[j].tokens.upperBound }
            return a < b
        }
        return kept
    }

    /// The hit as one match over its whole range with all its captures, its fields those
    /// of its first part (explanations, rule examples).
    func makeMatch(_ hit: RuleHit, _ tokens: [Token], _ sentence: UnsafeBufferPointer<UInt8>) -> Match {
        var parts: [Match] = []
        appendMatches(hit, tokens, sentence, to: &parts)
        var m = parts[0]
        m.range = byteRange(reported(hit), tokens)
        m.captures = captures(hit, tokens)
        return m
    }

    /// Appends the hit as matches: one, or one per part when the rule's normaliser finds
    /// several quantities in it ("45 and 50 mg"); a part keeps the captures inside its
    /// range. Appending (not returning an array) keeps the common case free of a
    /// temporary array per match. `names`: this thread's copy of the rules' strings.
    func appendMatches(_ hit: RuleHit, _ tokens: [Token], _ sentence: UnsafeBufferPointer<UInt8>, to out: inout [Match],
                       names given: RuleNames? = nil) {
        // Fields one by one: copying the whole rule would retain every array and string in it.
        let r = hit.rule
        let names = given ?? self.names
        let range = byteRange(reported(hit), tokens)
        let captures = self.captures(hit, tokens, names: names)
        func match(_ range: Range<Int>, _ captures: [Capture], _ fields: [(name: String, value: FieldValue)]) -> Match {
            Match(tag: rules[r].tag, ruleID: names.ids[r], file: names.files[r], line: rules[r].line,
                  range: range, captures: captures, fields: fields)
        }
        guard rules[r].normalizeFigure else { return out.append(match(range, captures, [])) }
        let parts = FigureNormalizer.parts(sentence: sentence, match: range, captures: captures, units: names.units)
        if parts.count == 1 { return out.append(match(range, captures, parts[0].fields)) }
        for part in parts {
            out.append(match(part.range, captures.filter { part.range.contains($0.range.lowerBound) && $0.range.upperBound <= part.range.upperBound },
                             part.fields))
        }
    }

    /// The tokens a hit reports: past the context before its pattern's `>>`. The policy ranks
    /// and overlaps whole hits, context included: the context is evidence the rule saw, and
    /// `>>` then changes what a match reports, never which matches win.
    func reported(_ hit: RuleHit) -> Range<Int> {
        let k = ruleMatchStart[hit.rule]
        return k >= 0 ? Int(hit.slots[Int(k)])..<hit.tokens.upperBound : hit.tokens
    }

    func captures(_ hit: RuleHit, _ tokens: [Token], names table: RuleNames? = nil) -> [Capture] {
        let names = (table ?? self.names).captures[hit.rule]
        guard !names.isEmpty else { return [] }
        var out: [Capture] = []
        // Sized once (appending grew the array 1, 2, 4: a reallocation each).
        out.reserveCapacity(names.count)
        for (k, name) in names.enumerated() {
            let s = Int(hit.slots[2 * k]), e = Int(hit.slots[2 * k + 1])
            if s >= 0, e > s { out.append(Capture(name: name, range: byteRange(s..<e, tokens))) }
        }
        return out
    }

    func byteRange(_ range: Range<Int>, _ tokens: [Token]) -> Range<Int> {
        Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end)
    }
}
