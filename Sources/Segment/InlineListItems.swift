/// List items run together on one line ("1) first 2) second", "a. first b. second",
/// "• 9. first • 10. second"): each item is a sentence of its own. An item is found only as
/// the next in the sequence that the sentence opens with (2 after 1, b after a), so "in
/// 2. quarter" or "Part b. of the plan" inside running text never splits.
extension SentenceScanner {
    /// An enumerator: optional bullet, then 1-3 digits or one letter, then `.`, `)` or `.)`,
    /// then a space. Its ordinal (digits: the number; letters: a=1, b=2 ...), whether it is
    /// a letter, and the index after its punctuation.
    struct Enumerator {
        var ordinal: Int
        var isLetter: Bool
        var end: Int
    }

    func enumerator(at start: Int, limit: Int) -> Enumerator? {
        var k = start
        // bullets: • (E2 80 A2), ⁃ (E2 81 83), -, *
        if k + 2 < limit, text[k] == 0xE2,
           (text[k + 1] == 0x80 && text[k + 2] == 0xA2) || (text[k + 1] == 0x81 && text[k + 2] == 0x83) {
            k += 3
        } else if k < limit, text[k] == UInt8(ascii: "-") || text[k] == UInt8(ascii: "*") {
            k += 1
        }
        while k < limit, text[k] == 0x20 { k += 1 }
        var ordinal = 0, isLetter = false
        let first = k
        while k < limit, k - first < 3, Self.isASCIIDigit(text[k]) {
            ordinal = ordinal * 10 + Int(text[k] - 0x30)
            k += 1
        }
        if k == first {
            guard k < limit else { return nil }
            let c = text[k] | 0x20
            guard c >= UInt8(ascii: "a"), c <= UInt8(ascii: "z") else { return nil }
            ordinal = Int(c - UInt8(ascii: "a")) + 1
            isLetter = true
            k += 1
        }
        guard k < limit else { return nil }
        if text[k] == UInt8(ascii: ".") {
            k += 1
            if k < limit, text[k] == UInt8(ascii: ")") { k += 1 }
        } else if text[k] == UInt8(ascii: ")") {
            k += 1
        } else {
            return nil
        }
        guard k < limit, text[k] == 0x20 else { return nil }
        return Enumerator(ordinal: ordinal, isLetter: isLetter, end: k)
    }

    /// Where in `sentence` the next items of the sequence it opens with begin (empty when it
    /// does not open with an enumerator). Items start after a space.
    func inlineItemStarts(_ sentence: Range<Int>) -> [Int] {
        guard let open = enumerator(at: sentence.lowerBound, limit: sentence.upperBound) else { return [] }
        var starts: [Int] = []
        var want = open.ordinal + 1
        var k = open.end
        while k < sentence.upperBound {
            if text[k] == 0x20, k + 1 < sentence.upperBound,
               let e = enumerator(at: k + 1, limit: sentence.upperBound), e.isLetter == open.isLetter, e.ordinal == want,
               e.end + 1 < sentence.upperBound, !Self.isSpace(text[e.end + 1]) {
                starts.append(k + 1)
                want += 1
                k = e.end
            }
            k += 1
        }
        return starts
    }

    /// Whether the word ending at `dot` is the enumerator of the next item in the sequence
    /// the sentence opened with (its period then belongs to the item, not a sentence end).
    func continuesInlineList(_ word: Range<Int>, sentenceStart: Int) -> Bool {
        guard word.lowerBound > sentenceStart, let open = enumerator(at: sentenceStart, limit: range.upperBound)
        else { return false }
        var k = word.lowerBound
        while k > sentenceStart, text[k - 1] != 0x20 { k -= 1 }  // back over a glued bullet (⁃10.)
        guard let e = enumerator(at: k, limit: range.upperBound), e.end - word.upperBound <= 2 else { return false }
        return e.isLetter == open.isLetter && e.ordinal > open.ordinal
    }
}
