import Foundation

/// Metadata an adapter found besides the blocks.
struct Metadata {
    var title: String?
    var authors: [String] = []
    var date: String?
    /// HTML only: every headline the page's markup gives (Open Graph, Twitter, JSON-LD,
    /// `<title>`, the first `h1`) and its summaries (`description`, `og:description`,
    /// `twitter:description`), for telling the front matter before the body.
    var headlines: [String] = []
    var descriptions: [String] = []
}

/// The ingest stage: bytes in, one `Document` out, whatever the markup.
public enum Ingest {
    /// Files larger than this are refused rather than read into memory.
    public static let maxBytes = 256 << 20

    /// Media type from the file name, else from the first bytes.
    public static func mediaType(path: String, prefix: ArraySlice<UInt8>) -> Document.MediaType {
        let ext = simpleExtension(path) ?? (path as NSString).pathExtension.lowercased()
        switch ext {
        case "html", "htm", "xhtml", "shtml": return .html
        case "txt", "md", "markdown", "text": return .plainText
        case "pdf": return .pdf
        default: break
        }
        if PDFReader.contains(prefix.prefix(1024), "%PDF-") { return .pdf }
        let head: String
        if let bigEndian = HTMLEncoding.utf16ByteOrder(prefix) {
            let bytes = Array(prefix.prefix(1024))
            head = String(decoding: HTMLEncoding.utf8FromUTF16(bytes, from: 2, bigEndian: bigEndian), as: UTF8.self).lowercased()
        } else {
            head = String(decoding: prefix.prefix(512), as: UTF8.self).lowercased()
        }
        let trimmed = head.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || head.contains("<body") {
            return .html
        }
        return .plainText
    }

    /// The lowercased extension of a printable-ASCII path whose last component is
    /// `name.ext`, the name not starting with a dot and the extension letters and digits:
    /// what `NSString.pathExtension` gives for it, at a fraction of the cost (bridging
    /// cost ~30,000 instructions a file). Nil for any other path, left to `NSString`.
    static func simpleExtension(_ path: String) -> String? {
        var path = path
        return path.withUTF8 { p -> String? in
            var start = 0, dot = -1
            for (i, b) in p.enumerated() {
                guard b >= 0x20 && b < 0x7F else { return nil }
                if b == UInt8(ascii: "/") { start = i + 1; dot = -1 } else if b == UInt8(ascii: ".") { dot = i }
            }
            guard dot > start, dot + 1 < p.count, p[start] != UInt8(ascii: ".") else { return nil }
            let ext = p[(dot + 1)...]
            guard ext.allSatisfy({ PlainTextBytes.isASCIILetter($0) || PlainTextBytes.isASCIIDigit($0) }) else { return nil }
            return String(decoding: ext.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
    }

    /// Reads and ingests a file (`-` reads standard input). `hashing: false` leaves
    /// `Document.sha256` empty, for callers that print no provenance (`claimex text`): the
    /// hash is a seventh of the instructions of extracting a web page's text.
    public static func read(path: String, mediaType: Document.MediaType? = nil, hashing: Bool = true) throws(IngestError) -> Document {
        let bytes = try load(path: path)
        let type = mediaType ?? Self.mediaType(path: path, prefix: bytes[...])
        return try document(source: bytes, path: path, mediaType: type, sha256: hashing ? nil : "")
    }

    /// The bytes of a file (`-`: standard input), refusing files over `maxBytes`.
    public static func load(path: String) throws(IngestError) -> [UInt8] {
        if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        // The size of the path itself, not of a link's target: what `attributesOfItem` gave.
        var st = stat()
        if lstat(path, &st) == 0, Int(st.st_size) > maxBytes {
            throw IngestError(path: path, kind: .tooLarge,
                              message: "file is \(st.st_size) bytes, larger than the \(maxBytes)-byte limit")
        }
        switch fileBytes(atPath: path) {
        case .success(let bytes): return bytes
        case .failure(let e):
            throw IngestError(path: path, kind: IngestError.Kind(errno: e.code), message: "cannot read file: \(e.message)")
        }
    }

    /// Ingests bytes already in memory.
    /// `sha256` may be passed when the caller already hashed the bytes.
    public static func document(
        source: [UInt8], path: String, id: String? = nil, mediaType: Document.MediaType,
        sha256: String? = nil
    ) throws(IngestError) -> Document {
        if source.count > maxBytes {
            throw IngestError(path: path, kind: .tooLarge,
                              message: "input is \(source.count) bytes, larger than the \(maxBytes)-byte limit")
        }
        if mediaType == .pdf {
            var builder = DocumentBuilder(capacity: source.count / 4)
            let (meta, layout) = try PDFReader.read(source, path: path, into: &builder)
            var doc = builder.build(
                path: path, id: id, mediaType: .pdf, source: source, sha256: sha256 ?? sha256Hex(source),
                title: meta.title, authors: meta.authors, date: meta.date, keepSourceMap: false)
            doc.layout = layout
            return doc
        }
        // A UTF-16 page is full of NUL bytes; only a NUL character makes it binary.
        let utf16 = HTMLEncoding.utf16ByteOrder(source[...])
        if mediaType == .plainText, let bigEndian = utf16 {
            throw IngestError(path: path, kind: .invalidUTF8, offset: 0,
                              message: "UTF-16 text (byte-order mark \(bigEndian ? "FE FF" : "FF FE")), plain text is read as UTF-8 only; skipped")
        }
        let nul = mediaType == .html && utf16 != nil
            ? HTMLEncoding.firstNULUnit(source, from: 2)
            : source.withUnsafeBufferPointer(UTF8Check.firstNUL)
        if let nul {
            throw IngestError(path: path, kind: .binary, offset: nul,
                              message: "binary file (NUL byte), skipped")
        }
        var builder = DocumentBuilder(capacity: source.count)
        let meta: Metadata
        switch mediaType {
        case .plainText:
            if let bad = source.withUnsafeBufferPointer(UTF8Check.firstInvalidOffset) {
                throw IngestError(path: path, kind: .invalidUTF8, offset: bad,
                                  message: "invalid UTF-8 (byte 0x\(String(source[bad], radix: 16, uppercase: true))), skipped")
            }
            meta = PlainTextReader.read(source, into: &builder)
        case .html:
            meta = try HTMLReader.read(source, path: path, into: &builder)
        case .pdf:
            meta = Metadata()
        }
        var document = builder.build(
            path: path, id: id, mediaType: mediaType, source: source, sha256: sha256 ?? sha256Hex(source),
            title: meta.title.map { FieldCap.capped($0) },
            authors: meta.authors.prefix(FieldCap.maxAuthors).map { FieldCap.capped($0) },
            date: meta.date.map { FieldCap.capped($0) },
            keepSourceMap: mediaType == .plainText)
        if mediaType == .html { document.frontMatter = HTMLFrontMatter.blocks(of: document, meta: meta) }
        return document
    }
}
