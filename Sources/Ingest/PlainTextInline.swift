/// Receives the bytes inline-markup removal keeps, each with its true source offset.
protocol PlainTextSink {
    mutating func put(_ byte: UInt8, source: Int)
    /// A run copied from `src[range]`: plain bytes (no markup, no whitespace) and single
    /// spaces between them, which whitespace collapsing would keep as they are.
    mutating func putRun(_ src: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
}

extension PlainTextSink {
    mutating func putRun(_ src: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        for i in range { put(src[i], source: i) }
    }
}

extension DocumentBuilder: PlainTextSink {
    mutating func put(_ byte: UInt8, source: Int) { append(byte, source: source) }
    mutating func putRun(_ src: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) { appendRun(src, range) }
}

/// Removes inline Markdown-ish markup from a source span: `[text](url)` keeps `text`, tags
/// such as `<sup>` go (their content stays), emphasis `*`/`_` runs go, backslash escapes
/// are unescaped. Every decision looks only at nearby bytes, so a slice taken from the
/// middle of a line (a sentence's source range) strips the same way as the whole line.
enum PlainTextInline {
    static func strip<S: PlainTextSink>(_ src: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into sink: inout S) {
        var i = range.lowerBound
        let hi = range.upperBound
        while i < hi {
            let b = src[i]
            if isPlain(b) {
                // most bytes are plain text: hand them over a line at a time, single spaces
                // between words included (the builder keeps those as they are)
                var j = i + 1
                while true {
                    while j + 17 <= hi, isPlainBlock(src.baseAddress! + j) {
                        j += src[j + 15] == 0x20 ? 15 : 16  // a space last is taken with what follows it
                    }
                    while j < hi, isPlain(src[j]) { j += 1 }
                    guard j + 1 < hi, src[j] == 0x20, isPlain(src[j + 1]) else { break }
                    j += 2
                }
                sink.putRun(src, i..<j)
                i = j
                continue
            }
            switch b {
            case UInt8(ascii: "\\"):
                if i + 1 < hi, PlainTextBytes.isASCIIPunctuation(src[i + 1]) {
                    sink.put(src[i + 1], source: i + 1)
                    i += 2
                } else if i + 1 == hi || src[i + 1] == 0x0A || src[i + 1] == 0x0D {
                    i += 1  // hard line break marker: the line end itself becomes the space
                } else {
                    sink.put(b, source: i)
                    i += 1
                }
            case UInt8(ascii: "["):
                if let close = linkTextEnd(src, from: i, limit: hi), linkTailEnd(src, at: close, limit: hi) != nil {
                    i += 1  // the `]` and its `(url)` go when the scan reaches them
                } else {
                    sink.put(b, source: i)
                    i += 1
                }
            case UInt8(ascii: "]"):
                if let end = linkTailEnd(src, at: i, limit: hi) {
                    i = end
                } else {
                    sink.put(b, source: i)
                    i += 1
                }
            case UInt8(ascii: "<"):
                if let end = tagEnd(src, at: i, limit: hi) {
                    i = end
                } else {
                    sink.put(b, source: i)
                    i += 1
                }
            case UInt8(ascii: "*"), UInt8(ascii: "_"):
                var j = i + 1
                while j < hi, src[j] == b { j += 1 }
                if isEmphasisRun(src, i..<j, within: range) {
                    i = j
                } else {
                    while i < j { sink.put(b, source: i); i += 1 }
                }
            default:  // whitespace
                sink.put(b, source: i)
                i += 1
            }
        }
    }

    /// Bytes that are neither markup the stripper looks at nor whitespace: everything from
    /// 0x60 up, and below that the bytes whose bit is clear in these two masks.
    @inline(__always) static func isPlain(_ b: UInt8) -> Bool {
        b >= 0x60 || ((b < 0x40 ? lowSpecial : highSpecial) >> UInt64(b & 0x3F)) & 1 == 0
    }

    /// The sixteen bytes at `p` (seventeen readable) are plain or single spaces between plain
    /// bytes, the byte before them being plain: one vector test instead of sixteen `isPlain`.
    /// Conservative: it may refuse such bytes (`X`-`Z`, `^` and all control bytes count as
    /// special here), never accept others.
    @inline(__always) static func isPlainBlock(_ p: UnsafePointer<UInt8>) -> Bool {
        typealias V = SIMD16<UInt8>
        let v = UnsafeRawPointer(p).loadUnaligned(as: V.self)
        let next = UnsafeRawPointer(p + 1).loadUnaligned(as: V.self)
        let space = V(repeating: 0x20)
        var special = v .< space   // tab, LF, FF, CR
        special .|= v .== V(repeating: 0x2A) .| v .== V(repeating: 0x3C)   // `*`, `<`
        special .|= (v & V(repeating: 0xF8)) .== V(repeating: 0x58)   // 0x58-0x5F: `[`, `\\`, `]`, `_`
        special .|= v .== space .& next .== space   // a second space
        // (`any` is a call to a reduction loop; the two halves of the mask are two words)
        let halves = unsafeBitCast(special, to: (UInt64, UInt64).self)
        return halves.0 | halves.1 == 0
    }

    /// Tab, LF, FF, CR, space, `*`, `<`.
    private static var lowSpecial: UInt64 {
        1 << 0x09 | 1 << 0x0A | 1 << 0x0C | 1 << 0x0D | 1 << 0x20 | 1 << 0x2A | 1 << 0x3C
    }

    /// `[`, `\\`, `]`, `_` (less 0x40).
    private static var highSpecial: UInt64 { 1 << 0x1B | 1 << 0x1C | 1 << 0x1D | 1 << 0x1F }

    /// Index of the `]` matching the `[` at `open`, on the same span, or nil.
    static func linkTextEnd(_ src: UnsafeBufferPointer<UInt8>, from open: Int, limit: Int) -> Int? {
        var depth = 0
        var j = open
        let stop = min(limit, open + 2048)
        while j < stop {
            switch src[j] {
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return j }
            case UInt8(ascii: "\\"): j += 1
            default: break
            }
            j += 1
        }
        return nil
    }

    /// When `]` at `close` is followed by `(destination)`, the index just past the `)`.
    static func linkTailEnd(_ src: UnsafeBufferPointer<UInt8>, at close: Int, limit: Int) -> Int? {
        guard close + 1 < limit, src[close + 1] == UInt8(ascii: "(") else { return nil }
        var depth = 0
        var j = close + 1
        let stop = min(limit, close + 2048)
        while j < stop {
            switch src[j] {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return j + 1 }
            case 0x0A, 0x0D: return nil
            default: break
            }
            j += 1
        }
        return nil
    }

    /// When `<` at `open` starts an HTML-like tag (`<sup>`, `</sup>`, `<br/>`, `<a href=..>`),
    /// the index just past its `>`. `a < b` and `<https://...>` are not tags.
    static func tagEnd(_ src: UnsafeBufferPointer<UInt8>, at open: Int, limit: Int) -> Int? {
        var j = open + 1
        if j < limit, src[j] == UInt8(ascii: "/") { j += 1 }
        guard j < limit, PlainTextBytes.isASCIILetter(src[j]) else { return nil }
        while j < limit, PlainTextBytes.isASCIILetter(src[j]) || PlainTextBytes.isASCIIDigit(src[j]) || src[j] == UInt8(ascii: "-") { j += 1 }
        guard j < limit else { return nil }
        let c = src[j]
        guard c == UInt8(ascii: ">") || c == UInt8(ascii: "/") || c == 0x20 || c == 0x09 else { return nil }
        let stop = min(limit, open + 512)
        while j < stop {
            switch src[j] {
            case UInt8(ascii: ">"): return j + 1
            case UInt8(ascii: "<"), 0x0A, 0x0D: return nil
            default: j += 1
            }
        }
        return nil
    }

    /// A `*` or `_` run is emphasis when it touches a word on one side. Lone `*` between
    /// spaces stays; `_` inside a word (snake_case) stays.
    static func isEmphasisRun(_ src: UnsafeBufferPointer<UInt8>, _ run: Range<Int>, within range: Range<Int>) -> Bool {
        let before: UInt8 = run.lowerBound > range.lowerBound ? src[run.lowerBound - 1] : 0x20
        let after: UInt8 = run.upperBound < range.upperBound ? src[run.upperBound] : 0x20
        let spaceBefore = PlainTextBytes.isSpace(before), spaceAfter = PlainTextBytes.isSpace(after)
        if spaceBefore && spaceAfter { return false }
        if src[run.lowerBound] == UInt8(ascii: "*") { return true }
        // `_`: opening after a non-word byte or closing before one
        return !PlainTextBytes.isWordByte(before) || !PlainTextBytes.isWordByte(after)
    }

    /// Inline markup removal on its own, with whitespace collapsed and trimmed the way
    /// `DocumentBuilder` does: what a source slice reads as once ingested.
    static func stripInlineMarkup(_ bytes: [UInt8]) -> [UInt8] {
        var out = PlainTextCollector()
        bytes.withUnsafeBufferPointer { strip($0, 0..<$0.count, into: &out) }
        return out.bytes
    }
}

/// Collects kept bytes with whitespace runs collapsed to one space, none at either end.
struct PlainTextCollector: PlainTextSink {
    var bytes: [UInt8] = []
    private var pendingSpace = false

    mutating func put(_ byte: UInt8, source: Int) {
        if PlainTextBytes.isSpace(byte) {
            pendingSpace = !bytes.isEmpty
            return
        }
        if pendingSpace { bytes.append(0x20); pendingSpace = false }
        bytes.append(byte)
    }

    mutating func putRun(_ src: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        put(src[range.lowerBound], source: range.lowerBound)
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: src[(range.lowerBound + 1)..<range.upperBound]))
    }
}
