import Ingest

/// Splits each block of a document into sentences. Atomic blocks (headings, footnotes,
/// furniture, captions) are one sentence each; the others go through `SentenceScanner`.
public struct Segmenter: Sendable {
    public init() {}

    public func sentences(in document: Document) -> [Sentence] {
        var out: [Sentence] = []
        // about one sentence per 150 bytes of text
        out.reserveCapacity(max(document.blocks.count * 4, document.text.count / 128))
        var ranges: [Range<Int>] = []
        document.text.withUnsafeBufferPointer { text in
            for (b, block) in document.blocks.enumerated() {
                let scanner = SentenceScanner(text: text, range: block.range)
                if block.isAtomic {
                    let lo = scanner.skipSpaces(block.range.lowerBound)
                    var hi = block.range.upperBound
                    while hi > lo, SentenceScanner.isSpace(text[hi - 1]) { hi -= 1 }
                    if lo < hi { out.append(Sentence(index: out.count, block: b, range: lo..<hi)) }
                    continue
                }
                ranges.removeAll(keepingCapacity: true)
                scanner.sentences(into: &ranges)
                for r in ranges {
                    out.append(Sentence(index: out.count, block: b, range: r))
                }
            }
        }
        return out
    }
}
