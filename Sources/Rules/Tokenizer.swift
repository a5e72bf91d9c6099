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
        // buffers once, write through pointers, then trim to what was written. `emitWord`
        // stores normalised bytes 8 at a time, so `norm` has 8 bytes of slack.
        let n = s.count
        if tokens.count < n { tokens += repeatElement(Token(start: 0, end: 0, classes: [], id: -1, hash: 0), count: n - tokens.count) }
        if norm.count < n + 8 { norm += repeatElement(0, count: n + 8 - norm.count) }
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

    /// The lexicon loader's path: as `tokenize(_:into:norm:normRanges:)`, into `scratch`,
    /// which only grows; returns the token count (`scratch.tokens[..<count]`, each with its
    /// normalised bytes `scratch.norm[scratch.ranges[k]]`). The lexicons are 16,000 short
    /// lines read at every start, and sizing three arrays up to each line's length and
    /// trimming them back cost more than tokenising it (19 M of 31 M instructions).
    static func tokenize(_ s: UnsafeBufferPointer<UInt8>, scratch: inout LineScratch) -> Int {
        guard !s.isEmpty else { return 0 }
        scratch.reserve(s.count)
        var count = 0
        scratch.tokens.withUnsafeMutableBufferPointer { t in
            scratch.norm.withUnsafeMutableBufferPointer { b in
                scratch.ranges.withUnsafeMutableBufferPointer { r in
                    var out = Sink(tokens: t.baseAddress!, norm: b.baseAddress!, ranges: r.baseAddress!)
                    scan(s, &out)
                    count = out.tokenCount
                }
            }
        }
        return count
    }

    /// Working memory of `tokenize(_:scratch:)`: as `Scratch`, with each token's range of
    /// normalised bytes.
    struct LineScratch {
        var tokens: [Token] = []
        var norm: [UInt8] = []
        var ranges: [Range<Int>] = []

        mutating func reserve(_ n: Int) {
            guard tokens.count < n else { return }
            let size = max(n, 2 * tokens.count)
            tokens = Array(repeating: Token(start: 0, end: 0, classes: [], id: -1, hash: 0), count: size)
            norm = Array(repeating: 0, count: size + 8)
            ranges = Array(repeating: 0..<0, count: size)
        }
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
    /// seen (a sentence of n bytes has at most n tokens and n normalised bytes, plus the 8
    /// bytes of slack `emitWord` needs).
    struct Scratch {
        var tokens: [Token] = []
        var norm: [UInt8] = []

        mutating func reserve(_ n: Int) {
            guard tokens.count < n else { return }
            let size = max(n, 2 * tokens.count)
            tokens = Array(repeating: Token(start: 0, end: 0, classes: [], id: -1, hash: 0), count: size)
            norm = Array(repeating: 0, count: size + 8)
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

        /// `prefix`: the token's first 8 normalised bytes as `Tokenizer.chunk` reads them.
        @inline(__always) mutating func token(_ t: Token, _ normStart: Int, prefix: UInt64) {
            var t = t
            if let v = vocabulary { t.id = v.lookup(t.hash, prefix, norm + normStart, normCount &- normStart) }
            tokens[tokenCount] = t
            if let r = ranges { r[tokenCount] = normStart..<normCount }
            tokenCount &+= 1
        }
    }

    private static func scan(_ s: UnsafeBufferPointer<UInt8>, _ out: inout Sink) {
        guard !s.isEmpty else { return }
        let n = s.count
        let wordClasses = WordClasses.table, wordBytes = Tokenizer.wordBytes, wordEnds = Tokenizer.wordEnds
        var i = 0
        while i < n {
            // The commonest bytes without `classify`: a space, an ASCII letter starting a word.
            let c = s[i]
            if c == 0x20 { i += 1; continue }
            // "R1 trillion", "R500m": the rand's letter glued to an amount is a token of its
            // own (a word "R"), so that a rule can read the number after it.
            // "8x2^10", "3x10^8": an "x" between digits is a multiplication sign of its own.
            if c == UInt8(ascii: "x"), i > 0, i + 1 < n, s[i - 1] &- 0x30 < 10, s[i + 1] &- 0x30 < 10 {
                emit(s, i, i + 1, &out, numeric: false, wordClasses)
                i += 1
                continue
            }
            // "R2P" stays a word: the number must end the token.
            if c == UInt8(ascii: "R"), i + 1 < n, s[i + 1] &- 0x30 < 10, i == 0 || !isWordChar(s, i - 1),
               !isLetter(s, scanNumber(s, i + 1)) {
                emit(s, i, i + 1, &out, numeric: false, wordClasses)
                i += 1
                continue
            }
            if (c | 0x20) &- 0x61 < 26 {
                i = emitShortWord(s, i, &out, wordClasses, wordEnds) ?? emitWord(s, i, &out, wordClasses, wordBytes)
                continue
            }
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
                if c < 0x80 { emitByteSymbol(s, i, kind, &out) } else { emitSymbol(s, i, i + len, kind, &out) }
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
}
