/// PDF-converted Markdown-ish text -> blocks, in three steps over the bytes: lines to raw
/// blocks (`PlainTextBlockScanner`), page-break repair (`PlainTextPageBreaks`), then each
/// block's spans through inline-markup removal (`PlainTextInline`) into the builder, every
/// kept byte with its true source offset.
enum PlainTextReader {
    static func read(_ source: [UInt8], into builder: inout DocumentBuilder) -> Metadata {
        source.withUnsafeBufferPointer { src in
            let start = hasBOM(src) ? 3 : 0
            let raw = PlainTextBlockScanner.scan(src, from: start)
            let plans = PlainTextPageBreaks.plan(src, raw)
            var headingTitle: String?
            for plan in plans {
                builder.beginBlock(plan.kind, level: plan.level, sourceLine: plan.line)
                let before = builder.text.count
                for (k, span) in plan.spans.enumerated() {
                    // the halves of a page-broken sentence meet at a space (the line end)
                    if k > 0 { builder.appendSpace(source: plan.spans[k - 1].upperBound) }
                    PlainTextInline.strip(src, span, into: &builder)
                }
                if plan.kind == .heading, headingTitle == nil {
                    let text = builder.text[before...].drop { $0 == 0x0A }
                    if !text.isEmpty { headingTitle = String(decoding: text, as: UTF8.self) }
                }
                builder.endBlock()
            }
            return Metadata(title: headingTitle ?? firstLine(src, raw))
        }
    }

    /// The UTF-8 byte order mark, dropped.
    static func hasBOM(_ src: UnsafeBufferPointer<UInt8>) -> Bool {
        src.count >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF
    }

    /// The first non-empty line, markup removed: the title when there is no heading, if its
    /// block reads as a title rather than body text. A speech or report that opens with a
    /// paragraph has no title: its first line is a sentence or a fragment of one, and would
    /// be repeated in every record.
    static func firstLine(_ src: UnsafeBufferPointer<UInt8>, _ raw: [PlainTextRawBlock]) -> String? {
        for b in raw {
            var out = PlainTextCollector()
            PlainTextInline.strip(src, b.span.lowerBound..<b.firstLineEnd, into: &out)
            guard let last = out.bytes.last else { continue }
            let continues = last == UInt8(ascii: ".") || last == UInt8(ascii: ",")
                || last == UInt8(ascii: ";") || last == UInt8(ascii: ":")
            guard !continues, PlainTextPageBreaks.wordCount(src, b.span) < PlainTextPageBreaks.bodyWords else { return nil }
            return String(decoding: out.bytes, as: UTF8.self)
        }
        return nil
    }

    /// What a source slice reads as after ingest: inline markup removed, whitespace
    /// collapsed. Tests use it to check the source map against the text.
    static func stripInlineMarkup(_ bytes: [UInt8]) -> [UInt8] {
        PlainTextInline.stripInlineMarkup(bytes)
    }
}
