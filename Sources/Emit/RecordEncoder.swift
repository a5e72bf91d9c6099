import Rules

/// Writes records as JSON Lines in the layout of `output/record.schema.json`.
/// A printer is just a sink: it knows the layout, nothing about how records were made.
/// One encoder per document: the fields every record of a document shares are encoded
/// once, not once per sentence.
public struct RecordEncoder {
    private let document: DocumentInfo
    private let rulesSHA256: String
    /// `"schema":…,"id":…,"doc":{…},"rules_sha256":…` without braces.
    private let shared: [UInt8]

    public init(document: DocumentInfo, rulesSHA256: String) {
        self.document = document
        self.rulesSHA256 = rulesSHA256
        var w = JSONWriter(reservingCapacity: 512)
        w.beginObject()
        w.key("schema"); w.string(recordSchema)
        if let id = document.id { w.key("id"); w.string(id) }
        w.key("doc"); w.beginObject()
        w.key("path"); w.string(document.path)
        w.key("sha256"); w.string(document.sha256)
        w.key("media_type"); w.string(document.mediaType.rawValue)
        w.key("title"); if let t = document.title { w.string(t) } else { w.null() }
        if !document.authors.isEmpty {
            w.key("authors"); w.beginArray(); for a in document.authors { w.string(a) }; w.endArray()
        }
        if let d = document.date { w.key("date"); w.string(d) }
        w.endObject()
        w.key("rules_sha256"); w.string(rulesSHA256)
        shared = Array(w.bytes.dropFirst())
    }

    /// Writes one record of any document (builds the shared part on the spot).
    public static func write(_ r: Record, to w: inout JSONWriter) {
        RecordEncoder(document: r.document, rulesSHA256: r.rulesSHA256).write(r, to: &w)
    }

    public func write(_ r: Record, to w: inout JSONWriter) {
        assert(r.document == document && r.rulesSHA256 == rulesSHA256, "record of another document")
        w.beginObject()
        w.raw(shared)
        w.key("index"); w.int(r.index)
        w.key("text"); w.string(r.text)
        w.key("labels"); w.beginArray(); for l in r.labels { w.string(l.rawValue) }; w.endArray()
        w.key("section"); w.beginArray(); for s in r.section { w.string(s) }; w.endArray()
        w.key("block"); w.beginObject()
        w.key("kind"); w.string(r.blockKind.rawValue)
        w.key("index"); w.int(r.blockIndex)
        w.endObject()
        w.key("offsets"); offsets(r.offsets, to: &w)
        w.key("source"); source(r.source, to: &w)
        w.key("quote"); w.beginObject()
        w.key("exact"); w.string(r.quote.exact)
        w.key("prefix"); w.string(r.quote.prefix)
        w.key("suffix"); w.string(r.quote.suffix)
        w.endObject()
        w.key("tags"); w.beginArray()
        for t in r.tags { tag(t, to: &w) }
        w.endArray()
        w.endObject()
        w.newline()
    }

    private func tag(_ t: TagRecord, to w: inout JSONWriter) {
        w.beginObject()
        w.key("label"); w.string(t.label.rawValue)
        w.key("rule"); w.string(t.rule)
        w.key("file"); w.string(t.file)
        w.key("line"); w.int(t.line)
        w.key("text"); w.string(t.text)
        w.key("offsets"); offsets(t.offsets, to: &w)
        w.key("captures"); w.beginObject()
        for c in t.captures {
            w.key(c.name); w.beginObject()
            w.key("text"); w.string(c.text)
            w.key("offsets"); offsets(c.offsets, to: &w)
            w.endObject()
        }
        w.endObject()
        w.key("fields"); w.beginObject()
        for f in t.fields {
            w.key(f.name)
            switch f.value {
            case .string(let s): w.string(s)
            case .number(let d): w.double(d)
            case .bool(let b): w.bool(b)
            }
        }
        w.endObject()
        w.endObject()
    }

    private func offsets(_ o: Offsets, to w: inout JSONWriter) {
        w.beginObject()
        range("scalar", o.scalar, to: &w)
        range("utf16", o.utf16, to: &w)
        range("utf8", o.utf8, to: &w)
        w.endObject()
    }

    private func range(_ name: StaticString, _ r: Range<Int>, to w: inout JSONWriter) {
        w.key(name); w.beginArray(); w.int(r.lowerBound); w.int(r.upperBound); w.endArray()
    }

    private func source(_ s: SourceLocation, to w: inout JSONWriter) {
        w.beginObject()
        w.key("line"); w.int(s.line)
        if let c = s.column { w.key("column"); w.int(c) }
        if let b = s.bytes { range("bytes", b, to: &w) }
        if let x = s.xpath { w.key("xpath"); w.string(x) }
        w.endObject()
    }
}
