import Ingest
import Rules

/// Writes records as JSON Lines in the layout of `output/record.schema.json`.
/// A printer is just a sink: it knows the layout, nothing about how records were made.
/// One encoder per document: the fields every record of a document shares are encoded
/// once, not once per sentence.
public struct RecordEncoder {
    private let document: DocumentInfo
    private let rulesSHA256: String
    /// `"schema":…,"id":…,"doc":{…},"rules_sha256":…,"claimex_version":…` without braces.
    let shared: [UInt8]

    private let layout: RecordLayout

    public init(document: DocumentInfo, rulesSHA256: String, layout: RecordLayout = .full) {
        self.document = document
        self.layout = layout
        self.rulesSHA256 = rulesSHA256
        var w = JSONWriter(reservingCapacity: 512)
        w.beginObject()
        w.key("schema"); w.string(recordSchema)
        if let id = document.id {
            w.key("id")
            if document.idIsNumber { w.number(literal: id) } else { w.string(id) }
        }
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
        w.key("claimex_version"); w.string(claimexVersion)
        shared = Array(w.bytes.dropFirst())
    }

    /// Writes one record of any document (builds the shared part on the spot).
    public static func write(_ r: Record, layout: RecordLayout = .full, to w: inout JSONWriter) {
        RecordEncoder(document: r.document, rulesSHA256: r.rulesSHA256, layout: layout).write(r, to: &w)
    }

    /// The record as one JSON line. The layout is fixed, so punctuation and keys go out as
    /// literals (`JSONWriter.put`): a record is hundreds of them.
    public func write(_ r: Record, to w: inout JSONWriter) {
        assert(r.document == document && r.rulesSHA256 == rulesSHA256, "record of another document")
        w.put("{")
        w.put(shared)
        w.put(",\"index\":"); w.put(r.index)
        w.put(",\"text\":"); w.put(string: r.text)
        w.put(",\"labels\":[")
        for (k, l) in r.labels.enumerated() { if k > 0 { w.put(",") }; w.put(string: l.rawValue) }
        w.put("],\"section\":[")
        for (k, s) in r.section.enumerated() { if k > 0 { w.put(",") }; w.put(string: s) }
        w.put("],\"block\":{\"kind\":"); w.put(string: r.blockKind.rawValue)
        w.put(",\"index\":"); w.put(r.blockIndex)
        w.put("},\"offsets\":"); offsets(r.offsets, to: &w)
        w.put(",\"source\":"); source(r.source, to: &w)
        if layout.quote {
            w.put(",\"quote\":{\"exact\":"); w.put(string: r.quote.exact)
            w.put(",\"prefix\":"); w.put(string: r.quote.prefix)
            w.put(",\"suffix\":"); w.put(string: r.quote.suffix)
            w.put("}")
        }
        w.put(",\"tags\":[")
        for (k, t) in r.tags.enumerated() { if k > 0 { w.put(",") }; tag(t, to: &w) }
        w.put("]}\n")
    }

    private func tag(_ t: TagRecord, to w: inout JSONWriter) {
        w.put("{\"label\":"); w.put(string: t.label.rawValue)
        w.put(",\"rule\":"); w.put(string: t.rule)
        w.put(",\"file\":"); w.put(string: t.file)
        w.put(",\"line\":"); w.put(t.line)
        w.put(",\"text\":"); w.put(string: t.text)
        w.put(",\"offsets\":"); offsets(t.offsets, to: &w)
        w.put(",\"captures\":{")
        for (k, c) in t.captures.enumerated() {
            if k > 0 { w.put(",") }
            w.put(string: c.name)
            w.put(":{\"text\":"); w.put(string: c.text)
            w.put(",\"offsets\":"); offsets(c.offsets, to: &w)
            w.put("}")
        }
        w.put("},\"fields\":{")
        for (k, f) in t.fields.enumerated() {
            if k > 0 { w.put(",") }
            w.put(string: f.name)
            w.put(":")
            switch f.value {
            case .string(let s): w.put(string: s)
            case .number(let d): w.put(d)
            case .bool(let b): w.put(b ? "true" : "false")
            }
        }
        w.put("}}")
    }

    /// The units the layout names, in the order scalar, utf16, utf8.
    private func offsets(_ o: Offsets, to w: inout JSONWriter) {
        var first = true
        for (unit, name, r) in [(RecordLayout.Units.scalar, "\"scalar\":[" as StaticString, o.scalar),
                                (.utf16, "\"utf16\":[", o.utf16), (.utf8, "\"utf8\":[", o.utf8)]
        where layout.offsets.contains(unit) {
            w.put(first ? "{" : ",")
            first = false
            w.put(name); w.put(r.lowerBound); w.put(","); w.put(r.upperBound); w.put("]")
        }
        w.put("}")
    }

    /// `,"page":N,"boxes":[{"page":N,"box":[x0,y0,x1,y1]}]` of a PDF sentence (empty for
    /// other sources); points to a hundredth, written the same on every machine.
    static func pdfLocation(page: Int?, boxes: [PDFLayout.Box]) -> [UInt8] {
        var w = JSONWriter(reservingCapacity: 64 + boxes.count * 48)
        if let p = page { w.put(",\"page\":"); w.put(p) }
        guard !boxes.isEmpty else { return w.bytes }
        w.put(",\"boxes\":[")
        for (i, b) in boxes.enumerated() {
            if i > 0 { w.put(",") }
            w.put("{\"page\":"); w.put(b.page); w.put(",\"box\":[")
            points(b.x0, to: &w); w.put(","); points(b.y0, to: &w); w.put(",")
            points(b.x1, to: &w); w.put(","); points(b.y1, to: &w); w.put("]}")
        }
        w.put("]")
        return w.bytes
    }

    private static func points(_ v: Double, to w: inout JSONWriter) {
        let c = Int((v * 100).rounded())
        if c < 0 { w.put("-") }
        let a = abs(c)
        w.put(a / 100)
        let frac = a % 100
        if frac != 0 {
            w.put(".")
            if frac < 10 { w.put("0") }
            w.put(frac % 10 == 0 ? frac / 10 : frac)
        }
    }

    private func source(_ s: SourceLocation, to w: inout JSONWriter) {
        w.put("{\"line\":"); w.put(s.line)
        if let c = s.column { w.put(",\"column\":"); w.put(c) }
        if let b = s.bytes { w.put(",\"bytes\":["); w.put(b.lowerBound); w.put(","); w.put(b.upperBound); w.put("]") }
        if let x = s.xpath { w.put(",\"xpath\":"); w.put(string: x) }
        w.put(Self.pdfLocation(page: s.page, boxes: s.boxes))
        w.put("}")
    }
}
