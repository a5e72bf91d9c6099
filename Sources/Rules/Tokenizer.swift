/// Splits a sentence's UTF-8 bytes into tokens: words (hyphenated words, abbreviations such as
/// U.S. and ordinals such as 75th stay whole; a possessive 's is its own token), numbers
/// (1,000 / 1.776 / 23.5), the percent sign, currency symbols, and single punctuation marks.
/// Works on bytes with ASCII fast paths; non-ASCII code points are decoded only to classify them.
/// The normalised form of each token (lowercase, ’ as ') is appended to `norm` so that
/// vocabulary look-ups compare bytes without allocating.
public enum Tokenizer {
    public static func tokenize(_ s: UnsafeBufferPointer<UInt8>, into tokens: inout [Token],
                                norm: inout [UInt8], normRanges: inout [Range<Int>]) {
        // A sentence of n bytes has at most n tokens and at most n normalised bytes: size the
        // buffers once, write through pointers, then trim to what was written.
        let n = s.count
        if tokens.count < n { tokens += repeatElement(Token(start: 0, end: 0, classes: [], id: -1, hash: 0), count: n - tokens.count) }
        if norm.count < n { norm += repeatElement(0, count: n - norm.count) }
        if normRanges.count < n { normRanges += repeatElement(0..<0, count: n - normRanges.count) }
        var written = (tokens: 0, norm: 0)
        tokens.withUnsafeMutableBufferPointer { t in
            norm.withUnsafeMutableBufferPointer { b in
                normRanges.withUnsafeMutableBufferPointer { r in
                    var out = Sink(tokens: t.baseAddress!, norm: b.baseAddress!, ranges: r.baseAddress!)
                    scan(s, &out)
                    written = (out.tokenCount, out.normCount)
                }
            }
        }
        tokens.removeLast(tokens.count - written.tokens)
        normRanges.removeLast(normRanges.count - written.tokens)
        norm.removeLast(norm.count - written.norm)
    }

    /// `prepare`'s path: the tokens of `s`, each with its vocabulary id, replace the contents
    /// of `tokens`. They are written into `scratch`, which only grows (so a sentence costs no
    /// re-initialisation), then copied out in one bulk append.
    static func tokenize(_ s: UnsafeBufferPointer<UInt8>, vocabulary: Vocabulary, into tokens: inout [Token],
                         scratch: inout Scratch) {
        tokens.removeAll(keepingCapacity: true)
        guard !s.isEmpty else { return }
        scratch.reserve(s.count)
        scratch.tokens.withUnsafeMutableBufferPointer { t in
            var count = 0
            scratch.norm.withUnsafeMutableBufferPointer { b in
                vocabulary.withProbe { probe in
                    var out = Sink(tokens: t.baseAddress!, norm: b.baseAddress!, ranges: nil, vocabulary: probe)
                    scan(s, &out)
                    count = out.tokenCount
                }
            }
            tokens.append(contentsOf: UnsafeBufferPointer(rebasing: t[..<count]))
        }
    }

    /// Working memory of `tokenize(_:vocabulary:into:scratch:)`, sized to the longest sentence
    /// seen (a sentence of n bytes has at most n tokens and n normalised bytes).
    struct Scratch {
        var tokens: [Token] = []
        var norm: [UInt8] = []

        mutating func reserve(_ n: Int) {
            guard tokens.count < n else { return }
            let size = max(n, 2 * tokens.count)
            tokens = Array(repeating: Token(start: 0, end: 0, classes: [], id: -1, hash: 0), count: size)
            norm = Array(repeating: 0, count: size)
        }
    }

    /// Where `scan` writes: tokens, their normalised bytes and, when kept, each token's range of
    /// them. With a vocabulary, each token gets its id as it is written, while its bytes are hot.
    struct Sink {
        let tokens: UnsafeMutablePointer<Token>
        let norm: UnsafeMutablePointer<UInt8>
        let ranges: UnsafeMutablePointer<Range<Int>>?
        let vocabulary: Vocabulary.Probe?
        var tokenCount = 0
        var normCount = 0

        init(tokens: UnsafeMutablePointer<Token>, norm: UnsafeMutablePointer<UInt8>,
             ranges: UnsafeMutablePointer<Range<Int>>?, vocabulary: Vocabulary.Probe? = nil) {
            self.tokens = tokens
            self.norm = norm
            self.ranges = ranges
            self.vocabulary = vocabulary
        }

        @inline(__always) mutating func token(_ t: Token, _ normStart: Int) {
            var t = t
            if let v = vocabulary { t.id = v.lookup(t.hash, norm + normStart, normCount - normStart) }
            tokens[tokenCount] = t
            if let r = ranges { r[tokenCount] = normStart..<normCount }
            tokenCount += 1
        }
    }

    private static func scan(_ s: UnsafeBufferPointer<UInt8>, _ out: inout Sink) {
        guard !s.isEmpty else { return }
        let n = s.count
        let wordClasses = WordClasses.table, wordBytes = Tokenizer.wordBytes
        var i = 0
        while i < n {
            // The commonest bytes without `classify`: a space, an ASCII letter starting a word.
            let c = s[i]
            if c == 0x20 { i += 1; continue }
            if (c | 0x20) &- 0x61 < 26 { i = emitWord(s, i, &out, wordClasses, wordBytes); continue }
            let (kind, len) = classify(s, i)
            switch kind {
            case .space:
                i += len
            case .letter:
                i = emitWord(s, i, &out, wordClasses, wordBytes)
            case .digit:
                let end = scanNumber(s, i)
                emit(s, i, end, &out, numeric: true, wordClasses)
                i = end
            case .apostrophe where isPossessive(s, i + len):
                let end = i + len + 1
                emit(s, i, end, &out, numeric: false, wordClasses)
                i = end
            case .currency, .percent, .punct, .apostrophe:
                emitSymbol(s, i, i + len, kind, &out)
                i += len
            }
        }
    }

    /// Convenience for tests and `explain`: tokens with their normalised forms.
    public static func tokenize(_ bytes: [UInt8]) -> [(token: Token, norm: String)] {
        var tokens: [Token] = [], norm: [UInt8] = [], ranges: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { tokenize($0, into: &tokens, norm: &norm, normRanges: &ranges) }
        return zip(tokens, ranges).map { ($0, String(decoding: norm[$1], as: UTF8.self)) }
    }

    // MARK: - Character classes

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
        case 0x20AC, 0xA3, 0xA5, 0x20BD: return (.currency, len)
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
            if k == .apostrophe, !isPossessive(s, i + len), isLetter(s, i + len) { i += len; continue }
            break
        }
        return i
    }

    /// Letter '.' letter '.' at `i`: the start of an abbreviation (U.S., e.g.).
    @inline(__always)
    static func isAbbreviation(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        s[i] < 0x80 && i + 3 < s.count && s[i + 1] == UInt8(ascii: ".") && s[i + 2] < 0x80
            && isLetter(s, i + 2) && s[i + 3] == UInt8(ascii: ".")
    }

    /// A number (digits, `,ddd` groups, one decimal part), or a number glued to a word:
    /// an ordinal (75th) or a hyphenated compound (7000-word) stays one token.
    static func scanNumber(_ s: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        let n = s.count
        func digit(_ k: Int) -> Bool { k < n && s[k] >= 0x30 && s[k] <= 0x39 }
        var i = start
        while digit(i) { i += 1 }
        while i < n, s[i] == UInt8(ascii: ","),
              digit(i + 1), digit(i + 2), digit(i + 3), !digit(i + 4) { i += 4 }
        if i < n, s[i] == UInt8(ascii: "."), digit(i + 1) {
            i += 1
            while digit(i) { i += 1 }
        }
        if i + 1 < n, s[i] == UInt8(ascii: "-"), isLetter(s, i + 1) { return scanWord(s, i + 1) }
        if i + 2 <= n, isOrdinalSuffix(s, i), !isWordChar(s, i + 2) { return i + 2 }
        return i
    }

    static func isOrdinalSuffix(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i + 1 < s.count else { return false }
        let a = s[i] | 0x20, b = s[i + 1] | 0x20
        return (a == UInt8(ascii: "s") && b == UInt8(ascii: "t")) || (a == UInt8(ascii: "n") && b == UInt8(ascii: "d"))
            || (a == UInt8(ascii: "r") && b == UInt8(ascii: "d")) || (a == UInt8(ascii: "t") && b == UInt8(ascii: "h"))
    }

    // MARK: - Emitting

    /// Per byte value: the lowercase form of an ASCII letter or digit, 0 for any other byte, so
    /// the word loop tests and lowercases a byte with one load. Allocated once, never freed.
    nonisolated(unsafe) static let wordBytes: UnsafePointer<UInt8> = {
        let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for b in 0..<256 {
            let c = UInt8(b)
            t[b] = c &- 0x41 < 26 ? c | 0x20 : c &- 0x61 < 26 || c &- 0x30 < 10 ? c : 0
        }
        return UnsafePointer(t)
    }()

    static let fnvBasis: UInt64 = 0xcbf29ce484222325
    static let fnvPrime: UInt64 = 0x100000001b3

    static func emitSymbol(_ s: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ kind: Kind, _ out: inout Sink) {
        let classes: TokenClasses
        switch kind {
        case .currency: classes = .currency
        case .percent: classes = .percent
        default: classes = .punct
        }
        let normStart = out.normCount
        let h: UInt64
        if b - a == 1 {  // one byte, never a capital letter: its own normal form
            out.norm[normStart] = s[a]
            out.normCount = normStart + 1
            h = (fnvBasis ^ UInt64(s[a])) &* fnvPrime
        } else {
            out.normCount = appendNormalised(s, a, b, out.norm, normStart)
            h = fnv(UnsafeBufferPointer(start: out.norm, count: out.normCount), normStart, out.normCount)
        }
        out.token(token(a, b, classes, h), normStart)
    }

    /// A word starting with a letter at `a`, scanned exactly as `scanWord` does, but normalised
    /// and hashed in the same pass: words are most tokens, and this reads each byte once.
    /// Returns the word's end.
    static func emitWord(_ s: UnsafeBufferPointer<UInt8>, _ a: Int, _ out: inout Sink,
                         _ wordClasses: WordClasses.Table, _ wordBytes: UnsafePointer<UInt8>) -> Int {
        let n = s.count
        // The write position in a local: stores through `out.norm` could alias `out`, so the
        // compiler would reload and store `out.normCount` on every byte.
        let normBase = out.norm, normStart = out.normCount
        var nc = normStart, h = fnvBasis, hyphen = false
        var i = a
        while i < n {
            let c = s[i]
            let l = wordBytes[Int(c)]
            if l != 0 {  // ASCII letter or digit
                normBase[nc] = l
                nc &+= 1
                h = (h ^ UInt64(l)) &* fnvPrime
                i &+= 1
                continue
            }
            // Most words end at an ASCII space or punctuation mark: no need to classify it.
            if c < 0x80 && c != UInt8(ascii: "-") && c != UInt8(ascii: "'") { break }
            let (k, len) = classify(s, i)
            if c == UInt8(ascii: "-") {
                guard isWordChar(s, i + 1) else { break }
                hyphen = true
            } else if k == .apostrophe {
                guard !isPossessive(s, i + len), isLetter(s, i + len) else { break }
            } else if k != .letter && k != .digit {
                break
            }
            let from = nc
            nc = appendNormalised(s, i, i + len, normBase, nc)
            for k in from..<nc { h = (h ^ UInt64(normBase[k])) &* fnvPrime }
            i += len
        }
        // One letter and a period: perhaps an abbreviation (U.S.), which `scanWord` scans.
        if i == a + 1, i < n, s[i] == UInt8(ascii: "."), isAbbreviation(s, a) {
            let end = scanWord(s, a)
            emit(s, a, end, &out, numeric: false, wordClasses)
            return end
        }
        out.normCount = nc
        // No array literals for the option sets here: one the optimiser keeps costs an allocation.
        var classes = TokenClasses.word
        if hyphen { classes.insert(.hyphenated) }
        if s[a] &- 0x41 < 26 {
            classes.insert(.cap)
            if isCode(s, a, i) { classes.insert(.code) }
        }
        finish(s, a, i, classes, h, hyphen: hyphen, normStart, &out, wordClasses)
        return i
    }

    /// Numbers, possessives and abbreviations: normalises and hashes `a..<b`, then classifies.
    static func emit(_ s: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ out: inout Sink,
                     numeric: Bool, _ wordClasses: WordClasses.Table) {
        let normStart = out.normCount
        // One pass over the bytes: normalise, hash and note what the classes need. A
        // non-ASCII run goes through `appendNormalised` a scalar at a time.
        var h = fnvBasis
        var hyphen = false, allDigits = true
        let normBase = out.norm
        var nc = out.normCount
        var i = a
        while i < b {
            let c = s[i]
            if c < 0x80 {
                let l = c &- 0x41 < 26 ? c | 0x20 : c
                if c &- 0x30 > 9 {
                    if c == UInt8(ascii: "-") { hyphen = true }
                    if c != UInt8(ascii: ",") && c != UInt8(ascii: ".") { allDigits = false }
                }
                normBase[nc] = l
                nc += 1
                h = (h ^ UInt64(l)) &* fnvPrime
                i += 1
                continue
            }
            var e = i + 1
            while e < b, s[e] & 0xC0 == 0x80 { e += 1 }  // the scalar's continuation bytes
            allDigits = false
            let from = nc
            nc = appendNormalised(s, i, e, normBase, nc)
            for k in from..<nc { h = (h ^ UInt64(normBase[k])) &* fnvPrime }
            i = e
        }
        out.normCount = nc
        var classes: TokenClasses = []
        if numeric && allDigits {
            classes.insert(.num)
            if b - a == 4, isYear(s, a) { classes.insert(.year) }
            out.token(token(a, b, classes, h), normStart)
            return
        }
        classes.insert(.word)
        if numeric {
            if hyphen { classes.formUnion(TokenClasses.num.union(.hyphenated)) } else { classes.insert(.ordinal) }
        } else {
            if hyphen { classes.insert(.hyphenated) }
            if s[a] &- 0x41 < 26 {
                classes.insert(.cap)
                if isCode(s, a, b) { classes.insert(.code) }
            }
        }
        finish(s, a, b, classes, h, hyphen: hyphen, normStart, &out, wordClasses)
    }

    /// Adds the word-list classes to a word token's and writes it.
    @inline(__always)
    static func finish(_ s: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ classes: TokenClasses, _ h: UInt64,
                       hyphen: Bool, _ normStart: Int, _ out: inout Sink, _ wordClasses: WordClasses.Table) {
        var classes = classes
        classes.formUnion(wordClasses.classes(h))
        if hyphen, !classes.contains(.spelled),
           wordClasses.spelledCompound(UnsafeBufferPointer(start: out.norm, count: out.normCount), normStart, out.normCount) {
            classes.insert(.spelled)
        }
        out.token(token(a, b, classes, h), normStart)
    }

    /// An acronym such as NATO (the caller saw a capital at `a`): at least two ASCII capitals,
    /// no lowercase or non-ASCII letter, and not an abbreviation such as U.S.
    static func isCode(_ s: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
        guard b - a >= 2, s[a + 1] != UInt8(ascii: ".") else { return false }
        var upper = 0
        for k in a..<b {
            let c = s[k]
            if c >= 0x80 || c &- 0x61 < 26 { return false }
            if c &- 0x41 < 26 { upper += 1 }
        }
        return upper >= 2
    }

    /// A sentence is far below 2 GB, so its offsets fit Int32 unchecked.
    @inline(__always)
    static func token(_ a: Int, _ b: Int, _ classes: TokenClasses, _ h: UInt64) -> Token {
        Token(start: Int32(truncatingIfNeeded: a), end: Int32(truncatingIfNeeded: b), classes: classes, id: -1, hash: h)
    }

    /// Four digits at `a` from 1800 to 2100 (a separator such as in 1.25 is no year).
    @inline(__always)
    static func isYear(_ s: UnsafeBufferPointer<UInt8>, _ a: Int) -> Bool {
        var y = 0
        for k in a..<a + 4 {
            let d = Int(s[k]) &- 0x30
            guard d >= 0, d <= 9 else { return false }
            y = y * 10 + d
        }
        return y >= 1800 && y <= 2100
    }

    /// Lowercases ASCII, Latin-1 and basic Cyrillic capitals and maps ’ to ', byte by byte,
    /// writing at `norm + nc`; returns the new write position.
    @inline(__always)
    static func appendNormalised(_ s: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int,
                                 _ norm: UnsafeMutablePointer<UInt8>, _ nc: Int) -> Int {
        var nc = nc
        @inline(__always) func byte(_ c: UInt8) { norm[nc] = c; nc += 1 }
        var i = a
        while i < b {
            let c = s[i]
            if c < 0x80 {
                byte(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
                i += 1
                continue
            }
            if i + 1 < b {
                let d = s[i + 1]
                if c == 0xC3, d >= 0x80, d <= 0x9E, d != 0x97 { byte(c); byte(d + 0x20); i += 2; continue }
                if c == 0xD0, d >= 0x90, d <= 0x9F { byte(0xD0); byte(d + 0x20); i += 2; continue }
                if c == 0xD0, d >= 0xA0, d <= 0xAF { byte(0xD1); byte(d - 0x20); i += 2; continue }
                if c == 0xD0, d >= 0x80, d <= 0x8F { byte(0xD1); byte(d + 0x10); i += 2; continue }
            }
            if c == 0xE2, i + 2 < b, s[i + 1] == 0x80, s[i + 2] == 0x99 { byte(UInt8(ascii: "'")); i += 3; continue }
            byte(c)
            i += 1
        }
        return nc
    }

    @inline(__always)
    static func fnv(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> UInt64 {
        var h = fnvBasis
        for k in a..<b { h = (h ^ UInt64(bytes[k])) &* fnvPrime }
        return h
    }

    static func fnv<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h = fnvBasis
        for c in bytes { h = (h ^ UInt64(c)) &* fnvPrime }
        return h
    }
}
