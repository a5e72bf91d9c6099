/// PDF-converted Markdown-ish text -> blocks. (Placeholder: paragraphs at blank lines.)
enum PlainTextReader {
    static func read(_ source: [UInt8], into builder: inout DocumentBuilder) -> Metadata {
        var i = 0
        var line = 1
        var blank = true
        while i < source.count {
            let b = source[i]
            if b == 0x0A {
                line += 1
                if blank { builder.endBlock() }
                blank = true
                builder.append(b, source: i)
            } else {
                if blank && !(b == 0x20 || b == 0x0D || b == 0x09) {
                    if !builder.isBlockOpen { builder.beginBlock(.paragraph, sourceLine: line) }
                    blank = false
                }
                builder.append(b, source: i)
            }
            i += 1
        }
        builder.endBlock()
        return Metadata()
    }
}
