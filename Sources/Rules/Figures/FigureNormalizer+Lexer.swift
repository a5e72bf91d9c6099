/// Cuts a sentence's UTF-8 bytes into the tokens FigureNormalizer reads.
///
/// Digits keep grouping commas ("1,200") and one decimal point ("1.776"); several dots
/// between three-digit groups are grouping too ("1.200.000"). A backslash is dropped so
/// that Markdown's escaped "\$" reads as "$". Letters outside ASCII stay inside words.
enum FigureLexer {
    static func tokens(_ b: UnsafeBufferPointer<UInt8>) -> [FigureToken] {
        var out: [FigureToken] = []
        out.reserveCapacity(b.count / 4 + 4)
        var i = 0
        var spaced = true
        let n = b.count
        while i < n {
            let c = b[i]
            let width = spaceWidth(b, i)
            if width > 0 { spaced = true; i += width; continue }
            if c == 0x5C { i += 1; continue }   // "\" of a Markdown escape
            let start = i
            var tok: FigureToken
            if isDigit(c) {
                let (end, mantissa, fraction) = number(b, i)
                tok = FigureToken(kind: .number, range: start..<end, spaced: spaced,
                                  mantissa: mantissa, fraction: fraction)
                i = end
            } else if let w = symbolWidth(b, i) {
                i += w
                tok = FigureToken(kind: .symbol, range: start..<i, spaced: spaced)
            } else if let w = dashWidth(b, i) {
                i += w
                tok = FigureToken(kind: .dash, range: start..<i, spaced: spaced)
            } else if isLetterStart(b, i) {
                i += utf8Width(c)
                // An apostrophe ends the word: "people's" is "people", "'", "s".
                while i < n {
                    if (b[i] | 0x20) &- 0x61 < 26 { i += 1; continue }   // an ASCII letter, the usual case
                    guard symbolWidth(b, i) == nil, isLetterStart(b, i) else { break }
                    i += utf8Width(b[i])
                }
                tok = FigureToken(kind: .word, range: start..<i, spaced: spaced)
            } else {
                i += max(1, min(utf8Width(c), n - i))
                tok = FigureToken(kind: .punct, range: start..<i, spaced: spaced)
            }
            out.append(tok)
            spaced = false
        }
        return out
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    static func utf8Width(_ c: UInt8) -> Int {
        c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
    }

    /// Digits with grouping and a decimal part; returns (end, mantissa, digits after point).
    static func number(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> (Int, UInt64, Int) {
        let n = b.count
        var mantissa: UInt64 = 0
        var dropped = 0
        var i = start
        // Digits are accumulated as they are read; beyond 19 digits the magnitude is kept.
        func run() -> Int {
            let s = i
            while i < n, isDigit(b[i]) {
                let (m, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (sum, o2) = m.addingReportingOverflow(UInt64(b[i] - 0x30))
                if o1 || o2 { dropped += 1 } else { mantissa = sum }
                i += 1
            }
            return i - s
        }
        let lead = run()
        // "10 000", "1 500 000": SI grouping by spaces, as the rules' tokenizer reads it.
        if lead <= 3 {
            while case let w = Tokenizer.groupSpaceWidth(b, i), w > 0, i + w + 2 < n, isDigit(b[i + w]),
                  isDigit(b[i + w + 1]), isDigit(b[i + w + 2]), !(i + w + 3 < n && isDigit(b[i + w + 3])),
                  !(i + w + 4 < n && (b[i + w + 3] == 0x2C || b[i + w + 3] == 0x2E) && isDigit(b[i + w + 4])) {
                i += w
                _ = run()
            }
        }
        // The digit runs after each dot: the first, the last, and whether all are three long.
        var dots = 0, firstGroup = 0, lastGroup = 0
        var allThree = true
        while i + 1 < n, isDigit(b[i + 1]) {
            if b[i] == 0x2C {
                // A grouping comma has exactly three digits after it.
                var k = i + 1
                while k < n, isDigit(b[k]) { k += 1 }
                guard k - (i + 1) == 3 else { break }
                i += 1; _ = run()
            } else if b[i] == 0x2E {
                i += 1; dots += 1
                lastGroup = run()
                if dots == 1 { firstGroup = lastGroup }
                if lastGroup != 3 { allThree = false }
            } else {
                break
            }
        }
        // One dot: decimal point. Several dots each before three digits: grouping.
        var fraction = 0
        if dots == 1 { fraction = firstGroup }
        if dots > 1, !allThree { fraction = lastGroup }
        return (i, mantissa, fraction - dropped)
    }

    static func isLetterStart(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        if (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) { return true }
        if c < 0xC0 { return false }
        if c == 0xC2 { return false }                           // Latin-1 punctuation, £ ¥, NBSP
        if c == 0xC3, i + 1 < b.count, b[i + 1] == 0x97 || b[i + 1] == 0xB7 { return false } // × ÷
        if c == 0xE2 { return false }                           // punctuation, currency, maths
        return true
    }

    /// Whitespace, NBSP, the U+2000 spaces, narrow NBSP, zero width space.
    static func spaceWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c == 0x20 || (c >= 0x09 && c <= 0x0D) { return 1 }
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80,
           b[i + 2] <= 0x8B || b[i + 2] == 0xAF { return 3 }
        return 0
    }

    /// "-", en and em dash, minus sign, Unicode hyphens.
    static func dashWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        if b[i] == 0x2D { return 1 }
        guard b[i] == 0xE2, i + 2 < b.count else { return nil }
        if b[i + 1] == 0x80, (0x90...0x94).contains(b[i + 2]) { return 3 }
        if b[i + 1] == 0x88, b[i + 2] == 0x92 { return 3 }
        return nil
    }

    /// $ % + ~, £ ¥, and the currency symbols block U+20A0-U+20CF (€ ₽ ₹ ₴ ₩ ₺ ₪ ...).
    static func symbolWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        switch b[i] {
        case 0x24, 0x25, 0x2B, 0x7E: return 1
        case 0xC2 where i + 1 < b.count && (b[i + 1] == 0xA3 || b[i + 1] == 0xA5): return 2
        case 0xE0 where i + 2 < b.count && b[i + 1] == 0xB8 && b[i + 2] == 0xBF: return 3  // ฿
        case 0xE2 where i + 2 < b.count && b[i + 1] == 0x82 && b[i + 2] >= 0xA0: return 3
        default: return nil
        }
    }
}
