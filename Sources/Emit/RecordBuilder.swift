import Ingest
import Segment
import Rules

/// Turns one document's sentences and matches into records. One builder per document:
/// it carries the cursors that keep offset conversion a single forward pass.
public struct RecordBuilder {
    /// Scalars of context either side of a quote selector.
    public static let quoteContext = 32

    private let document: Document
    private let info: DocumentInfo
    private let rulesSHA256: String
    private var counter: OffsetCounter
    private lazy var lines = SourceLines(document.source)

    public init(document: Document, rulesSHA256: String) {
        self.document = document
        self.info = DocumentInfo(document)
        self.rulesSHA256 = rulesSHA256
        self.counter = OffsetCounter(document.text)
    }

    /// `matches` carry ranges relative to the sentence start, as the rule engine gives them.
    public mutating func record(for sentence: Sentence, matches: [Match]) -> Record {
        let base = sentence.range.lowerBound
        let offsets = counter.offsets(sentence.range)
        let block = document.blocks[sentence.block]
        let tags = matches.map { m -> TagRecord in
            let span = shifted(m.range, by: base)
            return TagRecord(
                label: m.tag, rule: m.ruleID, file: m.file, line: m.line,
                text: document.string(span), offsets: counter.offsets(span),
                captures: m.captures.map { c in
                    let r = shifted(c.range, by: base)
                    return CaptureRecord(name: c.name, text: document.string(r), offsets: counter.offsets(r))
                },
                fields: m.fields)
        }
        let text = document.string(sentence.range)
        return Record(
            document: info, rulesSHA256: rulesSHA256, index: sentence.index,
            text: text, section: block.sectionPath,
            blockKind: block.kind, blockIndex: sentence.block, offsets: offsets,
            source: location(of: sentence.range, block: block), quote: quote(sentence.range, exact: text),
            tags: tags)
    }

    private func shifted(_ r: Range<Int>, by base: Int) -> Range<Int> {
        (r.lowerBound + base)..<(r.upperBound + base)
    }

    private mutating func location(of range: Range<Int>, block: Block) -> SourceLocation {
        if let layout = document.layout {
            let start = layout.start(of: range)
            return SourceLocation(line: start?.line ?? block.sourceLine, column: nil, bytes: nil, xpath: nil,
                                  page: start?.page, boxes: layout.boxes(for: range))
        }
        guard let map = document.sourceMap else {
            return SourceLocation(line: block.sourceLine, column: nil, bytes: nil, xpath: block.xpath)
        }
        let bytes = map.sourceRange(forText: range)
        let (line, column) = lines.location(of: bytes.lowerBound)
        return SourceLocation(line: line, column: column, bytes: bytes, xpath: block.xpath)
    }

    private func quote(_ range: Range<Int>, exact: String) -> Quote {
        let context = Self.contextRange(around: range, in: document.text)
        return Quote(exact: exact, prefix: document.string(context.lowerBound..<range.lowerBound),
                     suffix: document.string(range.upperBound..<context.upperBound))
    }

    /// `range` widened by `quoteContext` scalars either side (fewer at the ends of the text).
    static func contextRange(around range: Range<Int>, in text: [UInt8]) -> Range<Int> {
        text.withUnsafeBufferPointer { text in
            // 32 ASCII bytes are 32 scalars: such a window is taken whole.
            func asciiWindow(_ at: Int) -> Bool {
                quoteContext % 8 == 0 && at >= 0 && at + quoteContext <= text.count
                    && stride(from: at, to: at + quoteContext, by: 8).allSatisfy { SWAR.isASCII(SWAR.load(text, $0)) }
            }
            var start = range.lowerBound, n = 0
            if asciiWindow(start - quoteContext) { start -= quoteContext; n = quoteContext }
            while start > 0 && n < quoteContext {
                start -= 1
                if text[start] & 0xC0 != 0x80 { n += 1 }
            }
            var end = range.upperBound
            n = 0
            if asciiWindow(end) {
                end += quoteContext
                n = quoteContext
                while end < text.count && text[end] & 0xC0 == 0x80 { end += 1 }
            }
            while end < text.count && n < quoteContext {
                end += 1
                while end < text.count && text[end] & 0xC0 == 0x80 { end += 1 }
                n += 1
            }
            return start..<end
        }
    }
}
