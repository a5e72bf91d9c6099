import Ingest
import Segment
import Rules

/// One document's records as JSON Lines, written straight from the sentences and their
/// matches: the bytes `RecordEncoder` prints for `RecordBuilder`'s records, without making
/// the records. A record's texts are copied from the document text into the output as
/// they are escaped, so no String, array or record is created per sentence; the sentence
/// text is escaped once and copied for `quote.exact`. `RecordTests` keeps the two printers
/// of the layout in step.
public struct RecordStream: ~Copyable {
    private let document: Document
    /// `"schema":…,"rules_sha256":…`, as `RecordEncoder` writes it.
    private let shared: [UInt8]
    private var counter: OffsetCounter
    private var lines: SourceLines?
    private var sink: ByteSink
    /// The sentence being written, when its text went out verbatim (no escapes, well-formed)
    /// and where: the texts of its tags and captures are then copies of part of it.
    private var verbatim: (range: Range<Int>, at: Int)?

    private let layout: RecordLayout

    public init(document: Document, rulesSHA256: String, layout: RecordLayout = .full) {
        self.document = document
        self.layout = layout
        shared = RecordEncoder(document: DocumentInfo(document), rulesSHA256: rulesSHA256).shared
        counter = OffsetCounter(document.text)
        // Records run to about five times the text they quote; pages of the buffer that are
        // never written cost nothing, a regrowth copies everything written so far. (Capped
        // so a huge document does not reserve gigabytes up front; it grows past that.)
        sink = ByteSink(capacity: min(document.text.count * 8, 1 << 28) + 4096)
    }

    /// The lines written so far (a copy).
    public var bytes: [UInt8] { sink.bytes }

    /// The lines written, handed over without a copy.
    public consuming func finish() -> [UInt8] { sink.finish() }

    /// Bytes written and not yet taken.
    public var pendingBytes: Int { sink.count }

    /// The whole lines written so far, without a copy; the next go into a new buffer of
    /// `capacity` bytes (a big document's records are handed on in pieces, not held whole).
    public mutating func take(capacity: Int) -> [UInt8] { sink.take(newCapacity: capacity) }

    /// Writes the record of a sentence; `matches` carry ranges relative to the sentence
    /// start. Returns the record's labels as bits indexed like `Tag.allCases`.
    public mutating func write(_ sentence: Sentence, matches: [Match]) -> UInt8 {
        let range = sentence.range
        let block = document.blocks[sentence.block]
        var labels: UInt8 = 0
        for m in matches { labels |= 1 << Self.tagIndex(m.tag) }
        sink.put(byte: UInt8(ascii: "{"))
        let shared = self.shared
        shared.withUnsafeBufferPointer { sink.put($0) }
        sink.put(",\"index\":"); sink.put(sentence.index)
        sink.put(",\"text\":")
        let textStart = sink.count
        let asIs = text(range)
        let textEnd = sink.count
        verbatim = asIs && textEnd - textStart == range.count + 2 ? (range, textStart + 1) : nil
        sink.put(",\"labels\":[")
        var first = true
        for k in 0..<Self.labelNames.count where labels & (1 << k) != 0 {
            if !first { sink.put(byte: UInt8(ascii: ",")) }
            first = false
            sink.put(Self.labelNames[k])
        }
        sink.put("],\"section\":[")
        // (index loops: `enumerated()` here was an unspecialised iterator call per element)
        for k in block.sectionPath.indices {
            if k > 0 { sink.put(byte: UInt8(ascii: ",")) }
            sink.put(string: block.sectionPath[k])
        }
        sink.put("],\"block\":{\"kind\":"); sink.put(string: block.kind.rawValue)
        sink.put(",\"index\":"); sink.put(sentence.block)
        sink.put("},\"offsets\":")
        if layout.countsScalars { offsets(counter.enter(range)) } else { offsets(Offsets(scalar: range, utf16: range, utf8: range)) }
        sink.put(",\"source\":"); source(range, block: block)
        if layout.quote {
            sink.put(",\"quote\":{\"exact\":"); sink.repeatBytes(textStart..<textEnd)
            let context = quoteContext(range)
            sink.put(",\"prefix\":"); text(context.lowerBound..<range.lowerBound)
            sink.put(",\"suffix\":"); text(range.upperBound..<context.upperBound)
            sink.put(byte: UInt8(ascii: "}"))
        }
        sink.put(",\"tags\":[")
        for k in matches.indices {
            if k > 0 { sink.put(byte: UInt8(ascii: ",")) }
            tag(matches[k], base: range.lowerBound)
        }
        sink.put("]}\n")
        verbatim = nil
        return labels
    }

    /// `Tag.allCases` as JSON strings.
    private static let labelNames: [StaticString] = [#""claim""#, #""position""#, #""figure""#, #""recommendation""#]

    private static func tagIndex(_ t: Tag) -> Int {
        switch t {
        case .claim: 0
        case .position: 1
        case .figure: 2
        case .recommendation: 3
        }
    }

    private mutating func tag(_ m: Match, base: Int) {
        let span = (m.range.lowerBound + base)..<(m.range.upperBound + base)
        sink.put("{\"label\":"); sink.put(Self.labelNames[Self.tagIndex(m.tag)])
        sink.put(",\"rule\":"); sink.put(string: m.ruleID)
        sink.put(",\"file\":"); sink.put(string: m.file)
        sink.put(",\"line\":"); sink.put(m.line)
        sink.put(",\"text\":"); text(span)
        sink.put(",\"offsets\":"); offsets(span)
        sink.put(",\"captures\":{")
        for k in m.captures.indices {
            if k > 0 { sink.put(byte: UInt8(ascii: ",")) }
            let c = m.captures[k]
            let r = (c.range.lowerBound + base)..<(c.range.upperBound + base)
            sink.put(string: c.name)
            sink.put(":{\"text\":"); text(r)
            sink.put(",\"offsets\":"); offsets(r)
            sink.put(byte: UInt8(ascii: "}"))
        }
        sink.put("},\"fields\":{")
        for k in m.fields.indices {
            if k > 0 { sink.put(byte: UInt8(ascii: ",")) }
            let f = m.fields[k]
            sink.put(string: f.name)
            sink.put(byte: UInt8(ascii: ":"))
            switch f.value {
            case .string(let s): sink.put(string: s)
            case .number(let d): sink.put(d)
            case .bool(let b): sink.put(b ? "true" : "false")
            }
        }
        sink.put("}}")
    }

    /// A range of the document text as a JSON string, as `Document.string` decodes it;
    /// false when it had to be repaired.
    @discardableResult
    private mutating func text(_ r: Range<Int>) -> Bool {
        let bytes = document.text
        if let (sentence, at) = verbatim, sentence.contains(r.lowerBound), r.upperBound <= sentence.upperBound,
           bytes.withUnsafeBufferPointer({ startsScalar($0, r.lowerBound) && startsScalar($0, r.upperBound) }) {
            // Inside a verbatim sentence, on scalar boundaries: the same bytes, already written.
            sink.put(byte: UInt8(ascii: "\""))
            sink.repeatBytes((at + r.lowerBound - sentence.lowerBound)..<(at + r.upperBound - sentence.lowerBound))
            sink.put(byte: UInt8(ascii: "\""))
            return true
        }
        let ok = bytes.withUnsafeBufferPointer { sink.putEscaped(UnsafeBufferPointer(rebasing: $0[r])) }
        if !ok { sink.put(string: document.string(r)) }   // ill-formed UTF-8, repaired
        return ok
    }

    private func startsScalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool { i >= p.count || p[i] & 0xC0 != 0x80 }

    private mutating func offsets(_ r: Range<Int>) {
        offsets(layout.countsScalars ? counter.offsets(r) : Offsets(scalar: r, utf16: r, utf8: r))
    }

    /// The three ranges are often the same numbers (ASCII text): those are printed once
    /// and copied.
    private mutating func offsets(_ o: Offsets) {
        guard layout.offsets == .all else { return someOffsets(o) }
        sink.write(reserving: 160) { c in
            c.put("{\"scalar\":[")
            let scalar = c.p
            c.put(o.scalar.lowerBound); c.put(byte: UInt8(ascii: ",")); c.put(o.scalar.upperBound)
            let scalarCount = c.p - scalar
            c.put("],\"utf16\":[")
            let utf16 = c.p
            if o.utf16 == o.scalar {
                c.copy(scalar, count: scalarCount)
            } else {
                c.put(o.utf16.lowerBound); c.put(byte: UInt8(ascii: ",")); c.put(o.utf16.upperBound)
            }
            let utf16Count = c.p - utf16
            c.put("],\"utf8\":[")
            if o.utf8 == o.scalar {
                c.copy(scalar, count: scalarCount)
            } else if o.utf8 == o.utf16 {
                c.copy(utf16, count: utf16Count)
            } else {
                c.put(o.utf8.lowerBound); c.put(byte: UInt8(ascii: ",")); c.put(o.utf8.upperBound)
            }
            c.put("]}")
        }
    }

    /// The units the layout names, in the order scalar, utf16, utf8.
    private mutating func someOffsets(_ o: Offsets) {
        let units = layout.offsets
        sink.write(reserving: 160) { c in
            var first = true
            for (unit, name, r) in [(RecordLayout.Units.scalar, "\"scalar\":[" as StaticString, o.scalar),
                                    (.utf16, "\"utf16\":[", o.utf16), (.utf8, "\"utf8\":[", o.utf8)]
            where units.contains(unit) {
                c.put(first ? "{" : ",")
                first = false
                c.put(name)
                c.put(r.lowerBound); c.put(byte: UInt8(ascii: ",")); c.put(r.upperBound)
                c.put(byte: UInt8(ascii: "]"))
            }
            c.put(byte: UInt8(ascii: "}"))
        }
    }

    /// `RecordBuilder.location`, printed as `RecordEncoder.source` prints it.
    private mutating func source(_ range: Range<Int>, block: Block) {
        sink.put("{\"line\":")
        if let map = document.sourceMap {
            let bytes = map.sourceRange(forText: range)
            if lines == nil { lines = SourceLines(document.source) }
            let (line, column) = lines!.location(of: bytes.lowerBound)
            sink.put(line)
            sink.put(",\"column\":"); sink.put(column)
            sink.put(",\"bytes\":["); sink.put(bytes.lowerBound)
            sink.put(byte: UInt8(ascii: ",")); sink.put(bytes.upperBound)
            sink.put(byte: UInt8(ascii: "]"))
        } else if let layout = document.layout {
            let start = layout.start(of: range)
            sink.put(start?.line ?? block.sourceLine)
            let pdf = RecordEncoder.pdfLocation(page: start?.page, boxes: layout.boxes(for: range))
            pdf.withUnsafeBufferPointer { sink.put($0) }
        } else {
            sink.put(block.sourceLine)
        }
        if let x = block.xpath { sink.put(",\"xpath\":"); sink.put(string: x) }
        sink.put(byte: UInt8(ascii: "}"))
    }

    /// The quote selector's context either side, as `RecordBuilder.quote` takes it.
    private func quoteContext(_ range: Range<Int>) -> Range<Int> {
        RecordBuilder.contextRange(around: range, in: document.text)
    }
}
