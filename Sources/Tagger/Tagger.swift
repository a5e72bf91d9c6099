import TaggerModelData

/// A word as the tagger sees it: a claimex token, or a part of one (`WordSplitter`), with its
/// tags and lemma. Byte offsets are the sentence's, as the token's.
public struct TaggedWord: Sendable, Equatable {
    public var start: Int32
    public var end: Int32
    /// The claimex token it belongs to.
    public var token: Int32
    public var upos: UInt8
    public var xpos: UInt8
    /// The lemma's bytes in `TagWork.lemmaBytes`.
    public var lemma: Range<Int32>
}

/// A claimex token's tags (those of its head word: the last part of a split compound, the
/// first of a contraction) and its lemma (in `TagWork.lemmaBytes`).
public struct TokenTag: Sendable, Equatable {
    public var upos: UInt8
    public var xpos: UInt8
    public var lemma: Range<Int32>
}

/// Working memory for `Tagger.tag`: make one per thread and reuse it. Set `tokens` (byte
/// ranges of the sentence's tokens, in order) before each call.
public struct TagWork {
    public var tokens: [Range<Int32>] = []
    /// Lemmatise too (off: every lemma is empty, and tagging is faster).
    public var lemmas = true
    public internal(set) var words: [TaggedWord] = []
    public internal(set) var tokenTags: [TokenTag] = []
    public internal(set) var lemmaBytes: [UInt8] = []
    /// Per token: the word whose tags it takes, and its first word (`WordSplitter`).
    var heads: [Int32] = []
    var firstWord: [Int32] = []
    var infos: [WordInfo] = []
    var norm: [UInt8] = []
    var lower: [UInt8] = []
    var lemmaScratch: [UInt8] = []
    var keys = [UInt64](repeating: 0, count: Features.count)
    var scores: [Int16] = []
    /// Per word type (form as written and flags), the summed weights of its own features
    /// (`Features.staticKeys`), direct-mapped: most words repeat, and these are 13 of the 32
    /// look-ups. Valid for the model at `cacheModel`.
    var cacheKeys: [UInt64] = []
    var cacheRows: [Int16] = []
    var cacheModel: UnsafeRawPointer?
    static let cacheSlots = 2048
    var classes: [Int32] = []

    public init() {}

    /// The lemma of word or token range `r` as a String.
    public func lemma(_ r: Range<Int32>) -> String { String(decoding: lemmaBytes[Int(r.lowerBound)..<Int(r.upperBound)], as: UTF8.self) }
}

/// The part-of-speech tagger: an averaged perceptron over word, affix, shape and context
/// features, decoding greedily left to right; frequent unambiguous words take their class
/// from the tag dictionary without scoring. A class is a (Penn tag, UPOS) pair.
public final class Tagger: Sendable {
    public let model: TaggerModel

    public init(model: TaggerModel) { self.model = model }

    /// The model built into the binary (`Sources/TaggerModelData`), read in place on first use.
    public static let shared: Tagger = {
        let bytes = UnsafeRawBufferPointer(start: claimex_tagger_model(), count: claimex_tagger_model_size())
        do { return Tagger(model: try TaggerModel(bytes: bytes)) } catch { fatalError("\(error)") }
    }()

    /// Tags the sentence `s` split into `work.tokens`: fills `work.words` and `work.tokenTags`.
    public func tag(_ s: UnsafeBufferPointer<UInt8>, _ work: inout TagWork) {
        WordSplitter.split(s, &work, model)
        let n = work.words.count
        let m = model
        if work.infos.count < n { work.infos = Array(repeating: WordInfo(), count: max(n, 2 * work.infos.count)) }
        if work.classes.count < n { work.classes = Array(repeating: 0, count: max(n, 2 * work.classes.count)) }
        if work.scores.count < m.classStride { work.scores = Array(repeating: 0, count: m.classStride) }
        if work.cacheModel != m.base || work.cacheKeys.isEmpty {
            work.cacheKeys = Array(repeating: 0, count: TagWork.cacheSlots)
            work.cacheRows = Array(repeating: 0, count: TagWork.cacheSlots * m.classStride)
            work.cacheModel = m.base
        }
        let maxLen = work.words.reduce(0) { max($0, Int($1.end - $1.start)) } + 8
        if work.norm.count < maxLen { work.norm = Array(repeating: 0, count: maxLen); work.lower = work.norm }
        work.lemmaBytes.removeAll(keepingCapacity: true)
        guard let base = s.baseAddress, n > 0 else { work.tokenTags.removeAll(keepingCapacity: true); return }
        work.infos.withUnsafeMutableBufferPointer { infos in
            work.norm.withUnsafeMutableBufferPointer { norm in
                for i in 0..<n {
                    let wd = work.words[i]
                    infos[i] = wordInfo(base + Int(wd.start), Int(wd.end - wd.start), first: i == 0, norm: norm.baseAddress!)
                }
            }
            work.keys.withUnsafeMutableBufferPointer { keys in
            work.scores.withUnsafeMutableBufferPointer { scores in
            work.classes.withUnsafeMutableBufferPointer { classes in
            work.cacheKeys.withUnsafeMutableBufferPointer { cacheKeys in
            work.cacheRows.withUnsafeMutableBufferPointer { cacheRows in
                let keys = keys.baseAddress!, scores = scores.baseAddress!
                var p1 = -1, p2 = -1
                for i in 0..<n {
                    var c = Int(infos[i].dictClass)
                    if c < 0 {
                        c = scoreWord(i, UnsafePointer(infos.baseAddress!), n, prev1: p1, prev2: p2, keys: keys, scores: scores,
                                      cacheKeys: cacheKeys.baseAddress!, cacheRows: cacheRows.baseAddress!)
                    }
                    classes[i] = Int32(c)
                    p2 = p1; p1 = c
                }
            }}}}}
        }
        for i in 0..<n {
            let c = Int(work.classes[i])
            work.words[i].xpos = m.classXPOS(c)
            work.words[i].upos = m.classUPOS(c)
        }
        if work.lemmas { lemmatize(base, &work) }
        collectTokens(base, &work)
    }

    /// The lemma of every word, written through one pointer into `lemmaScratch` (room for
    /// each word's bound: its length + 2, or the longest lemma exception), then copied out.
    private func lemmatize(_ s: UnsafePointer<UInt8>, _ work: inout TagWork) {
        let m = model
        let n = work.words.count
        var need = 0, longest = 0
        for i in 0..<n {
            let len = Int(work.words[i].end - work.words[i].start)
            need += max(len + 2, m.longestException)
            longest = max(longest, len)
        }
        if work.lemmaScratch.count < need { work.lemmaScratch = Array(repeating: 0, count: max(need, 2 * work.lemmaScratch.count)) }
        if work.lower.count < longest + 8 { work.lower = Array(repeating: 0, count: longest + 8) }
        var written = 0
        work.lemmaScratch.withUnsafeMutableBufferPointer { scratch in
        work.lower.withUnsafeMutableBufferPointer { lower in
        work.words.withUnsafeMutableBufferPointer { words in
            let out = scratch.baseAddress!, f = lower.baseAddress!
            for i in 0..<n {
                let wd = words[i]
                let len = Int(wd.end - wd.start)
                let o = s + Int(wd.start)
                for k in 0..<len { let c = o[k]; f[k] = c &- 0x41 < 26 ? c | 0x20 : c }
                let start = written
                written += wordLemma(o, f, len, xpos: Int(wd.xpos), out: out + written)
                words[i].lemma = Int32(start)..<Int32(written)
            }
        }}}
        work.lemmaBytes.append(contentsOf: work.lemmaScratch[..<written])
    }

    /// The features of the word at `p` (`len` bytes) and what the lexicon says of it: its
    /// ambiguity class, dictionary class and WordNet bits. `norm` has room for `len` + 8 bytes.
    @inline(__always)
    func wordInfo(_ p: UnsafePointer<UInt8>, _ len: Int, first: Bool, norm: UnsafeMutablePointer<UInt8>) -> WordInfo {
        let m = model
        var (info, normLen) = WordInfo.make(p, len, first: first, norm: norm)
        if let e = m.lexiconEntry(info.form) {
            info.ambiguity = e & 0xFFFF_FFFF
            info.dictClass = Int16(truncatingIfNeeded: (e >> 32) & 0xFFFF) - 1
            info.lexical = e >> 48
        } else {
            info.lexical = Lexical.bits(norm, normLen) { m.wordnetEntry($0) }
        }
        return info
    }

    /// The class of word `i` of `infos` (not a dictionary word) after classes `prev1` and
    /// `prev2` (-1: none): its cached per-type weights plus those of its context features.
    @inline(__always)
    func scoreWord(_ i: Int, _ infos: UnsafePointer<WordInfo>, _ n: Int, prev1: Int, prev2: Int,
                   keys: UnsafeMutablePointer<UInt64>, scores: UnsafeMutablePointer<Int16>,
                   cacheKeys: UnsafeMutablePointer<UInt64>, cacheRows: UnsafeMutablePointer<Int16>) -> Int {
        let m = model, stride = m.classStride
        let w = infos[i]
        let typeKey = FeatureHash.pair(w.cased, w.flags) | 1
        let slot = Int(truncatingIfNeeded: typeKey >> 20) & (TagWork.cacheSlots - 1)
        let row = cacheRows + slot * stride
        if cacheKeys[slot] != typeKey {
            Features.staticKeys(w, into: keys)
            m.clear(row)
            m.add(keys, Features.staticCount, row)
            cacheKeys[slot] = typeKey
        }
        m.copy(row, to: scores)
        Features.contextKeys(infos, n, i, prev1: prev1, prev2: prev2, into: keys)
        m.add(keys, Features.count - Features.staticCount, scores)
        return m.argmax(scores)
    }

    /// The lemma of the word `o` (`len` bytes; `f` the same lowercase) tagged `xpos`, written
    /// at `out` (room for `len` + 2 bytes or `longestException`): its length.
    @inline(__always)
    func wordLemma(_ o: UnsafePointer<UInt8>, _ f: UnsafePointer<UInt8>, _ len: Int, xpos: Int, out: UnsafeMutablePointer<UInt8>) -> Int {
        let m = model
        if let exc = m.lemmaException(TaggerModel.lemmaKey(FeatureHash.bytes(f, len), xpos)) {
            out.update(from: exc.baseAddress!, count: exc.count)
            return exc.count
        }
        return Lemmatizer.rule(o, f, len, xpos: xpos, known: { m.lemmaScore(FeatureHash.bytes($0, $1)) }, out: out)
    }

    /// Each token's tags and lemma, from its words.
    private func collectTokens(_ s: UnsafePointer<UInt8>, _ work: inout TagWork) {
        // Tokens: the head word's tags; the lemma of a split compound keeps its first parts.
        work.tokenTags.removeAll(keepingCapacity: true)
        for t in work.tokens.indices {
            let h = Int(work.heads[t]), i = Int(work.firstWord[t])
            let head = work.words[h]
            var lemma = head.lemma
            if h > i && work.lemmas {
                let start = Int32(work.lemmaBytes.count)
                for k in Int(work.words[i].start)..<Int(head.start) { let c = s[k]; work.lemmaBytes.append(c &- 0x41 < 26 ? c | 0x20 : c) }
                work.lemmaBytes.append(contentsOf: work.lemmaBytes[Int(head.lemma.lowerBound)..<Int(head.lemma.upperBound)])
                lemma = start..<Int32(work.lemmaBytes.count)
            }
            work.tokenTags.append(TokenTag(upos: head.upos, xpos: head.xpos, lemma: lemma))
        }
    }
}
