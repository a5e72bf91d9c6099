/// Working memory for tagging single tokens on demand (`Tagger.begin`, `Tagger.tokenTag`,
/// `Tagger.tokenLemma`): one per thread, reused. Set `work.tokens` before `begin`.
public struct LazyTagWork {
    public var work = TagWork()
    /// Per word: its class once known (-1: not yet); its `WordInfo` is in `work.infos` once
    /// `hasInfo` says so.
    var wordClass: [Int32] = []
    var hasInfo: [Bool] = []
    var sentence = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// The first token not yet split into words (`work.words`): tokens are split in order,
    /// as far as the tokens and words asked need.
    var splitNext = 0
    /// Words whose class was scored (dictionary words are not), since `init`: what tagging
    /// on demand costs, for the benchmarks.
    public internal(set) var wordsScored = 0

    public init() {}
}

/// Tags of single tokens, exactly those `tag` gives the whole sentence, without tagging the
/// rest. Rules test the tags of a few tokens of a sentence (the word after a number, the
/// words around a modal), and tagging all of it was most of the matching cost.
///
/// Why a token's tags can be had alone: the decoder is greedy, left to right, and word i's
/// class depends on the words' own features within i ± 2 (`Features.contextKeys`) and on the
/// classes of words i - 1 and i - 2 only. A word in the tag dictionary takes its class without
/// scoring, whatever comes before it. So decoding can start at any word whose two previous
/// words have known classes (two dictionary words, such as "of the", or the sentence's start)
/// and gives the same classes from there on as decoding the whole sentence. Classes decoded
/// once are kept, so asking for more tokens of the sentence resumes, never repeats. The
/// sentence's tokens are split into words from its start as far as the words asked (and the
/// two after them, their context) need: the splitter's loop stops and resumes at any token
/// and reads the tokens after it as context, so its words are those of the whole split.
/// `TokenTaggerTests` checks that every token's tags and lemma equal `tag`'s.
extension Tagger {
    /// Words of context before a word whose classes its features read (`prev1`, `prev2`).
    static let classContext = 2

    /// Starts a sentence (`lazy.work.tokens`): tags nothing yet, nor splits tokens into words.
    /// `s` must stay valid until the sentence's last `tokenTag`/`tokenLemma`.
    public func begin(_ s: UnsafeBufferPointer<UInt8>, _ lazy: inout LazyTagWork) {
        lazy.sentence = s
        lazy.splitNext = 0
        lazy.work.words.removeAll(keepingCapacity: true)
        lazy.work.heads.removeAll(keepingCapacity: true)
        lazy.work.firstWord.removeAll(keepingCapacity: true)
        lazy.wordClass.removeAll(keepingCapacity: true)
        lazy.hasInfo.removeAll(keepingCapacity: true)
        lazy.work.infos.removeAll(keepingCapacity: true)
        let m = model
        if lazy.work.scores.count < m.classStride { lazy.work.scores = Array(repeating: 0, count: m.classStride) }
        if lazy.work.cacheModel != m.base || lazy.work.cacheKeys.isEmpty {
            lazy.work.cacheKeys = Array(repeating: 0, count: TagWork.cacheSlots)
            lazy.work.cacheRows = Array(repeating: 0, count: TagWork.cacheSlots * m.classStride)
            lazy.work.cacheModel = m.base
        }
    }

    /// Splits the sentence's tokens into words as far as token `t`, when not done yet.
    @inline(__always)
    private func split(_ t: Int, _ lazy: inout LazyTagWork) {
        if lazy.splitNext <= t { splitMore(through: t, &lazy) }
    }

    /// Splits tokens until word `i` exists or every token is split.
    @inline(__always)
    private func split(word i: Int, _ lazy: inout LazyTagWork) {
        while lazy.work.words.count <= i && lazy.splitNext < lazy.work.tokens.count { splitMore(through: lazy.splitNext, &lazy) }
    }

    /// Splits the tokens from `splitNext` through token `t` (`WordSplitter.split(_:_:_:from:through:)`,
    /// which reads the tokens after them as context, as far as the sentence's end when it
    /// must: a period is the sentence's when only punctuation follows; "Lets" opens it).
    private func splitMore(through t: Int, _ lazy: inout LazyTagWork) {
        let had = lazy.work.words.count
        lazy.splitNext = WordSplitter.split(lazy.sentence, &lazy.work, model, from: lazy.splitNext, through: t)
        // One element at a time: `append(contentsOf: repeatElement(...))` cost more than the
        // split of a token.
        var longest = 0
        for k in had..<lazy.work.words.count {
            lazy.wordClass.append(-1)
            lazy.hasInfo.append(false)
            lazy.work.infos.append(WordInfo())
            longest = max(longest, Int(lazy.work.words[k].end - lazy.work.words[k].start))
        }
        if lazy.work.norm.count < longest + 8 { lazy.work.norm = Array(repeating: 0, count: longest + 8) }
    }

    /// The UPOS and Penn tag of token `t` of the sentence begun, as `tag` sets `tokenTags[t]`.
    public func tokenTag(_ t: Int, _ lazy: inout LazyTagWork) -> (upos: UInt8, xpos: UInt8) {
        split(t, &lazy)
        let c = wordClass(Int(lazy.work.heads[t]), &lazy)
        return (model.classUPOS(c), model.classXPOS(c))
    }

    /// The lemma of token `t`, as `tag` (with lemmas) gives it in `tokenTags[t].lemma`, into `out`.
    public func tokenLemma(_ t: Int, _ lazy: inout LazyTagWork, into out: inout [UInt8]) {
        let n = tokenLemma(t, &lazy, buffer: &out)
        out.removeLast(out.count - n)
    }

    /// As `tokenLemma(_:_:into:)`, written at the start of `buffer` (grown when too short,
    /// never shrunk): the lemma's length. No array is built per call.
    public func tokenLemma(_ t: Int, _ lazy: inout LazyTagWork, buffer: inout [UInt8]) -> Int {
        split(t, &lazy)
        let c = wordClass(Int(lazy.work.heads[t]), &lazy)
        return tokenLemma(t, xpos: Int(model.classXPOS(c)), &lazy, buffer: &buffer)
    }

    /// The lemma token `t` has when its head word is tagged `xpos`, into `out`: what
    /// `tokenLemma` gives once the word is tagged `xpos`, without tagging it. A rule's lemma
    /// test can then fail a token whose lemma is none of the test's under any tag it allows,
    /// before anything is decoded.
    public func tokenLemma(_ t: Int, xpos: Int, _ lazy: inout LazyTagWork, into out: inout [UInt8]) {
        let n = tokenLemma(t, xpos: xpos, &lazy, buffer: &out)
        out.removeLast(out.count - n)
    }

    /// As `tokenLemma(_:xpos:_:into:)`, written at the start of `buffer` (grown when too
    /// short, never shrunk): the lemma's length.
    public func tokenLemma(_ t: Int, xpos: Int, _ lazy: inout LazyTagWork, buffer: inout [UInt8]) -> Int {
        split(t, &lazy)
        let h = Int(lazy.work.heads[t]), i = Int(lazy.work.firstWord[t])
        guard let s = lazy.sentence.baseAddress else { return 0 }
        let head = lazy.work.words[h]
        // A split compound's lemma keeps its first parts, lowercase (`collectTokens`).
        let from = Int(lazy.work.words[i].start), to = Int(head.start)
        let prefix = h > i ? to - from : 0
        let len = Int(head.end - head.start)
        let need = prefix + max(len + 2, model.longestException)
        if buffer.count < need { buffer.append(contentsOf: repeatElement(0, count: need - buffer.count)) }
        if lazy.work.lower.count < len + 8 { lazy.work.lower = Array(repeating: 0, count: len + 8) }
        let o = s + Int(head.start)
        return buffer.withUnsafeMutableBufferPointer { b in
            lazy.work.lower.withUnsafeMutableBufferPointer { lower -> Int in
                let out = b.baseAddress!, f = lower.baseAddress!
                for k in 0..<prefix { let c = s[from + k]; out[k] = c &- 0x41 < 26 ? c | 0x20 : c }
                for k in 0..<len { let c = o[k]; f[k] = c &- 0x41 < 26 ? c | 0x20 : c }
                return prefix + wordLemma(o, f, len, xpos: xpos, out: out + prefix)
            }
        }
    }

    /// Whether the token at `o` (`n` bytes) is a treebank word of its own, whatever its
    /// sentence: ASCII letters only, no space-free neighbour on either side (`spaced`: every
    /// join `WordSplitter` makes is of tokens written together), and none of the contractions
    /// split by the token alone or by context (cannot, dont, its, your, Lets). Its lemma is
    /// then `wordLemma(of:)`'s, without splitting the sentence. Conservative: false says nothing.
    public static func isWholeWord(_ o: UnsafePointer<UInt8>, _ n: Int, spaced: Bool) -> Bool {
        spaced && isWholeWordForm(o, n)
    }

    /// Whether token `t` of `tokens` (byte ranges of sentence `s`, in order) is joined to no
    /// other token by the splitter: the joins of its run of tokens written together are
    /// made from the run's first token, as `WordSplitter.split` makes them (a join never
    /// spans a space), and one starts at `t` and ends after it. Whether the token is then one
    /// word depends on its bytes alone when they are a whole-word form (`isWholeWordForm`),
    /// a single ASCII byte or ASCII digits: none of these is cut. Exact, as the splitter's
    /// own joins are run; `WordSplitter.join` reads up to the sentence's end (`atEnd`).
    public func isUnjoined(_ s: UnsafeBufferPointer<UInt8>, _ tokens: [Range<Int32>], _ t: Int) -> Bool {
        guard let p = s.baseAddress else { return false }
        var u = t
        while u > 0 && tokens[u - 1].upperBound == tokens[u].lowerBound { u -= 1 }
        while u < t { u = WordSplitter.join(p, tokens, u, model) }
        return u == t && WordSplitter.join(p, tokens, t, model) == t + 1
    }

    /// `isWholeWord` but for the spacing: what the token's bytes alone say.
    public static func isWholeWordForm(_ o: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard n > 0 else { return false }
        for k in 0..<n where (o[k] | 0x20) &- 0x61 >= 26 { return false }
        if WordSplitter.clitic(o, n) != nil { return false }
        if n == 3 || n == 4 {
            var w: UInt32 = 0
            for k in 0..<n { w = w << 8 | UInt32(o[k] | 0x20) }
            // its, your, lets: split by the word after them (`cliticInContext`).
            if w == 0x697473 || w == 0x796F7572 || w == 0x6C657473 { return false }
        }
        return true
    }

    /// The lemma of a token that is a word of its own (`isWholeWord`) tagged `xpos`, into
    /// `out`: what `tokenLemma` gives it under that tag.
    public func wordLemma(of o: UnsafePointer<UInt8>, _ len: Int, xpos: Int, _ lazy: inout LazyTagWork, into out: inout [UInt8]) {
        let n = wordLemma(of: o, len, xpos: xpos, &lazy, buffer: &out)
        out.removeLast(out.count - n)
    }

    /// As `wordLemma(of:_:xpos:_:into:)`, written at the start of `buffer` (grown when too
    /// short, never shrunk): the lemma's length.
    public func wordLemma(of o: UnsafePointer<UInt8>, _ len: Int, xpos: Int, _ lazy: inout LazyTagWork, buffer: inout [UInt8]) -> Int {
        let need = max(len + 2, model.longestException)
        if buffer.count < need { buffer.append(contentsOf: repeatElement(0, count: need - buffer.count)) }
        if lazy.work.lower.count < len + 8 { lazy.work.lower = Array(repeating: 0, count: len + 8) }
        return buffer.withUnsafeMutableBufferPointer { b in
            lazy.work.lower.withUnsafeMutableBufferPointer { lower -> Int in
                let f = lower.baseAddress!
                for k in 0..<len { let c = o[k]; f[k] = c &- 0x41 < 26 ? c | 0x20 : c }
                return wordLemma(o, f, len, xpos: xpos, out: b.baseAddress!)
            }
        }
    }

    /// The tags of a token that is a word of its own (`isWholeWord`) when it is a
    /// tag-dictionary word, which takes its class whatever surrounds it; nil otherwise.
    /// `first`: the token opens the sentence (it is then its first word). Equal to `tokenTag`
    /// whenever it is not nil, without splitting the sentence.
    public func dictionaryTag(of o: UnsafePointer<UInt8>, _ len: Int, first: Bool, _ lazy: inout LazyTagWork) -> (upos: UInt8, xpos: UInt8)? {
        if lazy.work.norm.count < len + 8 { lazy.work.norm = Array(repeating: 0, count: len + 8) }
        let c = lazy.work.norm.withUnsafeMutableBufferPointer { Int(wordInfo(o, len, first: first, norm: $0.baseAddress!).dictClass) }
        return c >= 0 ? (model.classUPOS(c), model.classXPOS(c)) : nil
    }

    /// The UPOS and Penn tag of token `t` when they are known without decoding anything: its
    /// head word is a tag-dictionary word (which takes its class whatever precedes it) or was
    /// decoded already; nil otherwise. Equal to `tokenTag` whenever it is not nil.
    public func knownTag(_ t: Int, _ lazy: inout LazyTagWork) -> (upos: UInt8, xpos: UInt8)? {
        split(t, &lazy)
        let h = Int(lazy.work.heads[t])
        guard known(h, &lazy) else { return nil }
        let c = Int(lazy.wordClass[h])
        return (model.classUPOS(c), model.classXPOS(c))
    }

    /// The Penn tags of the model's classes whose UPOS is in `upos` (bit per UPOS) and whose
    /// Penn tag is in `xpos` (bit per Penn tag): every Penn tag a token passing a test on
    /// both can have.
    public func pennTags(upos: UInt32, xpos: UInt64) -> UInt64 {
        var out: UInt64 = 0
        for c in 0..<model.classCount {
            let u = model.classUPOS(c), x = model.classXPOS(c)
            if upos >> UInt32(u) & 1 != 0 && x < 64 && xpos >> UInt64(x) & 1 != 0 { out |= 1 << UInt64(x) }
        }
        return out
    }

    /// Word `i`'s class, decoding from the nearest word before it whose two previous classes
    /// are known.
    private func wordClass(_ i: Int, _ lazy: inout LazyTagWork) -> Int {
        if lazy.wordClass[i] >= 0 { return Int(lazy.wordClass[i]) }
        var j = i
        while j > 0 && !(known(j - 1, &lazy) && (j < Self.classContext || known(j - 2, &lazy))) { j -= 1 }
        for k in j...i where lazy.wordClass[k] < 0 { score(k, &lazy) }
        return Int(lazy.wordClass[i])
    }

    /// Whether word `i`'s class is known without decoding: decoded already, or a dictionary word's.
    @inline(__always)
    private func known(_ i: Int, _ lazy: inout LazyTagWork) -> Bool {
        info(i, &lazy)
        return lazy.wordClass[i] >= 0
    }

    /// Computes word `i`'s `WordInfo` once, as `tag` does; a dictionary word's class with it.
    @inline(__always)
    private func info(_ i: Int, _ lazy: inout LazyTagWork) {
        guard !lazy.hasInfo[i] else { return }
        lazy.hasInfo[i] = true
        let wd = lazy.work.words[i]
        let base = lazy.sentence.baseAddress!
        let info = lazy.work.norm.withUnsafeMutableBufferPointer {
            wordInfo(base + Int(wd.start), Int(wd.end - wd.start), first: i == 0, norm: $0.baseAddress!)
        }
        lazy.work.infos[i] = info
        if info.dictClass >= 0 { lazy.wordClass[i] = Int32(info.dictClass) }
    }

    /// Scores word `i` (not a dictionary word) given the classes of the two before it, which
    /// are known: as `tag` does (`scoreWord`).
    private func score(_ i: Int, _ lazy: inout LazyTagWork) {
        // The words of its context split (or the sentence's end known), so `n` is as `tag` has it
        // wherever the features read it.
        split(word: i + Self.classContext, &lazy)
        let n = lazy.work.words.count
        for k in i...min(i + Self.classContext, n - 1) { info(k, &lazy) }
        if lazy.wordClass[i] >= 0 { return }
        let p1 = i >= 1 ? Int(lazy.wordClass[i - 1]) : -1, p2 = i >= 2 ? Int(lazy.wordClass[i - 2]) : -1
        lazy.wordsScored += 1
        let c: Int = lazy.work.infos.withUnsafeBufferPointer { infos in
            lazy.work.keys.withUnsafeMutableBufferPointer { keys in
            lazy.work.scores.withUnsafeMutableBufferPointer { scores in
            lazy.work.cacheKeys.withUnsafeMutableBufferPointer { cacheKeys in
            lazy.work.cacheRows.withUnsafeMutableBufferPointer { cacheRows in
                scoreWord(i, infos.baseAddress!, n, prev1: p1, prev2: p2, keys: keys.baseAddress!, scores: scores.baseAddress!,
                          cacheKeys: cacheKeys.baseAddress!, cacheRows: cacheRows.baseAddress!)
            }}}}
        }
        lazy.wordClass[i] = Int32(c)
    }
}
