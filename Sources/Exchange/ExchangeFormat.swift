import Emit

/// The annotation tools claimex exports to and imports gold labels from. Every format
/// holds one task per sentence (the unit gold files label), with the document's name and
/// the sentence's index alongside, so corrections come back to the right unit.
public enum ExchangeFormat: String, Sendable, CaseIterable {
    case labelStudio = "label-studio"
    case doccano
    case brat
    case prodigy

    /// The unit the tool's offsets count (see `OffsetUnit` for the sources).
    public var unit: OffsetUnit {
        switch self {
        case .labelStudio, .brat, .prodigy: return .scalar
        case .doccano: return .utf16
        }
    }
}

/// One file an export writes; `name` is nil for the single-stream formats (stdout or -o).
public struct ExportFile: Sendable, Equatable {
    public var name: String?
    public var bytes: [UInt8]
}

/// A labelled unit read back from a tool: becomes one gold line.
public struct ImportedUnit: Sendable, Equatable {
    public var doc: String
    public var n: Int
    public var text: String
    public var labels: [String]

    public init(doc: String, n: Int, text: String, labels: [String]) {
        self.doc = doc
        self.n = n
        self.text = text
        self.labels = labels
    }
}

public enum Exporter {
    /// The documents in `format`, offsets counted in `unit` (by default the tool's own).
    public static func export(_ docs: [ReviewDocument], to format: ExchangeFormat, unit: OffsetUnit? = nil) -> [ExportFile] {
        let unit = unit ?? format.unit
        switch format {
        case .labelStudio: return [ExportFile(name: nil, bytes: LabelStudioFormat.export(docs, unit: unit))]
        case .doccano: return [ExportFile(name: nil, bytes: DoccanoFormat.export(docs, unit: unit))]
        case .prodigy: return [ExportFile(name: nil, bytes: ProdigyFormat.export(docs, unit: unit))]
        case .brat: return BratFormat.export(docs, unit: unit)
        }
    }

    /// A tag's span inside its sentence, in `unit`, clamped to the sentence.
    static func span(_ t: ReviewTag, in s: ReviewSentence, _ unit: OffsetUnit) -> Range<Int> {
        let r = t.span.relative(to: s.span).range(unit)
        let length = s.span.range(unit).count
        return max(0, r.lowerBound)..<min(length, max(r.lowerBound, r.upperBound))
    }
}

/// Slicing text by offsets counted in either unit, to check a tool's spans.
public enum UnitText {
    public static func length(_ text: String, _ unit: OffsetUnit) -> Int {
        unit == .scalar ? text.unicodeScalars.count : text.utf16.count
    }

    /// `text[range]` in `unit`, or nil when the range is out of bounds or splits a surrogate pair.
    public static func slice(_ text: String, _ range: Range<Int>, _ unit: OffsetUnit) -> String? {
        guard range.lowerBound >= 0, range.upperBound <= length(text, unit) else { return nil }
        switch unit {
        case .scalar:
            let s = Array(text.unicodeScalars)[range]
            var v = String.UnicodeScalarView()
            v.append(contentsOf: s)
            return String(v)
        case .utf16:
            let u = Array(text.utf16)[range]
            if let f = u.first, UTF16.isTrailSurrogate(f) { return nil }
            if let l = u.last, UTF16.isLeadSurrogate(l) { return nil }
            return String(decoding: u, as: UTF16.self)
        }
    }
}

extension JSONWriter {
    mutating func labels(_ xs: [String]) {
        beginArray()
        for x in xs { string(x) }
        endArray()
    }
}
