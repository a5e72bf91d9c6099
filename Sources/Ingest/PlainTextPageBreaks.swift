/// A block ready to be written: its kind and the source spans whose text it joins.
struct PlainTextBlockPlan: Sendable, Equatable {
    var kind: Block.Kind
    var level: Int
    var line: Int
    var spans: [Range<Int>]
}

/// Undoes what PDF pages do to running text. A paragraph that stops mid-sentence (no
/// closing punctuation) continues in the next paragraph when that one starts lowercase, or
/// when the stopped paragraph is long body text. Short all-caps lines (running headers) and
/// numbered footnote lines between the halves are moved after the joined paragraph.
enum PlainTextPageBreaks {
    /// Paragraphs at least this many words long are body text, not titles or bylines.
    static let bodyWords = 12
    /// At most this many interrupting blocks between the two halves of a sentence.
    static let maxInterrupters = 4

    static func plan(_ src: UnsafeBufferPointer<UInt8>, _ raw: [PlainTextRawBlock]) -> [PlainTextBlockPlan] {
        let repeatedFurniture = repeatedFurnitureLines(src, raw)
        var consumed = [Bool](repeating: false, count: raw.count)
        var out: [PlainTextBlockPlan] = []
        out.reserveCapacity(raw.count)
        for i in raw.indices where !consumed[i] {
            let b = raw[i]
            if isFurnitureLike(src, b), repeatedFurniture.contains(i) {
                out.append(PlainTextBlockPlan(kind: .furniture, level: 0, line: b.line, spans: [b.span]))
                continue
            }
            if b.kind == .quote {
                // `>` lines next to each other are one quotation
                var spans = [b.span]
                var last = i
                while last + 1 < raw.count, raw[last + 1].kind == .quote, raw[last + 1].line == raw[last].line + 1 {
                    last += 1
                    spans.append(raw[last].span)
                    consumed[last] = true
                }
                out.append(PlainTextBlockPlan(kind: .quote, level: 0, line: b.line, spans: spans))
                continue
            }
            if b.kind == .paragraph, isPullQuote(src, b) {
                // a pull quote repeats a body sentence, set apart; it has no closing
                // punctuation but never runs on into the next paragraph
                out.append(PlainTextBlockPlan(kind: .quote, level: 0, line: b.line, spans: [b.span]))
                continue
            }
            var spans = [b.span]
            var moved: [Int] = []
            if b.kind == .paragraph || b.kind == .listItem {
                var last = i
                while !endsSentence(src, raw[last].span), let (next, skipped) = continuation(src, raw, after: last) {
                    spans.append(raw[next].span)
                    moved += skipped
                    for k in skipped { consumed[k] = true }
                    consumed[next] = true
                    last = next
                }
            }
            var kind = b.kind
            if kind == .paragraph, spans.count == 1, isFootnoteLike(src, b) { kind = .footnote }
            out.append(PlainTextBlockPlan(kind: kind, level: b.level, line: b.line, spans: spans))
            for k in moved {
                let m = raw[k]
                let movedKind: Block.Kind = m.kind == .paragraph && isFootnoteLike(src, m) ? .footnote : .furniture
                out.append(PlainTextBlockPlan(kind: movedKind, level: 0, line: m.line, spans: [m.span]))
            }
        }
        return out
    }

    /// The block continuing the open sentence of `raw[last]`, and the blocks skipped to reach it.
    static func continuation(
        _ src: UnsafeBufferPointer<UInt8>, _ raw: [PlainTextRawBlock], after last: Int
    ) -> (Int, [Int])? {
        // A lowercase start is a continuation, past furniture and footnote lines.
        var j = last + 1
        var skipped: [Int] = []
        while j < raw.count, skipped.count <= maxInterrupters {
            let c = raw[j]
            if c.kind == .paragraph, startsLowercase(src, c.span), !isPullQuote(src, c) { return (j, skipped) }
            guard isFurnitureLike(src, c) || (c.kind == .paragraph && isFootnoteLike(src, c)) else { break }
            skipped.append(j)
            j += 1
        }
        // Long body text that stops mid-sentence continues in the next paragraph whatever
        // its first letter ("former Foreign Minister" / "Wang Yi at ..."), past furniture.
        guard wordCount(src, raw[last].span) >= bodyWords else { return nil }
        j = last + 1
        skipped = []
        while j < raw.count, skipped.count < maxInterrupters, isFurnitureLike(src, raw[j]) {
            skipped.append(j)
            j += 1
        }
        guard j < raw.count, raw[j].kind == .paragraph, !isPullQuote(src, raw[j]) else { return nil }
        return (j, skipped)
    }

    /// A one-line paragraph set in backticks, maybe inside emphasis: ___`A sentence`___, the
    /// way Markdown reposts of briefs mark a pull quote.
    static func isPullQuote(_ src: UnsafeBufferPointer<UInt8>, _ b: PlainTextRawBlock) -> Bool {
        guard b.lineCount == 1, b.span.count >= 3 else { return false }
        var lo = b.span.lowerBound, hi = b.span.upperBound
        while lo < hi, src[lo] == UInt8(ascii: "_") || src[lo] == UInt8(ascii: "*") { lo += 1 }
        while hi > lo, src[hi - 1] == UInt8(ascii: "_") || src[hi - 1] == UInt8(ascii: "*") { hi -= 1 }
        return hi - lo >= 3 && src[lo] == UInt8(ascii: "`") && src[hi - 1] == UInt8(ascii: "`")
    }

    /// Indices of furniture-like blocks whose text occurs more than once (running headers).
    static func repeatedFurnitureLines(_ src: UnsafeBufferPointer<UInt8>, _ raw: [PlainTextRawBlock]) -> Set<Int> {
        var counts: [[UInt8]: Int] = [:]
        var candidates: [(Int, [UInt8])] = []
        for (i, b) in raw.enumerated() where isFurnitureLike(src, b) {
            let key = Array(src[b.span])
            counts[key, default: 0] += 1
            candidates.append((i, key))
        }
        var out = Set<Int>()
        for (i, key) in candidates where counts[key, default: 0] > 1 { out.insert(i) }
        return out
    }

    /// One short line with capitals and no lowercase letter: "PISM BULLETIN", "# PISM SPOTLIGHT".
    static func isFurnitureLike(_ src: UnsafeBufferPointer<UInt8>, _ b: PlainTextRawBlock) -> Bool {
        guard b.kind == .paragraph || b.kind == .heading, b.lineCount == 1, b.span.count <= 60 else { return false }
        var upper = 0
        for k in b.span {
            let c = src[k]
            if c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") { return false }
            if c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") { upper += 1 }
        }
        return upper >= 2
    }

    /// "1 Document list in Russian on ..." : a short paragraph opening with a 1-3 digit
    /// number and a space, or with 1-3 superscript digits ("¹ Document ...", "²³See ..."),
    /// then a capital, and ending a sentence.
    static func isFootnoteLike(_ src: UnsafeBufferPointer<UInt8>, _ b: PlainTextRawBlock) -> Bool {
        let s = b.span
        guard s.count <= 600 else { return false }
        var k = s.lowerBound
        var digits = 0
        while k < s.upperBound, digits < 4, PlainTextBytes.isASCIIDigit(src[k]) { k += 1; digits += 1 }
        if digits > 0 {
            guard k < s.upperBound, src[k] == 0x20 else { return false }
            k += 1
        } else {
            while digits < 4, let next = superscriptDigitEnd(src, k, s.upperBound) { k = next; digits += 1 }
            if k < s.upperBound, src[k] == 0x20 { k += 1 }
        }
        guard digits >= 1, digits <= 3, k < s.upperBound else { return false }
        let first = src[k]
        guard first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z") else { return false }
        return endsSentence(src, s)
    }

    /// The index after a superscript digit at `k` (¹ ² ³ are C2 B9/B2/B3, ⁰ ⁴-⁹ are
    /// E2 81 B0/B4-B9), or nil.
    static func superscriptDigitEnd(_ src: UnsafeBufferPointer<UInt8>, _ k: Int, _ hi: Int) -> Int? {
        if k + 1 < hi, src[k] == 0xC2, src[k + 1] == 0xB9 || src[k + 1] == 0xB2 || src[k + 1] == 0xB3 { return k + 2 }
        if k + 2 < hi, src[k] == 0xE2, src[k + 1] == 0x81, src[k + 2] == 0xB0 || (0xB4...0xB9).contains(src[k + 2]) { return k + 3 }
        return nil
    }

    /// True when the span's last visible character (markup and closing quotes or brackets
    /// skipped) is sentence-closing punctuation: . ! ? : ; or an ellipsis.
    static func endsSentence(_ src: UnsafeBufferPointer<UInt8>, _ s: Range<Int>) -> Bool {
        var k = s.upperBound
        let lo = s.lowerBound
        while k > lo {
            let c = src[k - 1]
            if PlainTextBytes.isSpace(c) || c == UInt8(ascii: "*") || c == UInt8(ascii: "_") {
                k -= 1
            } else if c == UInt8(ascii: ")"), let open = linkTailStart(src, endingAt: k, lo: lo) {
                k = open  // `[text](url)`: look at the end of `text`
            } else if c == UInt8(ascii: ">"), let open = tagStart(src, endingAt: k, lo: lo) {
                k = open
            } else {
                break
            }
        }
        k = skipClosersBackward(src, k, lo: lo)
        guard k > lo else { return false }
        switch src[k - 1] {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ";"):
            return true
        case 0xA6:  // … is E2 80 A6
            return k - lo >= 3 && src[k - 3] == 0xE2 && src[k - 2] == 0x80
        default:
            return false
        }
    }

    /// For a link tail `](url)` ending just before `end`, the index of its `]`.
    static func linkTailStart(_ src: UnsafeBufferPointer<UInt8>, endingAt end: Int, lo: Int) -> Int? {
        var depth = 0
        var k = end - 1
        while k > lo, end - k < 2048 {
            let c = src[k]
            if c == UInt8(ascii: ")") { depth += 1 }
            if c == UInt8(ascii: "(") {
                depth -= 1
                if depth == 0 {
                    guard src[k - 1] == UInt8(ascii: "]"),
                          PlainTextInline.linkTailEnd(src, at: k - 1, limit: end) == end else { return nil }
                    return k - 1
                }
            }
            k -= 1
        }
        return nil
    }

    /// For a tag ending just before `end` (`</sup>`), the index of its `<`.
    static func tagStart(_ src: UnsafeBufferPointer<UInt8>, endingAt end: Int, lo: Int) -> Int? {
        var k = end - 1
        while k >= lo, end - k < 512 {
            if src[k] == UInt8(ascii: "<") {
                return PlainTextInline.tagEnd(src, at: k, limit: end) == end ? k : nil
            }
            k -= 1
        }
        return nil
    }

    /// Steps back over closing quotes, brackets and superscript footnote digits.
    static func skipClosersBackward(_ src: UnsafeBufferPointer<UInt8>, _ end: Int, lo: Int) -> Int {
        var k = end
        while k > lo {
            let c = src[k - 1]
            if c == UInt8(ascii: ")") || c == UInt8(ascii: "]") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                k -= 1
            } else if k - lo >= 3, src[k - 3] == 0xE2, src[k - 2] == 0x80, c == 0x9D || c == 0x99 {
                k -= 3  // ” ’
            } else if k - lo >= 2, src[k - 2] == 0xC2, c == 0xBB || c == 0xB9 || c == 0xB2 || c == 0xB3 {
                k -= 2  // » ¹ ² ³
            } else {
                break
            }
        }
        return k
    }

    /// True when the first letter, after openers and markup, is lowercase (ASCII or Latin-1).
    static func startsLowercase(_ src: UnsafeBufferPointer<UInt8>, _ s: Range<Int>) -> Bool {
        var k = s.lowerBound
        while k < s.upperBound {
            let c = src[k]
            switch c {
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "("),
                 UInt8(ascii: "\""), UInt8(ascii: "'"):
                k += 1
            case UInt8(ascii: "<"):
                guard let end = PlainTextInline.tagEnd(src, at: k, limit: s.upperBound) else { return false }
                k = end
            case 0xE2 where k + 2 < s.upperBound && src[k + 1] == 0x80 && (src[k + 2] == 0x9C || src[k + 2] == 0x98):
                k += 3  // “ ‘
            default:
                if c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") { return true }
                if c == 0xC3, k + 1 < s.upperBound { return src[k + 1] >= 0x9F && src[k + 1] != 0xB7 }
                return false
            }
        }
        return false
    }

    /// Words in the span, counted up to `limit` at most: callers only compare with `bodyWords`,
    /// and a block may be a whole long speech.
    static func wordCount(_ src: UnsafeBufferPointer<UInt8>, _ s: Range<Int>, limit: Int = bodyWords) -> Int {
        var words = 0
        var inWord = false
        for k in s {
            let space = PlainTextBytes.isSpace(src[k])
            if !space && !inWord {
                words += 1
                if words >= limit { break }
            }
            inWord = !space
        }
        return words
    }
}
