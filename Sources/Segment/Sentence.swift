import Ingest

/// One sentence: a byte range of `Document.text` inside one block.
public struct Sentence: Sendable, Equatable {
    /// 0-based position in the document.
    public var index: Int
    /// Index into `Document.blocks`.
    public var block: Int
    /// Byte range in `Document.text`, trimmed of surrounding whitespace.
    public var range: Range<Int>

    public init(index: Int, block: Int, range: Range<Int>) {
        self.index = index
        self.block = block
        self.range = range
    }
}
