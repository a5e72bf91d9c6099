/// Finds sentence ends in one block of text by walking its bytes once. A candidate end is
/// `.`, `?`, `!` or an ellipsis, taken together with closing quotes and brackets after it;
/// it becomes a break when whitespace follows and the next word can start a sentence.
struct SentenceScanner {
    let text: UnsafeBufferPointer<UInt8>
    let range: Range<Int>

    /// Appends the sentence ranges of the block, trimmed of whitespace, in order, to `out`
    /// (the segmenter reuses one buffer for all blocks rather than allocating per block).
    func sentences(into out: inout [Range<Int>]) {
        var start = skipSpaces(range.lowerBound)
        var i = start
        let hi = range.upperBound
        while i < hi {
            i = nextCandidate(i)
            guard i < hi else { break }
            let c = text[i]
            if c == 0xE2, !(i + 2 < hi && text[i + 1] == 0x80 && text[i + 2] == 0xA6) {
                i += 1  // some other character than the ellipsis
                continue
            }
            let (isBreak, end) = decide(at: i, sentenceStart: start)
            if isBreak {
                if start < end { appendSplittingItems(start..<end, into: &out) }
                start = skipSpaces(end)
            }
            i = max(end, i + 1)
        }
        var end = hi
        while end > start, Self.isSpace(text[end - 1]) { end -= 1 }
        if start < end { appendSplittingItems(start..<end, into: &out) }
    }

    /// Appends a sentence, split before each inline list item it runs together.
    private func appendSplittingItems(_ sentence: Range<Int>, into out: inout [Range<Int>]) {
        var lo = sentence.lowerBound
        for k in inlineItemStarts(sentence) {
            var e = k
            while e > lo, Self.isSpace(text[e - 1]) { e -= 1 }
            if lo < e { out.append(lo..<e) }
            lo = k
        }
        out.append(lo..<sentence.upperBound)
    }

    /// Index of the first `.`, `?`, `!` or 0xE2 (the lead byte of `…`) at or after `from`,
    /// else the end: eight bytes at a time, since a candidate comes only every ~100 bytes.
    func nextCandidate(_ from: Int) -> Int {
        let hi = range.upperBound
        var k = from
        if let base = text.baseAddress {
            // Sixteen bytes a compare: the mask's lanes are 0xFF bytes, so the first hit is the
            // first set byte of its two halves.
            while k + 16 <= hi {
                // (vector against vector: comparing with a scalar compiles to a loop over the lanes)
                typealias V = SIMD16<UInt8>
                let v = UnsafeRawPointer(base + k).loadUnaligned(as: V.self)
                let hits = unsafeBitCast(v .== V(repeating: UInt8(ascii: ".")) .| v .== V(repeating: UInt8(ascii: "?"))
                                         .| v .== V(repeating: UInt8(ascii: "!")) .| v .== V(repeating: 0xE2),
                                         to: (UInt64, UInt64).self)
                if hits.0 != 0 { return k + hits.0.trailingZeroBitCount / 8 }
                if hits.1 != 0 { return k + 8 + hits.1.trailingZeroBitCount / 8 }
                k += 16
            }
            while k + 8 <= hi {
                let w = UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)
                let hits = Self.zeroBytes(w ^ Self.everyByte(UInt8(ascii: "."))) | Self.zeroBytes(w ^ Self.everyByte(UInt8(ascii: "?")))
                    | Self.zeroBytes(w ^ Self.everyByte(UInt8(ascii: "!"))) | Self.zeroBytes(w ^ Self.everyByte(0xE2))
                // the lowest flagged byte is always a true zero (a false flag needs a borrow from below)
                if hits != 0 { return k + hits.trailingZeroBitCount / 8 }
                k += 8
            }
        }
        while k < hi {
            let c = text[k]
            if c == UInt8(ascii: ".") || c == UInt8(ascii: "?") || c == UInt8(ascii: "!") || c == 0xE2 { return k }
            k += 1
        }
        return k
    }

    @inline(__always) static func everyByte(_ b: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(b) }

    /// The high bit of each zero byte of `x` set (and maybe of bytes above a zero byte).
    @inline(__always) static func zeroBytes(_ x: UInt64) -> UInt64 {
        (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// Whether the terminator at `i` ends a sentence, and the index just past it and its closers.
    func decide(at i: Int, sentenceStart: Int) -> (Bool, Int) {
        let hi = range.upperBound
        let c = text[i]
        if c == UInt8(ascii: "?") || c == UInt8(ascii: "!") {
            var j = i
            while j < hi, text[j] == UInt8(ascii: "?") || text[j] == UInt8(ascii: "!") { j += 1 }
            let afterMarks = j
            j = skipClosers(j)
            guard j < hi else { return (true, j) }
            guard Self.isSpace(text[j]) else { return (false, j) }
            // a question inside a quoted title runs on: “Furthering Global Britain? Reviewing …”
            if j == afterMarks, insideOpenQuote(from: sentenceStart, to: i) { return (false, j) }
            return (!startsLowercase(skipSpaces(j)), j)
        }

        let (dots, afterDots) = countDots(i)
        let j = skipClosers(afterDots)
        if j >= hi { return (true, j) }
        guard Self.isSpace(text[j]) else { return (false, j) }
        let next = skipSpaces(j)
        if next >= hi { return (true, j) }
        if startsLowercase(next) { return (false, j) }

        // an ellipsis that opens a sentence (". . . The practice") is part of it
        if i == sentenceStart { return (false, j) }
        if dots >= 4 {
            // a period and an ellipsis: "compounds. . . . The" ends after the period, and the
            // spaced ellipsis opens the next sentence; "compounds.... The" keeps it
            if dots == 4, i + 1 < hi, text[i + 1] == 0x20, i > range.lowerBound, !Self.isSpace(text[i - 1]) {
                return (true, i + 1)
            }
            return (true, j)
        }
        if dots >= 2 {
            // an ellipsis: "[...]" marks an omission; before "I" it is a pause
            if i > range.lowerBound, text[i - 1] == UInt8(ascii: "[") { return (false, j) }
            return (!isPronounI(next), j)
        }

        let word = wordBefore(i)
        if isListMarker(word, sentenceStart: sentenceStart) || continuesInlineList(word, sentenceStart: sentenceStart)
            || enumerator(at: sentenceStart, limit: hi).map({ i < $0.end && $0.end - i <= 2 }) == true {  // "• 9. The first item"
            return (false, j)
        }
        // "at 6 P.M. Mr. Smith": a capitalised time of day before a capital ends the sentence
        // (lowercase "a.m." stays weak: "at 5 a.m. Mr. Smith went" runs on)
        if word.count == 3, text[word.lowerBound] == UInt8(ascii: "A") || text[word.lowerBound] == UInt8(ascii: "P"),
           text[word.lowerBound + 1] == UInt8(ascii: "."), text[word.lowerBound + 2] == UInt8(ascii: "M"),
           text[skipOpeners(next)] >= UInt8(ascii: "A"), text[skipOpeners(next)] <= UInt8(ascii: "Z") {
            return (true, j)
        }
        switch Abbreviations.kind(text, word) {
        case nil:
            return (true, j)
        case .prepositive?, .inner?:
            return (false, j)
        case .numeric?:
            return (!Self.isASCIIDigit(text[skipOpeners(next)]), j)
        case .weak?:
            return (startsSentence(next), j)
        }
    }

    /// Counts the dots of a period or ellipsis at `i` ("...", "…", ". . .", "...."), and
    /// the index after the last one. A spaced dot joins when a space, a dot, a closing quote
    /// or bracket, or the end follows it.
    func countDots(_ i: Int) -> (Int, Int) {
        let hi = range.upperBound
        var j = i
        var dots = 0
        while j < hi {
            if text[j] == UInt8(ascii: ".") {
                dots += 1
                j += 1
            } else if text[j] == 0xE2, j + 2 < hi, text[j + 1] == 0x80, text[j + 2] == 0xA6 {
                dots += 3
                j += 3
            } else if dots > 0, text[j] == 0x20, j + 1 < hi, text[j + 1] == UInt8(ascii: "."),
                      j + 2 >= hi || text[j + 2] == 0x20 || text[j + 2] == UInt8(ascii: ".") || skipClosers(j + 2) > j + 2 {
                j += 1  // spaced ellipsis ". . .", its last dot maybe before a closer (". . .”")
            } else {
                break
            }
        }
        return (dots, j)
    }

    /// The word just before `dot`: back to whitespace, opening quotes and brackets dropped.
    func wordBefore(_ dot: Int) -> Range<Int> {
        var k = dot
        while k > range.lowerBound, !Self.isSpace(text[k - 1]) { k -= 1 }
        while k < dot {
            let c = text[k]
            if c == UInt8(ascii: "(") || c == UInt8(ascii: "[") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                k += 1
            } else if c == 0xE2, k + 2 < dot, text[k + 1] == 0x80, text[k + 2] == 0x9C || text[k + 2] == 0x98 {
                k += 3
            } else {
                break
            }
        }
        return k..<dot
    }

    /// Whether a double quote opened between `from` and `to` (“ or a straight ") is still
    /// open there and closes later in the block, within 300 bytes.
    func insideOpenQuote(from: Int, to: Int) -> Bool {
        var open = false, straight = 0
        var k = from
        while k < to {
            if text[k] == 0xE2, k + 2 < to, text[k + 1] == 0x80 {
                if text[k + 2] == 0x9C { open = true } else if text[k + 2] == 0x9D { open = false }
                k += 3
                continue
            }
            if text[k] == UInt8(ascii: "\"") { straight += 1 }
            k += 1
        }
        guard open || straight % 2 == 1 else { return false }
        let hi = min(range.upperBound, to + 300)
        k = to
        while k < hi {
            if open, text[k] == 0xE2, k + 2 < hi, text[k + 1] == 0x80, text[k + 2] == 0x9D { return true }
            if !open, text[k] == UInt8(ascii: "\"") { return true }
            k += 1
        }
        return false
    }

    /// "1.", "12." or "a." opening a sentence: a list marker, not a sentence of its own.
    func isListMarker(_ word: Range<Int>, sentenceStart: Int) -> Bool {
        guard word.lowerBound == sentenceStart, word.count <= 2, !word.isEmpty else { return false }
        if word.count == 1 && Abbreviations.isLetter(text[word.lowerBound]) { return true }
        return word.allSatisfy { Self.isASCIIDigit(text[$0]) }
    }

    /// After a weak abbreviation, a break needs a word that usually opens a sentence ("The",
    /// "It", "How") or a capitalised possessive ("Putin's").
    func startsSentence(_ at: Int) -> Bool {
        let hi = range.upperBound
        let s = skipOpeners(at)
        var e = s
        while e < hi, Abbreviations.isLetter(text[e]) { e += 1 }
        guard e > s, text[s] >= UInt8(ascii: "A"), text[s] <= UInt8(ascii: "Z") else { return false }
        if e < hi, text[e] >= 0x80 && !isApostrophe(e) { return false }  // word goes on past ASCII
        if let key = ByteKey(folding: text, s..<e), Abbreviations.sentenceStarters.contains(key) {
            return e >= hi || text[e] != UInt8(ascii: ".")
        }
        return isApostrophe(e) && possessiveS(e)
    }

    func isPronounI(_ at: Int) -> Bool {
        let hi = range.upperBound
        guard at < hi, text[at] == UInt8(ascii: "I") else { return false }
        return at + 1 >= hi || !Abbreviations.isLetter(text[at + 1])
    }

    private func isApostrophe(_ k: Int) -> Bool {
        let hi = range.upperBound
        if k < hi, text[k] == UInt8(ascii: "'") { return true }
        return k + 2 < hi && text[k] == 0xE2 && text[k + 1] == 0x80 && text[k + 2] == 0x99
    }

    private func possessiveS(_ k: Int) -> Bool {
        let hi = range.upperBound
        let s = text[k] == UInt8(ascii: "'") ? k + 1 : k + 3
        guard s < hi, text[s] == UInt8(ascii: "s") else { return false }
        return s + 1 >= hi || !Abbreviations.isLetter(text[s + 1])
    }

    /// Past closing quotes, brackets and superscript footnote digits after a terminator.
    func skipClosers(_ from: Int) -> Int {
        let hi = range.upperBound
        var k = from
        while k < hi {
            let c = text[k]
            switch c {
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                k += 1
            case 0xE2 where k + 2 < hi && text[k + 1] == 0x80 && (text[k + 2] == 0x9D || text[k + 2] == 0x99):
                k += 3  // ” ’
            case 0xE2 where k + 2 < hi && text[k + 1] == 0x81 && (text[k + 2] == 0xB0 || (0xB4...0xB9).contains(text[k + 2])):
                k += 3  // ⁰ ⁴-⁹
            case 0xC2 where k + 1 < hi && (text[k + 1] == 0xBB || text[k + 1] == 0xB9 || text[k + 1] == 0xB2 || text[k + 1] == 0xB3):
                k += 2  // » ¹ ² ³
            default:
                return k
            }
        }
        return k
    }

    /// Past opening quotes and brackets before a word.
    func skipOpeners(_ from: Int) -> Int {
        let hi = range.upperBound
        var k = from
        while k < hi {
            let c = text[k]
            if c == UInt8(ascii: "(") || c == UInt8(ascii: "[") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                k += 1
            } else if c == 0xE2, k + 2 < hi, text[k + 1] == 0x80, text[k + 2] == 0x9C || text[k + 2] == 0x98 {
                k += 3  // “ ‘
            } else if c == 0xC2, k + 1 < hi, text[k + 1] == 0xAB {
                k += 2  // «
            } else {
                break
            }
        }
        return min(k, hi - 1)
    }

    /// True when the word at `at` (openers skipped) starts with a lowercase letter.
    func startsLowercase(_ at: Int) -> Bool {
        guard at < range.upperBound else { return false }
        let k = skipOpeners(at)
        let c = text[k]
        if c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") { return true }
        if c == 0xC3, k + 1 < range.upperBound { return text[k + 1] >= 0x9F && text[k + 1] != 0xB7 }  // ß à-ÿ
        return false
    }

    func skipSpaces(_ from: Int) -> Int {
        var k = from
        while k < range.upperBound, Self.isSpace(text[k]) { k += 1 }
        return k
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
    }

    @inline(__always) static func isASCIIDigit(_ b: UInt8) -> Bool {
        b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
    }
}
