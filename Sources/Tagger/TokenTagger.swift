/// Working memory for tagging single tokens on demand (`Tagger.begin`, `Tagger.tokenTag`,
/// `Tagger.tokenLemma`): one per thread, reused. Set `work.tokens` before `begin`.
public struct LazyTagWork {
    public var work = TagWork()
    /// Per word: its class once known (-1: not yet); its `WordInfo` is in `work.infos` once
    /// `hasInfo` says so.
    var wordClass: [Int32] = []
    var hasInfo: [Bool] = []
    var sentence = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// The sentence's tokens split into words so far: `work.tokens[..<splitTokens]`.
    var splitTokens = 0
    /// Working memory for splitting a run of tokens.
    var part = TagWork()
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
/// once are kept, so asking for more tokens of the sentence resumes, never repeats.
/// `TokenTaggerTests` checks that every token's tags and lemma equal `tag`'s.
extension Tagger {
    /// Words of context before a word whose classes its features read (`prev1`, `prev2`).
    static let classContext = 2

    /// Starts a sentence (`lazy.work.tokens`): tags nothing yet, nor splits tokens into words.
    /// `s` must stay valid until the sentence's last `tokenTag`/`tokenLemma`.
    public func begin(_ s: UnsafeBufferPointer<UInt8>, _ lazy: inout LazyTagWork) {
        lazy.sentence = s
        lazy.splitTokens = 0
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

    /// Splits the tokens into words through token `t + classContext` at least: the words a
    /// decode up to token `t`'s read (`Features.contextKeys` looks two words ahead). The
    /// splitter's choices never look back and never join tokens with a space between them
    /// (`WordSplitter.join`), so a run of tokens that starts and ends at a space splits as it
    /// does within the whole sentence: the sentence is split run by run, as far as asked.
    private func split(through t: Int, _ lazy: inout LazyTagWork) {
        let tokens = lazy.work.tokens
        let count = tokens.count
        guard lazy.splitTokens < count && lazy.splitTokens <= t + Self.classContext else { return }
        let from = lazy.splitTokens
        var end = min(count, max(t + Self.classContext + 1, from + 8))
        while end < count && tokens[end - 1].upperBound == tokens[end].lowerBound { end += 1 }
        lazy.part.tokens.removeAll(keepingCapacity: true)
        lazy.part.tokens.append(contentsOf: tokens[from..<end])
        WordSplitter.split(lazy.sentence, &lazy.part, model)
        // Appended whole (a copy), then shifted in place: the run's word and token indices
        // are its own.
        let first = lazy.work.words.count, firstToken = lazy.work.heads.count, added = lazy.part.words.count
        let offset = Int32(first)
        lazy.work.words.append(contentsOf: lazy.part.words)
        lazy.work.heads.append(contentsOf: lazy.part.heads)
        lazy.work.firstWord.append(contentsOf: lazy.part.firstWord)
        lazy.work.words.withUnsafeMutableBufferPointer { w in for k in first..<first + added { w[k].token += Int32(from) } }
        lazy.work.heads.withUnsafeMutableBufferPointer { h in for k in firstToken..<h.count { h[k] += offset } }
        lazy.work.firstWord.withUnsafeMutableBufferPointer { f in for k in firstToken..<f.count { f[k] += offset } }
        lazy.wordClass.append(contentsOf: repeatElement(-1, count: added))
        lazy.hasInfo.append(contentsOf: repeatElement(false, count: added))
        lazy.work.infos.append(contentsOf: repeatElement(WordInfo(), count: added))
        let longest = lazy.part.words.reduce(0) { max($0, Int($1.end - $1.start)) } + 8
        if lazy.work.norm.count < longest { lazy.work.norm = Array(repeating: 0, count: longest) }
        lazy.splitTokens = end
    }

    /// The UPOS and Penn tag of token `t` of the sentence begun, as `tag` sets `tokenTags[t]`.
    public func tokenTag(_ t: Int, _ lazy: inout LazyTagWork) -> (upos: UInt8, xpos: UInt8) {
        split(through: t, &lazy)
        let c = wordClass(Int(lazy.work.heads[t]), &lazy)
        return (model.classUPOS(c), model.classXPOS(c))
    }

    /// The lemma of token `t`, as `tag` (with lemmas) gives it in `tokenTags[t].lemma`, into `out`.
    public func tokenLemma(_ t: Int, _ lazy: inout LazyTagWork, into out: inout [UInt8]) {
        split(through: t, &lazy)
        let h = Int(lazy.work.heads[t]), i = Int(lazy.work.firstWord[t])
        let c = wordClass(h, &lazy)
        out.removeAll(keepingCapacity: true)
        guard let s = lazy.sentence.baseAddress else { return }
        let head = lazy.work.words[h]
        // A split compound's lemma keeps its first parts, lowercase (`collectTokens`).
        if h > i {
            for k in Int(lazy.work.words[i].start)..<Int(head.start) { let c = s[k]; out.append(c &- 0x41 < 26 ? c | 0x20 : c) }
        }
        let m = model
        let len = Int(head.end - head.start), xpos = Int(m.classXPOS(c))
        let need = max(len + 2, m.longestException)
        if lazy.work.lemmaScratch.count < need { lazy.work.lemmaScratch = Array(repeating: 0, count: need) }
        if lazy.work.lower.count < len + 8 { lazy.work.lower = Array(repeating: 0, count: len + 8) }
        let o = s + Int(head.start)
        let written = lazy.work.lemmaScratch.withUnsafeMutableBufferPointer { scratch in
            lazy.work.lower.withUnsafeMutableBufferPointer { lower -> Int in
                let f = lower.baseAddress!, dst = scratch.baseAddress!
                for k in 0..<len { let c = o[k]; f[k] = c &- 0x41 < 26 ? c | 0x20 : c }
                if let exc = m.lemmaException(TaggerModel.lemmaKey(FeatureHash.bytes(f, len), xpos)) {
                    dst.update(from: exc.baseAddress!, count: exc.count)
                    return exc.count
                }
                let known: Lemmatizer.Known = { m.knownCount(FeatureHash.bytes($0, $1)) }
                return Lemmatizer.rule(o, f, len, xpos: xpos, known: known, out: dst)
            }
        }
        out.append(contentsOf: lazy.work.lemmaScratch[..<written])
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
        var (info, _) = lazy.work.norm.withUnsafeMutableBufferPointer {
            WordInfo.make(base + Int(wd.start), Int(wd.end - wd.start), first: i == 0, norm: $0.baseAddress!)
        }
        if let e = model.lexiconEntry(info.form) {
            info.ambiguity = e & 0xFFFF_FFFF
            info.dictClass = Int16(truncatingIfNeeded: (e >> 32) & 0xFFFF) - 1
        }
        lazy.work.infos[i] = info
        if info.dictClass >= 0 { lazy.wordClass[i] = Int32(info.dictClass) }
    }

    /// Scores word `i` (not a dictionary word) given the classes of the two before it, which
    /// are known: the loop body of `tag`. The words split so far reach two past `i`, or the
    /// sentence's end (`split`): their count stands for the sentence's in `contextKeys`.
    private func score(_ i: Int, _ lazy: inout LazyTagWork) {
        let n = lazy.work.words.count
        for k in i...min(i + Self.classContext, n - 1) { info(k, &lazy) }
        if lazy.wordClass[i] >= 0 { return }
        let m = model
        let p1 = i >= 1 ? Int(lazy.wordClass[i - 1]) : -1, p2 = i >= 2 ? Int(lazy.wordClass[i - 2]) : -1
        lazy.wordsScored += 1
        let c: Int = lazy.work.infos.withUnsafeBufferPointer { infos in
            lazy.work.keys.withUnsafeMutableBufferPointer { keys in
            lazy.work.scores.withUnsafeMutableBufferPointer { scores in
            lazy.work.cacheKeys.withUnsafeMutableBufferPointer { cacheKeys in
            lazy.work.cacheRows.withUnsafeMutableBufferPointer { cacheRows in
                let keys = keys.baseAddress!, scores = scores.baseAddress!, stride = m.classStride
                let w = infos[i]
                let typeKey = FeatureHash.pair(w.cased, w.flags) | 1
                let slot = Int(truncatingIfNeeded: typeKey >> 20) & (TagWork.cacheSlots - 1)
                let row = cacheRows.baseAddress! + slot * stride
                if cacheKeys[slot] != typeKey {
                    Features.staticKeys(w, into: keys)
                    m.clear(row)
                    m.add(keys, Features.staticCount, row)
                    cacheKeys[slot] = typeKey
                }
                scores.update(from: row, count: stride)
                Features.contextKeys(infos.baseAddress!, n, i, prev1: p1, prev2: p2, into: keys)
                m.add(keys, Features.count - Features.staticCount, scores)
                return m.argmax(scores)
            }}}}
        }
        lazy.wordClass[i] = Int32(c)
    }
}
