import Ingest
import Rules

/// The version of the record layout; bumped on any change a consumer could notice.
/// `output/record.schema.json` describes this version; CHANGELOG.md lists what each one changed.
public let recordSchema = "claimex.record/3"

/// One range of the document text counted three ways: Unicode scalars (Python, most
/// annotation tools), UTF-16 code units (JavaScript, Java) and UTF-8 bytes. End-exclusive.
public struct Offsets: Sendable, Equatable {
    public var scalar: Range<Int>
    public var utf16: Range<Int>
    public var utf8: Range<Int>
    public init(scalar: Range<Int>, utf16: Range<Int>, utf8: Range<Int>) {
        self.scalar = scalar
        self.utf16 = utf16
        self.utf8 = utf8
    }
}

/// Where a sentence stands in the original file.
public struct SourceLocation: Sendable, Equatable {
    /// 1-based line; column is 1-based in Unicode scalars (text sources only).
    public var line: Int
    public var column: Int?
    /// Byte range in the original file (text sources only).
    public var bytes: Range<Int>?
    /// Path to the element in the page (HTML only).
    public var xpath: String?
    /// PDF only: the 1-based page the sentence starts on (`line` then counts lines on that
    /// page in reading order), and the sentence's boxes, one per column of each page it is on.
    public var page: Int? = nil
    public var boxes: [PDFLayout.Box] = []
}

/// A W3C Web Annotation TextQuoteSelector: the sentence with a little context either side.
public struct Quote: Sendable, Equatable {
    public var exact: String
    public var prefix: String
    public var suffix: String
}

/// A named part of a tag's match, located in the document text.
public struct CaptureRecord: Sendable, Equatable {
    public var name: String
    public var text: String
    public var offsets: Offsets
}

/// One rule that fired: the label it gives, the rule and where it is written, the span.
public struct TagRecord: Sendable, Equatable {
    public var label: Tag
    public var rule: String
    public var file: String
    public var line: Int
    public var text: String
    public var offsets: Offsets
    public var captures: [CaptureRecord]
    public var fields: [(name: String, value: FieldValue)]

    public static func == (a: TagRecord, b: TagRecord) -> Bool {
        a.label == b.label && a.rule == b.rule && a.file == b.file && a.line == b.line
            && a.text == b.text && a.offsets == b.offsets && a.captures == b.captures
            && a.fields.map(\.name) == b.fields.map(\.name) && a.fields.map(\.value) == b.fields.map(\.value)
    }
}

/// The source document as records name it.
public struct DocumentInfo: Sendable, Equatable {
    public var path: String
    public var id: String?
    public var idIsNumber: Bool
    public var sha256: String
    public var mediaType: Document.MediaType
    public var title: String?
    /// As the page marks them up (HTML only); empty when none are.
    public var authors: [String]
    /// The publication date as the page marks it up (HTML only), e.g. `2024-05-21`.
    public var date: String?

    public init(_ d: Document) {
        path = d.path; id = d.id; idIsNumber = d.idIsNumber; sha256 = d.sha256; mediaType = d.mediaType; title = d.title
        authors = d.authors; date = d.date
    }
}

/// One output line: a sentence, its provenance and its tags.
public struct Record: Sendable, Equatable {
    public var document: DocumentInfo
    public var rulesSHA256: String
    public var index: Int
    public var text: String
    public var section: [String]
    public var blockKind: Block.Kind
    public var blockIndex: Int
    public var offsets: Offsets
    public var source: SourceLocation
    public var quote: Quote
    public var tags: [TagRecord]

    /// Distinct labels in tag order.
    public var labels: [Tag] {
        var seen: [Tag] = []
        for t in tags where !seen.contains(t.label) { seen.append(t.label) }
        return seen.sorted()
    }
}
