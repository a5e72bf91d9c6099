/// Writing a token: its normalised bytes, hash, classes and vocabulary id, in one pass over
/// its bytes.
extension Tokenizer {
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


    /// A symbol of one ASCII byte (a comma, a period): never a capital letter, so its own
    /// normal form. Inlined into `scan`, like `emitShortWord`.
    @inline(__always)
    static func emitByteSymbol(_ s: UnsafeBufferPointer<UInt8>, _ a: Int, _ kind: Kind, _ out: inout Sink) {
        let normStart = out.normCount, c = s[a]
        out.norm[normStart] = c
        out.normCount = normStart &+ 1
        let h = mix(hashSeed, UInt64(c))
        out.token(token(a, a &+ 1, symbolClasses(kind), h), normStart, prefix: UInt64(c))
    }

    static func emitSymbol(_ s: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ kind: Kind, _ out: inout Sink) {
        let normStart = out.normCount
        out.normCount = appendNormalised(s, a, b, out.norm, normStart)
        let h = hash(out.norm + normStart, out.normCount - normStart)
        let prefix = chunk(out.norm + normStart, out.normCount - normStart)
        out.token(token(a, b, symbolClasses(kind), h), normStart, prefix: prefix)
    }

    @inline(__always)
    static func symbolClasses(_ kind: Kind) -> TokenClasses {
        switch kind {
        case .currency: return .currency
        case .percent: return .percent
        default: return .punct
        }
    }

    /// Per byte value: 2 when it ends a word plainly (an ASCII byte but a hyphen, an
    /// apostrophe or a period), 1 for a period (plain unless after a single letter, as in
    /// U.S.), 0 otherwise; so `emitShortWord` tests the byte after a word with one load.
    nonisolated(unsafe) static let wordEnds: UnsafePointer<UInt8> = {
        let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for b in 0..<256 {
            t[b] = b >= 0x80 || b == Int(UInt8(ascii: "-")) || b == Int(UInt8(ascii: "'")) ? 0
                : b == Int(UInt8(ascii: ".")) ? 1 : 2
        }
        return UnsafePointer(t)
    }()

    /// The commonest word, written straight from one or two 8-byte loads: up to 15 ASCII
    /// letters and digits ended by a plain ASCII byte (not a hyphen, an apostrophe, nor the
    /// period of a one-letter abbreviation such as U.S.). Inlined into `scan`, so most words
    /// cost no call. nil for any other word, which `emitWord` takes.
    @inline(__always)
    static func emitShortWord(_ s: UnsafeBufferPointer<UInt8>, _ a: Int, _ out: inout Sink,
                              _ wordClasses: WordClasses.Table, _ wordEnds: UnsafePointer<UInt8>) -> Int? {
        guard a &+ 8 <= s.count else { return nil }
        let bytes = UnsafeRawPointer(s.baseAddress! + a), norm = UnsafeMutableRawPointer(out.norm + out.normCount)
        let x = bytes.loadUnaligned(as: UInt64.self)
        let (run, first) = asciiWordRun(x)
        var h = mix(hashSeed, first), length = run, next = x &>> UInt64(8 &* run) & 0xFF
        var x2: UInt64 = 0, run2 = 0  // the second 8 bytes of a longer word
        if run == 8 {
            guard a &+ 16 <= s.count else { return nil }
            x2 = bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            let second: UInt64
            (run2, second) = asciiWordRun(x2)
            guard run2 < 8 else { return nil }
            norm.storeBytes(of: second, toByteOffset: 8, as: UInt64.self)
            if run2 > 0 { h = mix(h, second) }
            length = 8 &+ run2
            next = x2 &>> UInt64(8 &* run2) & 0xFF
        }
        guard Int(wordEnds[Int(next)]) &+ min(length, 2) >= 3 else { return nil }
        if next == UInt64(UInt8(ascii: ".")), isInnerDecimal(s, a, a &+ length) { return nil }  // "EUR1.2bn"
        let normStart = out.normCount
        norm.storeBytes(of: first, as: UInt64.self)
        out.normCount = normStart &+ length
        var classes = TokenClasses.word
        if UInt8(truncatingIfNeeded: first) != bytes.load(as: UInt8.self) {  // lowercased: a capital
            classes.insert(.cap)
            let (lower1, capitals1) = letterCases(x, run), (lower2, capitals2) = letterCases(x2, run2)
            if !lower1 && !lower2 && capitals1 &+ capitals2 >= 2 { classes.insert(.code) }  // `isCode`
        }
        classes.formUnion(wordClasses.classes(h))
        out.token(token(a, a &+ length, classes, h), normStart, prefix: first)
        return a &+ length
    }

    /// For the run of `run` ASCII letters and digits at the bottom of `x`: whether one is a
    /// lowercase letter, and how many are capitals. Bit 5 of a letter, moved to its top bit,
    /// tells the two apart.
    @inline(__always)
    static func letterCases(_ x: UInt64, _ run: Int) -> (Bool, Int) {
        let ones: UInt64 = 0x0101_0101_0101_0101, top = 0x80 &* ones
        let y = x | 0x20 &* ones
        let inRun = run >= 8 ? top : ((1 &<< UInt64(8 &* run)) &- 1) & top
        let letter = (y &+ 0x1F &* ones) & ~(y &+ 0x05 &* ones) & inRun
        let small = x &<< 2 & top
        return (letter & small != 0, (letter & ~small).nonzeroBitCount)
    }

    /// A word starting with a letter at `a`, scanned exactly as `scanWord` does, but normalised
    /// and hashed in the same pass: words are most tokens, and this reads each byte once.
    /// Returns the word's end.
    static func emitWord(_ s: UnsafeBufferPointer<UInt8>, _ a: Int, _ out: inout Sink,
                         _ wordClasses: WordClasses.Table, _ wordBytes: UnsafePointer<UInt8>) -> Int {
        let n = s.count, bytes = UnsafeRawPointer(s.baseAddress!)
        // The write position in a local: stores through `out.norm` could alias `out`, so the
        // compiler would reload and store `out.normCount` on every byte.
        let normBase = out.norm, normStart = out.normCount
        var nc = normStart, h = hashSeed, hyphen = false, prefix: UInt64 = 0
        var i = a
        // Most words are one run of ASCII letters and digits: take it 8 bytes at a time, each
        // lowercased chunk stored whole (the buffer has 8 bytes of slack) and hashed as it is.
        while true {
            let x = i &+ 8 <= n ? bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) : chunk(bytes + i, n &- i)
            let (run, lower) = asciiWordRun(x)
            if run == 0 { break }
            UnsafeMutableRawPointer(normBase + nc).storeBytes(of: lower, as: UInt64.self)
            if nc == normStart { prefix = lower }
            nc &+= run
            i &+= run
            h = mix(h, lower)
            if run < 8 { break }
        }
        // The rest of a word that goes on past a hyphen, an apostrophe or a non-ASCII letter,
        // a byte or a scalar at a time; its hash is then taken over all its normalised bytes.
        if i < n, s[i] >= 0x80 || s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "'") || isInnerDecimal(s, a, i) {
            while i < n {
                let c = s[i]
                let l = wordBytes[Int(c)]
                if l != 0 {  // ASCII letter or digit
                    normBase[nc] = l
                    nc &+= 1
                    i &+= 1
                    continue
                }
                if isInnerDecimal(s, a, i) {
                    normBase[nc] = c
                    nc &+= 1
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
                nc = appendNormalised(s, i, i + len, normBase, nc)
                i += len
            }
            h = hash(normBase + normStart, nc - normStart)
            prefix = chunk(normBase + normStart, nc - normStart)
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
        finish(s, a, i, classes, h, prefix, hyphen: hyphen, normStart, &out, wordClasses)
        return i
    }

    /// Numbers, possessives and abbreviations: normalises and hashes `a..<b`, then classifies.
    static func emit(_ s: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ out: inout Sink,
                     numeric: Bool, _ wordClasses: WordClasses.Table) {
        let normStart = out.normCount
        // One pass over the bytes: normalise and note what the classes need (a non-ASCII run
        // goes through `appendNormalised` a scalar at a time), then hash the normal form.
        var hyphen = false, allDigits = true
        let normBase = out.norm
        var nc = out.normCount
        var i = a
        while i < b {
            let c = s[i]
            if c < 0x80 {
                let l = c &- 0x41 < 26 ? c | 0x20 : c
                // "4e14", "1.5e-3": the exponent of scientific notation (scanNumber keeps it
                // only before digits) is part of the number, its sign no hyphen.
                let exponent = numeric && i > a && (l == UInt8(ascii: "e")
                    || ((c == UInt8(ascii: "-") || c == UInt8(ascii: "+")) && s[i - 1] | 0x20 == UInt8(ascii: "e")))
                if c &- 0x30 > 9, !exponent {
                    if c == UInt8(ascii: "-") { hyphen = true }
                    // "1,000", "1.776", "10 000": grouping and decimal marks inside a number
                    if c != UInt8(ascii: ",") && c != UInt8(ascii: ".") && c != 0x20 { allDigits = false }
                }
                normBase[nc] = l
                nc += 1
                i += 1
                continue
            }
            var e = i + 1
            while e < b, s[e] & 0xC0 == 0x80 { e += 1 }  // the scalar's continuation bytes
            if !numeric || Tokenizer.groupSpaceWidth(s, i) != e - i { allDigits = false }   // "10 000" with a thin space
            nc = appendNormalised(s, i, e, normBase, nc)
            i = e
        }
        out.normCount = nc
        let h = hash(normBase + normStart, nc - normStart), prefix = chunk(normBase + normStart, nc - normStart)
        var classes: TokenClasses = []
        if numeric && allDigits {
            classes.insert(.num)
            if b - a == 4, isYear(s, a) { classes.insert(.year) }
            if isClock(s, a, b) { classes.insert(.clock) }
            out.token(token(a, b, classes, h), normStart, prefix: prefix)
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
        finish(s, a, b, classes, h, prefix, hyphen: hyphen, normStart, &out, wordClasses)
    }

    /// Adds the word-list classes to a word token's and writes it.
    @inline(__always)
    static func finish(_ s: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ classes: TokenClasses, _ h: UInt64,
                       _ prefix: UInt64, hyphen: Bool, _ normStart: Int, _ out: inout Sink, _ wordClasses: WordClasses.Table) {
        var classes = classes
        classes.formUnion(wordClasses.classes(h))
        if hyphen, !classes.contains(.spelled),
           wordClasses.spelledCompound(UnsafeBufferPointer(start: out.norm, count: out.normCount), normStart, out.normCount) {
            classes.insert(.spelled)
        }
        out.token(token(a, b, classes, h), normStart, prefix: prefix)
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
    /// "6", "11", "6.30", "12.05": a number that can be a time of day (see `TokenClasses.clock`).
    static func isClock(_ s: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
        var h = 0, k = a
        while k < b, k - a < 3, s[k] &- 0x30 < 10 { h = h * 10 + Int(s[k] &- 0x30); k += 1 }
        guard k > a, k - a <= 2, h <= 24 else { return false }
        if k == b { return true }
        guard b - k == 3, s[k] == UInt8(ascii: "."), s[k + 1] &- 0x30 < 6, s[k + 2] &- 0x30 < 10 else { return false }
        return true
    }

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

    // MARK: - Hash

    /// The hash of a normal form, shared by the tokenizer, the vocabulary and the word classes:
    /// its bytes as 8-byte little-endian chunks (the last one zero-padded), each folded in
    /// with one full-width multiply. A word of up to 8 bytes costs one multiply (FNV-1a took
    /// one per byte), and the tokenizer hashes the chunks it lowercases without storing them
    /// first. No token byte is zero, so the padding makes no two forms alike.
    static let hashSeed: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always)
    static func mix(_ h: UInt64, _ chunk: UInt64) -> UInt64 {
        let p = (h ^ chunk).multipliedFullWidth(by: 0xA076_1D64_78BD_642F)
        return p.high ^ p.low
    }

    /// The hash of the `n` bytes at `p`.
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        var h = hashSeed, k = 0
        while n - k > 8 {
            h = mix(h, raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
            k += 8
        }
        return mix(h, chunk(raw + k, n - k))
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 { hash(bytes[...]) }

    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBufferPointer { hash($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
    }

    /// The first `min(r, 8)` bytes at `p` as a little-endian chunk, zero above them, reading
    /// no byte past them.
    @inline(__always)
    static func chunk(_ p: UnsafeRawPointer, _ r: Int) -> UInt64 {
        if r >= 8 { return p.loadUnaligned(as: UInt64.self) }
        if r >= 4 {  // two overlapping loads: the shared bytes OR with themselves
            let hi = UInt64(p.loadUnaligned(fromByteOffset: r - 4, as: UInt32.self))
            return UInt64(p.loadUnaligned(as: UInt32.self)) | hi << (8 * (r - 4))
        }
        guard r > 0 else { return 0 }
        let b = p.assumingMemoryBound(to: UInt8.self)
        return UInt64(b[0]) | UInt64(b[r >> 1]) << (8 * (r >> 1)) | UInt64(b[r - 1]) << (8 * (r - 1))
    }

    /// How many of the chunk's bytes, from the lowest, are ASCII letters or digits, and those
    /// bytes lowercased (zero above them). Per byte, adding a constant sets the top bit from
    /// a given value on; no ASCII byte carries into the next, and a byte past a non-ASCII one
    /// is past the run anyway.
    @inline(__always)
    static func asciiWordRun(_ x: UInt64) -> (Int, UInt64) {
        let ones: UInt64 = 0x0101_0101_0101_0101, top = 0x80 &* ones
        let y = x | 0x20 &* ones  // lowercase for letters; digits already have this bit
        let letter = (y &+ 0x1F &* ones) & ~(y &+ 0x05 &* ones)  // y in 0x61...0x7A
        let digit = (x &+ 0x50 &* ones) & ~(x &+ 0x46 &* ones)  // x in 0x30...0x39
        let bad = ~((letter | digit) & ~x) & top
        // The lowest bad byte's top bit, moved to its bottom bit, less one: the run's bits.
        let runBits = ((bad & (0 &- bad)) &>> 7) &- 1
        return (bad.trailingZeroBitCount &>> 3, y & runBits)
    }
}
