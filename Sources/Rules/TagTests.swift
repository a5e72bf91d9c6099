import Tagger

/// Part-of-speech and lemma tests (`%NOUN`, `%VBD`, `&defend`): the bit sets they compile to,
/// and the tagging of a sentence's tokens, done only when a rule that runs on it needs it.
enum TagTests {
    static let allUPOS: UInt32 = (1 << UInt32(TagSet.upos.count)) - 1
    static let allXPOS: UInt64 = (1 << UInt64(TagSet.xpos.count)) - 1
    /// The Penn tags a pattern can name (the punctuation tags are `%punct`'s).
    static let pennNames = TagSet.xpos.filter { $0.first!.isLetter }.joined(separator: " ")

    /// Whether a token passes a tag test; an untagged token (tag 63) passes none.
    @inline(__always)
    static func passes(_ t: Token, upos: UInt32, xpos: UInt64, lemma: Int32) -> Bool {
        UInt64(upos) >> UInt64(t.upos) & 1 != 0 && xpos >> UInt64(t.xpos) & 1 != 0 && (lemma < 0 || t.lemma == lemma)
    }
}

/// Per thread, the tagger's working memory and a buffer for normalising lemmas.
struct TagScratch {
    var work = TagWork()
    var lemma: [UInt8] = []
}

extension RuleSet {
    /// Sets every token's UPOS, Penn tag and (with `lemmas`) lemma id. The model loads on
    /// the first call.
    func tagTokens(_ sentence: UnsafeBufferPointer<UInt8>, _ tokens: inout [Token], _ scratch: inout TagScratch, lemmas: Bool = true) {
        scratch.work.tokens.removeAll(keepingCapacity: true)
        for t in tokens { scratch.work.tokens.append(t.start..<t.end) }
        scratch.work.lemmas = lemmas
        Tagger.shared.tag(sentence, &scratch.work)
        let tags = scratch.work.tokenTags
        for k in tokens.indices {
            let tag = tags[k]
            tokens[k].upos = tag.upos
            tokens[k].xpos = tag.xpos
            guard lemmas else { tokens[k].lemma = -1; continue }
            let lemma = scratch.work.lemmaBytes[Int(tag.lemma.lowerBound)..<Int(tag.lemma.upperBound)]
            tokens[k].lemma = TagTests.lemmaID(lemma, vocab, &scratch.lemma)
        }
    }
}
