import Tagger
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A sentence's tags and lemmas, token by token, as the matcher's tag tests reach them
/// (`MatchVM.tagSource`): a token gets exactly the tags and lemma tagging the whole sentence
/// gives it (`Tagger.tokenTag`), and tokens no test reaches are never tagged. One per
/// `MatchContext`; `begin` starts a sentence.
final class LazyTags {
    @exclusivity(unchecked) private var work = LazyTagWork()
    /// Per token of the sentence: the token with its tags, once asked (`upos` untagged: not yet).
    @exclusivity(unchecked) private var tagged: [Token] = []
    @exclusivity(unchecked) private var vocab = Vocabulary()
    @exclusivity(unchecked) private var lemmas = false
    @exclusivity(unchecked) private var lemmaBytes: [UInt8] = []
    /// Tokens given tags since `init`.
    private(set) var tokensTagged = 0

    @exclusivity(unchecked) private var sentence = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    @exclusivity(unchecked) private var tokens: [Token] = []
    @exclusivity(unchecked) private var begun = false
    /// The tokens' byte ranges, for `standsAlone`, once it needs them in the sentence.
    @exclusivity(unchecked) private var ranges: [Range<Int32>] = []
    @exclusivity(unchecked) private var rangesReady = false
    /// Sentences whose tokens were given tags, since `init`.
    private(set) var sentencesTagged = 0
    /// This sentence counts in `sentencesTagged` (a guess alone does not tag it).
    @exclusivity(unchecked) private var counted = false
    /// Per token, the Penn tags (bits) whose lemma is in `lemmaMemo[64 * token + tag]`.
    @exclusivity(unchecked) private var lemmaKnown: [UInt64] = []
    @exclusivity(unchecked) private var memoReady = false
    /// Lemma ids of word forms, across sentences (for `owner`'s vocabulary).
    private let forms = FormLemmas()
    private var cacheOwner: RuleNames.Source?
    private var cacheOwnerID: ObjectIdentifier?
    /// Per token, `stamp` when its tag is known not to be had without decoding.
    @exclusivity(unchecked) private var unknown: [UInt32] = []
    @exclusivity(unchecked) private var stamp: UInt32 = 0
    @exclusivity(unchecked) private var lemmaMemo: [Int32] = []
    /// The last test's UPOS and Penn bits and the Penn tags they allow (`Tagger.pennTags`).
    @exclusivity(unchecked) private var lastTest: (upos: UInt32, xpos: UInt64, allowed: UInt64) = (0, 0, 0)
    @exclusivity(unchecked) private var lastTestSet = false
    /// The lemmas `lemmaCandidates` found last, for the token and test bits of `candidateKey`.
    @exclusivity(unchecked) private var candidates: [Int32] = []
    @exclusivity(unchecked) private var candidateKey: (Int, UInt32, UInt64) = (-1, 0, 0)

    /// Starts `tokens` of `sentence`: nothing is tagged (nor split into the tagger's words)
    /// until a test asks. `sentence` must stay valid until the sentence's last `tagged`.
    func prepare(_ sentence: UnsafeBufferPointer<UInt8>, _ tokens: [Token], lemmas: Bool) {
        self.sentence = sentence
        self.tokens = tokens
        self.lemmas = lemmas
        begun = false
        rangesReady = false
        memoReady = false
    }

    /// Lemma ids are a rule set's vocabulary's: the form cache is kept while the rule set
    /// (`owner`, held so its address is not reused) stays the same, and dropped otherwise.
    /// Compared by address first, so the shared owner is not retained per sentence.
    /// The rules' vocabulary is kept with them: storing it per sentence retained its arrays,
    /// which every batch worker shares, on each sentence.
    func useRules(_ owner: RuleNames.Source, vocab: Vocabulary) {
        guard ObjectIdentifier(owner) != cacheOwnerID else { return }
        self.vocab = vocab
        forms.clear()
        cacheOwner = owner
        cacheOwnerID = ObjectIdentifier(owner)
    }

    /// Ends the sentence: lets go of its tokens, so the caller's next tokenising writes them
    /// in place rather than copying an array still shared with this one.
    func finish() {
        tokens = []
        sentence = UnsafeBufferPointer(start: nil, count: 0)
    }

    private func begin() {
        begun = true
        counted = false
        work.work.tokens.removeAll(keepingCapacity: true)
        for t in tokens { work.work.tokens.append(t.start..<t.end) }
        tagged.removeAll(keepingCapacity: true)
        tagged.append(contentsOf: tokens)
        stamp &+= 1
        if stamp == 0 { unknown = []; stamp = 1 }
        if unknown.count < tokens.count { unknown.append(contentsOf: repeatElement(0, count: tokens.count - unknown.count)) }
        if !memoReady { newMemo() }
        Tagger.shared.begin(sentence, &work)
    }

    /// Starts the sentence's lemma memo (`lemmaID`), which needs no split.
    private func newMemo() {
        memoReady = true
        candidateKey = (-1, 0, 0)
        lemmaKnown.removeAll(keepingCapacity: true)
        lemmaKnown.append(contentsOf: repeatElement(0, count: tokens.count))
        if lemmaMemo.count < 64 * tokens.count { lemmaMemo = Array(repeating: -1, count: 64 * tokens.count) }
    }

    /// Token `pos` with its tags (and lemma, as `tagged` gives them) when they are known
    /// without decoding anything: a tag-dictionary word's, or decoded already; nil otherwise.
    /// The matcher guesses tag tests with it and `lemmaCandidates` until a match rests on a
    /// guess (`MatchVM.tagsReady`, `TestTable.guess`).
    func knownToken(_ pos: Int) -> Token? {
        if !begun {
            // Before the sentence is split: a token that is a word of its own has a known tag
            // when it is a dictionary word (its form's, cached), and none otherwise.
            let t = tokens[pos], n = Int(t.end - t.start)
            let o = sentence.baseAddress! + Int(t.start)
            // A dictionary word's class is its form's, first word of the sentence or not.
            if standsAlone(pos), let slot = forms.slot(o, n), forms.whole[slot] {
                if forms.dictTag[slot] == FormLemmas.unknownTag {
                    let tag = Tagger.shared.dictionaryTag(of: o, n, first: false, &work)
                    forms.dictTag[slot] = tag.map { Int32($0.upos) << 8 | Int32($0.xpos) } ?? FormLemmas.noTag
                }
                let tag = forms.dictTag[slot]
                guard tag != FormLemmas.noTag else { return nil }
                if !memoReady { newMemo() }
                var known = t
                known.upos = UInt8(tag >> 8)
                known.xpos = UInt8(tag & 0xFF)
                if lemmas { known.lemma = lemmaID(pos, Int(known.xpos)) }
                return known
            }
            begin()
        }
        if tagged[pos].upos == Token.untagged {
            guard unknown[pos] != stamp else { return nil }
            // Asked once per token: a dictionary word is tagged here, for the price of a look-up.
            guard Tagger.shared.knownTag(pos, &work) != nil else { unknown[pos] = stamp; return nil }
            tag(pos)
        }
        return tagged[pos]
    }

    /// The lemmas (vocabulary ids) token `pos` has under the Penn tags a test on `upos` and
    /// `xpos` (bit sets) allows: a token passing the tag test has one of them. No tag is
    /// decoded: these are the lemmas of every such tag.
    func lemmaCandidates(_ pos: Int, upos: UInt32, xpos: UInt64) -> [Int32] {
        if !memoReady { newMemo() }
        if candidateKey != (pos, upos, xpos) {
            if lastTest.upos != upos || lastTest.xpos != xpos || !lastTestSet {
                lastTest = (upos, xpos, Tagger.shared.pennTags(upos: upos, xpos: xpos))
                lastTestSet = true
            }
            candidateKey = (pos, upos, xpos)
            candidates.removeAll(keepingCapacity: true)
            var allowed = lastTest.allowed
            // The token's form slot is found once for all the tags (`lemmaID`).
            var slot = LazyTags.slotUnknown
            while allowed != 0 {
                candidates.append(lemmaID(pos, allowed.trailingZeroBitCount, slot: &slot))
                allowed &= allowed - 1
            }
        }
        return candidates
    }

    /// The vocabulary id of the lemma in `lemmaBytes[0 ..< count]`, as `TagTests.lemmaID`
    /// gives it: normalised in place and looked up through the kept vocabulary, with no array
    /// made or copied (passing the vocabulary retained its shared arrays; copying the lemma
    /// into a normalised array was most of a lemma's cost).
    private func lemmaBytesID(_ count: Int) -> Int32 {
        lemmaBytes.withUnsafeMutableBufferPointer { b in
            let p = b.baseAddress ?? UnsafeMutablePointer(bitPattern: 1)!
            let m = TagTests.normalizeLemma(UnsafePointer(p), count, into: p)
            return vocab.lookupInPlace(Tokenizer.hash(UnsafePointer(p), m), UnsafeBufferPointer(start: UnsafePointer(p), count: m))
        }
    }

    /// `lemmaID`'s `slot` before it is looked for, and when the token has none.
    private static let slotUnknown = -2, noSlot = -1

    /// The lemma id token `pos` has when tagged with Penn tag `x`, memoised per sentence.
    private func lemmaID(_ pos: Int, _ x: Int) -> Int32 {
        var slot = Self.slotUnknown
        return lemmaID(pos, x, slot: &slot)
    }

    /// As `lemmaID(_:_:)`; `slot` is the token's `FormLemmas` slot when it stands alone with a
    /// whole form (`noSlot` otherwise), found on the first call that needs it and passed on
    /// to the next tag's call for the same token (the slot cannot change in between: only
    /// this token's form is stored).
    private func lemmaID(_ pos: Int, _ x: Int, slot: inout Int) -> Int32 {
        if lemmaKnown[pos] >> UInt64(x) & 1 != 0 { return lemmaMemo[64 * pos + x] }
        let t = tokens[pos], n = Int(t.end - t.start)
        let o = sentence.baseAddress! + Int(t.start)
        if slot == Self.slotUnknown {
            slot = Self.noSlot
            if standsAlone(pos), let s = forms.slot(o, n), forms.whole[s] { slot = s }
        }
        let id: Int32
        if slot >= 0 {
            // The token is its own word, whose lemmas are its form's: from the cache, or made
            // once for the form, without splitting the sentence.
            if let cached = forms.lemma(slot, x) {
                id = cached
            } else {
                id = lemmaBytesID(Tagger.shared.wordLemma(of: o, n, xpos: x, &work, buffer: &lemmaBytes))
                forms.store(slot, x, id)
            }
        } else {
            if !begun { begin() }
            id = lemmaBytesID(Tagger.shared.tokenLemma(pos, xpos: x, &work, buffer: &lemmaBytes))
        }
        lemmaKnown[pos] |= 1 << UInt64(x)
        lemmaMemo[64 * pos + x] = id
        return id
    }

    /// Whether the splitter leaves token `pos` a word of its own, whatever its bytes (those
    /// `FormLemmas.isWholeForm` checks): no token joins it. `WordSplitter.join` joins only
    /// tokens written together, so a token with spaces on both sides stands alone; one
    /// written against others ("nations," "(Iraq)", "54." opening a paragraph, the
    /// sentence's last period) is asked of the splitter's own joins over its run of tokens
    /// (`Tagger.isUnjoined`), which costs a few joins, not the sentence's split.
    /// `TagGuessTests.testStandingAloneIsOneWord` checks this against the split.
    @inline(__always)
    func standsAlone(_ pos: Int) -> Bool {
        let t = tokens[pos]
        let before = pos > 0 && tokens[pos - 1].end == t.start
        let after = pos + 1 < tokens.count && tokens[pos + 1].start == t.end
        guard before || after else { return true }
        if !rangesReady {
            rangesReady = true
            ranges.removeAll(keepingCapacity: true)
            for t in tokens { ranges.append(t.start..<t.end) }
        }
        return Tagger.shared.isUnjoined(sentence, ranges, pos)
    }

    /// Token `pos` with its tags (and lemma id, when the sentence's rules test lemmas).
    @inline(__always)
    func tagged(_ pos: Int) -> Token {
        if !begun { begin() }
        if tagged[pos].upos == Token.untagged { tag(pos) }
        return tagged[pos]
    }

    private func tag(_ pos: Int) {
        if !counted { counted = true; sentencesTagged += 1 }
        let tagger = Tagger.shared
        let (upos, xpos) = tagger.tokenTag(pos, &work)
        tagged[pos].upos = upos
        tagged[pos].xpos = xpos
        tokensTagged += 1
        guard lemmas else { return }
        tagged[pos].lemma = lemmaBytesID(tagger.tokenLemma(pos, &work, buffer: &lemmaBytes))
    }
}

extension TagTests {
    /// The vocabulary id of a lemma as the tagger writes it: the vocabulary holds words
    /// lowercase, with ’ as '.
    static func lemmaID(_ lemma: ArraySlice<UInt8>, _ vocab: Vocabulary, _ scratch: inout [UInt8]) -> Int32 {
        normalizeLemma(lemma, into: &scratch)
        return scratch.withUnsafeBufferPointer { vocab.lookup(Tokenizer.hash(scratch[...]), $0) }
    }

    /// A lemma's bytes as the vocabulary keys them: ASCII lowercase, ’ as '.
    static func normalizeLemma(_ lemma: ArraySlice<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: lemma)
        let n = out.withUnsafeMutableBufferPointer { b in
            b.baseAddress.map { normalizeLemma(UnsafePointer($0), b.count, into: $0) } ?? 0
        }
        out.removeLast(out.count - n)
    }

    /// `normalizeLemma` on `n` bytes at `lemma`, written at `out` (which may be `lemma`: each
    /// byte is written at or before the one it is read from): the normalised length.
    @inline(__always)
    static func normalizeLemma(_ lemma: UnsafePointer<UInt8>, _ n: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var j = 0, m = 0
        while j < n {
            let c = lemma[j]
            if c == 0xE2, j + 2 < n, lemma[j + 1] == 0x80, lemma[j + 2] == 0x99 {
                out[m] = 0x27; m += 1; j += 3; continue
            }
            out[m] = c &- 0x41 < 26 ? c | 0x20 : c
            m += 1; j += 1
        }
        return m
    }
}

/// The lemma ids of word forms under each Penn tag, and their dictionary tags, kept across
/// sentences (word forms repeat: most tokens a tag test reaches were seen before).
/// Direct-mapped by the form's bytes, which an entry keeps and compares, so a hit is exact.
/// Only forms that are a treebank word of their own (`Tagger.isWholeWordForm`), whose lemma
/// and dictionary tag depend on their bytes alone, get them; `whole` says which.
final class FormLemmas {
    /// 4,096 slots (1,024 before digits and marks were kept too: their lemma misses fell by
    /// a third on the bench's 55 speeches); about 1.2 MB per worker, mostly untouched (a
    /// form's row of 64 lemma ids is read at the few tags lemma tests allow).
    static let slots = 4096, maxBytes = 24
    static let unknownTag: Int32 = -2, noTag: Int32 = -1
    private let length = UnsafeMutablePointer<Int32>.allocate(capacity: slots)
    private let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: slots * maxBytes)
    let whole = UnsafeMutablePointer<Bool>.allocate(capacity: slots)
    /// Per slot: the form's dictionary tag (UPOS << 8 | Penn) when not the first word of its
    /// sentence, `noTag` when it has none, `unknownTag` until asked.
    let dictTag = UnsafeMutablePointer<Int32>.allocate(capacity: slots)
    private let known = UnsafeMutablePointer<UInt64>.allocate(capacity: slots)
    private let lemmas = UnsafeMutablePointer<Int32>.allocate(capacity: slots * 64)

    init() { clear() }

    deinit {
        length.deallocate(); bytes.deallocate(); whole.deallocate(); dictTag.deallocate()
        known.deallocate(); lemmas.deallocate()
    }

    func clear() { length.update(repeating: -1, count: Self.slots) }

    /// The slot holding form `o` (`n` bytes), made for it if another form held it; nil when
    /// the form is too long to keep.
    @inline(__always)
    func slot(_ o: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        guard n <= Self.maxBytes else { return nil }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for k in 0..<n { h = (h ^ UInt64(o[k])) &* 0x100_0000_01B3 }
        let s = Int(truncatingIfNeeded: (h ^ h >> 29) & UInt64(Self.slots - 1))
        let b = bytes + s * Self.maxBytes
        if length[s] == Int32(n), memcmp(b, o, n) == 0 { return s }
        length[s] = Int32(n)
        b.update(from: o, count: n)
        whole[s] = Self.isWholeForm(o, n)
        dictTag[s] = Self.unknownTag
        known[s] = 0
        return s
    }

    /// A form whose lemmas and dictionary tag are its bytes' wherever it stands alone
    /// (`LazyTags.standsAlone`), as the splitter cuts none of them: a treebank word of its
    /// own (`Tagger.isWholeWordForm`), a single ASCII byte (a mark), or ASCII digits.
    static func isWholeForm(_ o: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        if n == 1 { return o[0] < 0x80 }
        if Tagger.isWholeWordForm(o, n) { return true }
        guard n > 0 else { return false }
        for k in 0..<n where o[k] &- 0x30 >= 10 { return false }
        return true
    }

    @inline(__always)
    func lemma(_ slot: Int, _ x: Int) -> Int32? {
        known[slot] >> UInt64(x) & 1 != 0 ? lemmas[slot * 64 + x] : nil
    }

    func store(_ slot: Int, _ x: Int, _ id: Int32) {
        known[slot] |= 1 << UInt64(x)
        lemmas[slot * 64 + x] = id
    }
}

extension Vocabulary {
    /// `lookup`, as a mutating call that changes nothing: a class's stored vocabulary is then
    /// read in place, where a plain call copied it first (retaining and releasing its five
    /// arrays on every look-up, most of a lemma id's cost).
    @inline(__always)
    mutating func lookupInPlace(_ hash: UInt64, _ form: UnsafeBufferPointer<UInt8>) -> Int32 { lookup(hash, form) }
}
