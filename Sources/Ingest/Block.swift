/// One unit of document structure. Every markup adapter (plain text, HTML) emits blocks of
/// this one type, so nothing downstream knows which markup a document came from.
public struct Block: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case heading
        case paragraph
        case listItem = "list-item"
        case footnote
        case quote
        case tableCell = "table-cell"
        case caption
        /// Running page furniture ("PISM BULLETIN" between two halves of a sentence).
        /// Kept as a block so nothing is lost, never joined to a sentence.
        case furniture
    }

    public var kind: Kind
    /// Byte range of the block in `Document.text`.
    public var range: Range<Int>
    /// Texts of the enclosing headings, outermost first. A heading's own path holds its parents only.
    public var sectionPath: [String]
    /// 1-6 for headings, 0 otherwise.
    public var level: Int
    /// 1-based line of the block's start in the source (HTML: the element's line).
    public var sourceLine: Int
    /// Where the block stands in the page (HTML only), e.g. `/html/body/article/p[3]`.
    public var xpath: String?

    public init(
        kind: Kind, range: Range<Int>, sectionPath: [String] = [], level: Int = 0,
        sourceLine: Int = 0, xpath: String? = nil
    ) {
        self.kind = kind
        self.range = range
        self.sectionPath = sectionPath
        self.level = level
        self.sourceLine = sourceLine
        self.xpath = xpath
    }

    /// Blocks that are one unit whatever punctuation they hold.
    public var isAtomic: Bool {
        switch kind {
        case .heading, .footnote, .furniture, .caption: return true
        case .paragraph, .listItem, .quote, .tableCell: return false
        }
    }
}
