import Tagger

/// A sentence's tags and lemmas, token by token, as the matcher's tag tests reach them
/// (`MatchVM.tagSource`): a token gets exactly the tags and lemma tagging the whole sentence
/// gives it (`Tagger.tokenTag`), and tokens no test reaches are never tagged. One per
/// `MatchContext`; `begin` starts a sentence.
final class LazyTags {
    private var work = LazyTagWork()
    /// Per token of the sentence: the token with its tags, once asked (`upos` untagged: not yet).
    private var tagged: [Token] = []
    private var vocab = Vocabulary()
    private var lemmas = false
    private var lemmaBytes: [UInt8] = []
    private var normalized: [UInt8] = []
    /// Tokens given tags since `init`.
    private(set) var tokensTagged = 0

    private var sentence = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private var tokens: [Token] = []
    private var begun = false
    /// Sentences whose tokens were given tags, since `init`.
    private(set) var sentencesTagged = 0

    /// Starts `tokens` of `sentence`: nothing is tagged (nor split into the tagger's words)
    /// until a test asks. `sentence` must stay valid until the sentence's last `tagged`.
    func prepare(_ sentence: UnsafeBufferPointer<UInt8>, _ tokens: [Token], vocab: Vocabulary, lemmas: Bool) {
        self.sentence = sentence
        self.tokens = tokens
        self.vocab = vocab
        self.lemmas = lemmas
        begun = false
    }

    /// Ends the sentence: lets go of its tokens, so the caller's next tokenising writes them
    /// in place rather than copying an array still shared with this one.
    func finish() {
        tokens = []
        sentence = UnsafeBufferPointer(start: nil, count: 0)
    }

    private func begin() {
        begun = true
        sentencesTagged += 1
        work.work.tokens.removeAll(keepingCapacity: true)
        for t in tokens { work.work.tokens.append(t.start..<t.end) }
        tagged.removeAll(keepingCapacity: true)
        tagged.append(contentsOf: tokens)
        Tagger.shared.begin(sentence, &work)
    }

    /// Token `pos` with its tags (and lemma id, when the sentence's rules test lemmas).
    @inline(__always)
    func tagged(_ pos: Int) -> Token {
        if !begun { begin() }
        if tagged[pos].upos == Token.untagged { tag(pos) }
        return tagged[pos]
    }

    private func tag(_ pos: Int) {
        let tagger = Tagger.shared
        let (upos, xpos) = tagger.tokenTag(pos, &work)
        tagged[pos].upos = upos
        tagged[pos].xpos = xpos
        tokensTagged += 1
        guard lemmas else { return }
        tagger.tokenLemma(pos, &work, into: &lemmaBytes)
        tagged[pos].lemma = TagTests.lemmaID(lemmaBytes[...], vocab, &normalized)
    }
}

extension TagTests {
    /// The vocabulary id of a lemma as the tagger writes it: the vocabulary holds words
    /// lowercase, with ’ as '.
    static func lemmaID(_ lemma: ArraySlice<UInt8>, _ vocab: Vocabulary, _ scratch: inout [UInt8]) -> Int32 {
        scratch.removeAll(keepingCapacity: true)
        var j = lemma.startIndex
        let end = lemma.endIndex
        while j < end {
            let c = lemma[j]
            if c == 0xE2, j + 2 < end, lemma[j + 1] == 0x80, lemma[j + 2] == 0x99 {
                scratch.append(0x27); j += 3; continue
            }
            scratch.append(c &- 0x41 < 26 ? c | 0x20 : c)
            j += 1
        }
        return scratch.withUnsafeBufferPointer { vocab.lookup(Tokenizer.hash(scratch[...]), $0) }
    }
}
