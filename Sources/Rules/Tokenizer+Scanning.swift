/// The tokenizer's byte classes and scanners: where a word, a number or an abbreviation
/// ends. Non-ASCII code points are decoded only to classify them.
extension Tokenizer {
    enum Kind { case space, letter, digit, apostrophe, currency, percent, punct }

    /// Kind and byte length of the code point at `i`. Invalid UTF-8 is one punctuation byte.
    @inline(__always)
    static func classify(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Kind, Int) {
        let b = s[i]
        if b < 0x80 {
            switch b {
            case 0x41...0x5A, 0x61...0x7A: return (.letter, 1)
            case 0x30...0x39: return (.digit, 1)
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return (.space, 1)
            case UInt8(ascii: "'"): return (.apostrophe, 1)
            case UInt8(ascii: "$"): return (.currency, 1)
            case UInt8(ascii: "%"): return (.percent, 1)
            default: return b < 0x20 ? (.space, 1) : (.punct, 1)
            }
        }
        let (cp, len) = decode(s, i)
        guard len > 0 else { return (.punct, 1) }
        switch cp {
        case 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return (.space, len)
        case 0x2019: return (.apostrophe, len)
        // € £ ¥ ₽ and the rest of the currency symbols block (₴ ₹ ₩ ₺ ₪ ...), and ฿.
        case 0x20A0...0x20CF, 0xA3, 0xA5, 0x0E3F: return (.currency, len)
        case 0xA1...0xBF, 0xD7, 0xF7, 0x2010...0x206F, 0x2190...0x2BFF, 0x3001...0x303F:
            return (.punct, len)
        default: return (.letter, len)
        }
    }

    /// Decodes one UTF-8 scalar; length 0 when the bytes are not valid UTF-8.
    @inline(__always)
    static func decode(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b = s[i], n = s.count
        func cont(_ k: Int) -> UInt32? {
            i + k < n && s[i + k] & 0xC0 == 0x80 ? UInt32(s[i + k] & 0x3F) : nil
        }
        if b & 0xE0 == 0xC0, let c1 = cont(1) { return ((UInt32(b & 0x1F) << 6) | c1, 2) }
        if b & 0xF0 == 0xE0, let c1 = cont(1), let c2 = cont(2) {
            return ((UInt32(b & 0x0F) << 12) | (c1 << 6) | c2, 3)
        }
        if b & 0xF8 == 0xF0, let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) {
            return ((UInt32(b & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3, 4)
        }
        return (0, 0)
    }

    @inline(__always)
    static func isWordChar(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i < s.count else { return false }
        let k = classify(s, i).0
        return k == .letter || k == .digit
    }

    @inline(__always)
    static func isLetter(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i < s.count && classify(s, i).0 == .letter
    }

    /// `'s` or `’s` followed by a non-letter: the possessive, split off as its own token.
    static func isPossessive(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i < s.count && (s[i] == UInt8(ascii: "s") || s[i] == UInt8(ascii: "S")) && !isWordChar(s, i + 1)
    }

    // MARK: - Scanners

    /// A word: letters and digits, joined through inner hyphens and apostrophes (not a
    /// possessive), or an abbreviation of single letters and periods (U.S., e.g.).
    static func scanWord(_ s: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        let n = s.count
        var i = start
        if isAbbreviation(s, i) {
            i += 4
            while i + 1 < n, s[i] < 0x80, isLetter(s, i), s[i + 1] == UInt8(ascii: ".") { i += 2 }
            return i
        }
        while i < n {
            let c = s[i]
            if (c | 0x20) &- 0x61 < 26 || c &- 0x30 < 10 { i += 1; continue }  // ASCII letter or digit
            let (k, len) = classify(s, i)
            if k == .letter || k == .digit { i += len; continue }
            if s[i] == UInt8(ascii: "-"), isWordChar(s, i + 1) { i += 1; continue }
            // A decimal point between digits stays inside the word ("EUR1.2bn", "v2.5"):
            // cut there, the word's tail ("2bn") would read as a figure of 2 billion.
            if isInnerDecimal(s, start, i) { i += 1; continue }
            if k == .apostrophe, !isPossessive(s, i + len), isLetter(s, i + len) { i += len; continue }
            break
        }
        return i
    }

    /// A period at `i` between two digits of the word that starts at `start`.
    @inline(__always)
    static func isInnerDecimal(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ i: Int) -> Bool {
        s[i] == UInt8(ascii: ".") && i > start && s[i - 1] &- 0x30 < 10 && i + 1 < s.count && s[i + 1] &- 0x30 < 10
    }

    /// Letter '.' letter '.' at `i`: the start of an abbreviation (U.S., e.g.).
    @inline(__always)
    static func isAbbreviation(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        s[i] < 0x80 && i + 3 < s.count && s[i + 1] == UInt8(ascii: ".") && s[i + 2] < 0x80
            && isLetter(s, i + 2) && s[i + 3] == UInt8(ascii: ".")
    }

    /// A number (digits, `,ddd` groups or two or more `.ddd` groups, one decimal part), or a
    /// number glued to a word:
    /// an ordinal (75th) or a hyphenated compound (7000-word) stays one token.
    static func scanNumber(_ s: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        let n = s.count
        func digit(_ k: Int) -> Bool { k < n && s[k] >= 0x30 && s[k] <= 0x39 }
        var i = start
        while digit(i) { i += 1 }
        let lead = i - start
        while i < n, s[i] == UInt8(ascii: ","),
              digit(i + 1), digit(i + 2), digit(i + 3), !digit(i + 4) { i += 4 }
        // "10 000", "1 500 000" (SI style): a space, no-break or thin space before exactly
        // three digits groups thousands after a first group of one to three digits.
        if i - start == lead, lead <= 3 {
            while case let w = groupSpaceWidth(s, i), w > 0, digit(i + w), digit(i + w + 1), digit(i + w + 2),
                  !digit(i + w + 3), !(i + w + 4 < n && (s[i + w + 3] == UInt8(ascii: ",") || s[i + w + 3] == UInt8(ascii: ".")) && digit(i + w + 4)) {
                i += w + 3
            }
        }
        // "1.200.000": two or more dots each before exactly three digits group thousands.
        var k = i, groups = 0
        while k < n, s[k] == UInt8(ascii: "."), digit(k + 1), digit(k + 2), digit(k + 3), !digit(k + 4) {
            k += 4; groups += 1
        }
        if groups >= 2 { i = k }
        if i < n, s[i] == UInt8(ascii: "."), digit(i + 1) {
            i += 1
            while digit(i) { i += 1 }
        }
        // Scientific notation ("4e14", "1.5e-3", "9.83E+2"): the exponent stays in the number
        // token when digits follow the `e` and no letter follows them ("3e5km" still splits
        // at the unit, "2nd" and "7e" are not numbers).
        if i < n, s[i] | 0x20 == UInt8(ascii: "e") {
            var k = i + 1
            if k < n, s[k] == UInt8(ascii: "-") || s[k] == UInt8(ascii: "+") { k += 1 }
            if digit(k) {
                while digit(k) { k += 1 }
                if !(k < n && isLetter(s, k)) { i = k }
            }
        }
        if i + 1 < n, s[i] == UInt8(ascii: "-"), isLetter(s, i + 1) { return scanWord(s, i + 1) }
        if i + 2 <= n, isOrdinalSuffix(s, i), !isWordChar(s, i + 2) { return i + 2 }
        return i
    }

    /// A space that groups digits: " ", no-break space, thin space, narrow no-break space.
    static func groupSpaceWidth(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        guard i < s.count else { return 0 }
        if s[i] == 0x20 { return 1 }
        if s[i] == 0xC2, i + 1 < s.count, s[i + 1] == 0xA0 { return 2 }
        if s[i] == 0xE2, i + 2 < s.count, s[i + 1] == 0x80, s[i + 2] == 0x89 || s[i + 2] == 0xAF { return 3 }
        return 0
    }

    static func isOrdinalSuffix(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i + 1 < s.count else { return false }
        let a = s[i] | 0x20, b = s[i + 1] | 0x20
        return (a == UInt8(ascii: "s") && b == UInt8(ascii: "t")) || (a == UInt8(ascii: "n") && b == UInt8(ascii: "d"))
            || (a == UInt8(ascii: "r") && b == UInt8(ascii: "d")) || (a == UInt8(ascii: "t") && b == UInt8(ascii: "h"))
    }
}
