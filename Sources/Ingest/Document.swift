/// A brief after ingest: the normalised text every later stage works on, the blocks it
/// is made of, and what is needed to point back into the source.
///
/// `text` is UTF-8 bytes; every offset in the pipeline is an integer byte offset into it.
/// Blocks are separated by "\n\n" so a consumer can print `text` as it is.
public struct Document: Sendable {
    public enum MediaType: String, Sendable, Codable {
        case plainText = "text/plain"
        case html = "text/html"
        case pdf = "application/pdf"
    }

    /// The path as given on the command line (or the id of a streamed record).
    public var path: String
    /// Caller-supplied identifier (JSON Lines input); nil for files.
    public var id: String?
    /// The id was a JSON number in the input stream (records write it back as a number).
    public var idIsNumber = false
    /// Lowercase hex sha256 of `source` (empty when read with `Ingest.read(hashing: false)`).
    public var sha256: String
    public var mediaType: MediaType
    public var title: String?
    public var authors: [String]
    public var date: String?
    /// Normalised document text, UTF-8.
    public var text: [UInt8]
    public var blocks: [Block]
    /// The original bytes, as read.
    public var source: [UInt8]
    /// Text offset -> source byte offset (plain text; nil when the source has no byte map).
    public var sourceMap: SourceMap?
    /// PDF only: the page and box of every word of `text`.
    public var layout: PDFLayout?
    /// HTML only: indices of the blocks before the article's body that repeat what the
    /// page's markup says of it: headline, standfirst, byline, date line
    /// (`HTMLFrontMatter`). They stay in `text` (a web page reads as its text edition);
    /// `bodyText` leaves them out.
    public var frontMatter: [Int] = []

    public init(
        path: String, id: String? = nil, sha256: String, mediaType: MediaType,
        title: String? = nil, authors: [String] = [], date: String? = nil,
        text: [UInt8], blocks: [Block], source: [UInt8], sourceMap: SourceMap?
    ) {
        self.path = path
        self.id = id
        self.sha256 = sha256
        self.mediaType = mediaType
        self.title = title
        self.authors = authors
        self.date = date
        self.text = text
        self.blocks = blocks
        self.source = source
        self.sourceMap = sourceMap
    }

    /// `text` without the front matter blocks: the article's body, as the benchmarks of
    /// article extraction cut it (title, authors and date are the record's fields).
    public var bodyText: [UInt8] {
        guard !frontMatter.isEmpty else { return text }
        let front = Set(frontMatter)
        var out = [UInt8]()
        out.reserveCapacity(text.count)
        var start = 0
        for (i, b) in blocks.enumerated() where front.contains(i) {
            out += text[start..<b.range.lowerBound]
            start = i + 1 < blocks.count ? blocks[i + 1].range.lowerBound : text.count
        }
        out += text[start...]
        return out
    }

    /// The text of a byte range, as a String (for reports and tests, not hot paths).
    public func string(_ range: Range<Int>) -> String {
        String(decoding: text[range], as: UTF8.self)
    }
}
