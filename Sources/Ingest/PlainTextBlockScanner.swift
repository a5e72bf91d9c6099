#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One block as the line scanner sees it, before page-break joining: a kind from the line
/// syntax and the source span of its content (markers such as `## ` or `- ` excluded).
struct PlainTextRawBlock: Sendable, Equatable {
    var kind: Block.Kind
    var level: Int
    /// 1-based source line of the block's first line.
    var line: Int
    /// Content bytes in the source: from the first kept byte of the first line to the last
    /// non-blank byte of the last line. Line ends inside are whitespace to the builder.
    var span: Range<Int>
    /// End of the first line's content (for the title fallback).
    var firstLineEnd: Int
    var lineCount: Int
}

/// Splits source bytes into raw blocks, line by line: `#` headings, `-`/`*`/`+` bullets and
/// `1.`/`1)` numbered items (continuation lines join the item), paragraphs up to a blank
/// line. Handles LF, CRLF, CR.
enum PlainTextBlockScanner {
    static func scan(_ src: UnsafeBufferPointer<UInt8>, from start: Int) -> [PlainTextRawBlock] {
        var blocks: [PlainTextRawBlock] = []
        var open: PlainTextRawBlock?
        let n = src.count
        var i = start
        var line = 1

        func close() {
            if let b = open { blocks.append(b) }
            open = nil
        }

        var cr = -1   // the first CR at or after `i` (n: none), looked for again once passed
        while i < n {
            if cr < i { cr = find(0x0D, in: src, from: i) }
            let e = min(find(0x0A, in: src, from: i), cr)
            let next = e < n ? (src[e] == 0x0D && e + 1 < n && src[e + 1] == 0x0A ? e + 2 : e + 1) : n
            var c = i
            while c < e, src[c] == 0x20 || src[c] == 0x09 { c += 1 }
            var t = e
            while t > c, PlainTextBytes.isSpace(src[t - 1]) { t -= 1 }

            if c == t {
                close()
            } else if let (level, content) = heading(src, c..<t) {
                close()
                blocks.append(PlainTextRawBlock(kind: .heading, level: level, line: line, span: content,
                                                firstLineEnd: content.upperBound, lineCount: 1))
            } else if let rule = ruleCharacter(src, c..<t) {
                // `===`/`---` under a one-line paragraph make it a heading (setext); any
                // other rule line only separates blocks.
                if var b = open, b.kind == .paragraph, b.lineCount == 1,
                   rule == UInt8(ascii: "=") || rule == UInt8(ascii: "-") {
                    b.kind = .heading
                    b.level = rule == UInt8(ascii: "=") ? 1 : 2
                    open = b
                }
                close()
            } else if src[c] == UInt8(ascii: ">") {
                // `> quoted` (each line its own raw block; the planner joins adjacent ones)
                close()
                var k = c + 1
                while k < t, src[k] == 0x20 || src[k] == 0x09 || src[k] == UInt8(ascii: ">") { k += 1 }
                if k < t {
                    blocks.append(PlainTextRawBlock(kind: .quote, level: 0, line: line, span: k..<t,
                                                    firstLineEnd: t, lineCount: 1))
                }
            } else if let alt = imageLineAlt(src, c..<t) {
                // `![alt](url)` alone on a line: an image, its alt text a caption of its own
                close()
                blocks.append(PlainTextRawBlock(kind: .caption, level: 0, line: line, span: alt,
                                                firstLineEnd: alt.upperBound, lineCount: 1))
            } else if let content = bulletContent(src, c..<t) ?? orderedItemContent(src, c..<t, after: open) {
                close()
                open = PlainTextRawBlock(kind: .listItem, level: 0, line: line, span: content,
                                         firstLineEnd: content.upperBound, lineCount: 1)
            } else if var b = open {
                b.span = b.span.lowerBound..<t
                b.lineCount += 1
                open = b
            } else {
                open = PlainTextRawBlock(kind: .paragraph, level: 0, line: line, span: c..<t,
                                         firstLineEnd: t, lineCount: 1)
            }
            line += 1
            i = next
        }
        close()
        return blocks
    }

    /// Index of the first `byte` at or after `i`, else the end (memchr: far faster than a byte
    /// loop). A line ends at the first LF or CR; CRs are rare, so the scan keeps the next one
    /// rather than searching each line for it.
    static func find(_ byte: UInt8, in src: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        guard let base = src.baseAddress, i < src.count,
              let p = memchr(base + i, Int32(byte), src.count - i) else { return src.count }
        return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }

    /// `# Title` .. `###### Title` (closing `#`s dropped): level and content span.
    static func heading(_ src: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> (Int, Range<Int>)? {
        var k = line.lowerBound
        while k < line.upperBound, src[k] == UInt8(ascii: "#") { k += 1 }
        let level = k - line.lowerBound
        guard level >= 1, level <= 6 else { return nil }
        guard k == line.upperBound || src[k] == 0x20 || src[k] == 0x09 else { return nil }
        while k < line.upperBound, src[k] == 0x20 || src[k] == 0x09 { k += 1 }
        var end = line.upperBound
        var h = end
        while h > k, src[h - 1] == UInt8(ascii: "#") { h -= 1 }
        if h == k || src[h - 1] == 0x20 || src[h - 1] == 0x09 {
            end = h
            while end > k, src[end - 1] == 0x20 || src[end - 1] == 0x09 { end -= 1 }
        }
        return (level, k..<end)
    }

    /// The repeated character of a rule line (`---`, `***`, `___`, `===`, spaces allowed).
    static func ruleCharacter(_ src: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> UInt8? {
        let r = src[line.lowerBound]
        guard r == UInt8(ascii: "-") || r == UInt8(ascii: "*") || r == UInt8(ascii: "_") || r == UInt8(ascii: "=")
        else { return nil }
        var count = 0
        for k in line {
            let b = src[k]
            if b == r { count += 1 } else if b != 0x20 && b != 0x09 { return nil }
        }
        return count >= 3 ? r : nil
    }

    /// `![alt](url)` filling the line: the span of `[alt](url)` (the inline stripper keeps
    /// `alt`), or nil.
    static func imageLineAlt(_ src: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Range<Int>? {
        guard line.count > 4, src[line.lowerBound] == UInt8(ascii: "!"), src[line.lowerBound + 1] == UInt8(ascii: "["),
              src[line.upperBound - 1] == UInt8(ascii: ")"),
              let close = PlainTextInline.linkTextEnd(src, from: line.lowerBound + 1, limit: line.upperBound),
              close > line.lowerBound + 2,
              PlainTextInline.linkTailEnd(src, at: close, limit: line.upperBound) == line.upperBound
        else { return nil }
        return line.lowerBound + 1..<line.upperBound
    }

    /// Content span of a `1. item` / `12) item` line (one to three digits): the number stays
    /// in the text, as the page prints it ("1. Space control"); the block kind says it is an
    /// item. As in CommonMark, only an item numbered 1 may interrupt a paragraph: a wrapped
    /// line that happens to begin with "3. " stays in its paragraph.
    static func orderedItemContent(_ src: UnsafeBufferPointer<UInt8>, _ line: Range<Int>,
                                   after open: PlainTextRawBlock?) -> Range<Int>? {
        var k = line.lowerBound
        while k < line.upperBound, k - line.lowerBound < 4, src[k] >= 0x30, src[k] <= 0x39 { k += 1 }
        let digits = k - line.lowerBound
        guard digits >= 1, digits <= 3, k + 1 < line.upperBound,
              src[k] == UInt8(ascii: ".") || src[k] == UInt8(ascii: ")"),
              src[k + 1] == 0x20 || src[k + 1] == 0x09 else { return nil }
        if let open, open.kind == .paragraph, !(digits == 1 && src[line.lowerBound] == UInt8(ascii: "1")) { return nil }
        return line
    }

    /// Content span of a `- item` / `* item` / `+ item` line.
    static func bulletContent(_ src: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Range<Int>? {
        let m = src[line.lowerBound]
        guard m == UInt8(ascii: "-") || m == UInt8(ascii: "*") || m == UInt8(ascii: "+") else { return nil }
        var k = line.lowerBound + 1
        guard k < line.upperBound, src[k] == 0x20 || src[k] == 0x09 else { return nil }
        while k < line.upperBound, src[k] == 0x20 || src[k] == 0x09 { k += 1 }
        return k..<line.upperBound
    }
}
