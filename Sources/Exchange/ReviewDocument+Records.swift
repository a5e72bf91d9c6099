import Emit
import Rules

extension ReviewDocument {
    /// The records of one document, as the pipeline builds them (`Extractor.records`).
    /// `records` must all be of the same document.
    public init(records: [Record], path: String, id: String?, title: String?, rulesSHA256: String) {
        self.init(path: path, name: Self.name(path: path, id: id), title: title, rulesSHA256: rulesSHA256,
                  sentences: records.map(ReviewSentence.init(record:)))
    }
}

extension ReviewSentence {
    public init(record r: Record) {
        self.init(index: r.index, text: r.text, section: r.section, block: r.blockIndex,
                  blockKind: r.blockKind.rawValue, span: TextSpan(r.offsets),
                  tags: r.tags.map { t in
                      ReviewTag(label: t.label.rawValue, rule: t.rule, file: t.file, line: t.line, text: t.text,
                                span: TextSpan(t.offsets),
                                captures: t.captures.map { ReviewCapture(name: $0.name, text: $0.text, span: TextSpan($0.offsets)) }
                                    .sorted { ($0.span.scalar.lowerBound, $0.name) < ($1.span.scalar.lowerBound, $1.name) },
                                fields: t.fields.map { ReviewField(name: $0.name, json: Self.json($0.value)) })
                  })
    }

    /// A field value as the record printer writes it.
    static func json(_ v: FieldValue) -> String {
        var w = JSONWriter(reservingCapacity: 32)
        switch v {
        case .string(let s): w.string(s)
        case .number(let d): w.double(d)
        case .bool(let b): w.bool(b)
        }
        return String(decoding: w.bytes, as: UTF8.self)
    }
}

extension TextSpan {
    init(_ o: Offsets) { self.init(scalar: o.scalar, utf16: o.utf16) }
}
