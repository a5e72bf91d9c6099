import Ingest

/// Splits each block of a document into sentences. (Placeholder: one sentence a block.)
public struct Segmenter: Sendable {
    public init() {}

    public func sentences(in document: Document) -> [Sentence] {
        document.blocks.enumerated().map { i, b in Sentence(index: i, block: i, range: b.range) }
    }
}
