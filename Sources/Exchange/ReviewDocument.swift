import Foundation

/// A tagged document as the annotator's tools see it: its sentences (units) with their
/// tags. Built from the pipeline's typed records or read back from claimex JSON Lines, so
/// the report and the exports work the same on a fresh run or on an earlier run's output.
/// Labels are plain strings and figure fields generic JSON: new tags or fields added to the
/// record schema pass through without a change here.
public struct ReviewDocument: Sendable, Equatable {
    /// The path the records name (`doc.path`).
    public var path: String
    /// What gold files call the document: the record's `id` if it has one, else the file name.
    public var name: String
    public var title: String?
    public var rulesSHA256: String
    public var sentences: [ReviewSentence]

    public init(path: String, name: String, title: String?, rulesSHA256: String, sentences: [ReviewSentence]) {
        self.path = path
        self.name = name
        self.title = title
        self.rulesSHA256 = rulesSHA256
        self.sentences = sentences
    }

    /// `id` when given, else the last path component (as `claimex eval` names documents).
    public static func name(path: String, id: String?) -> String {
        id ?? (path as NSString).lastPathComponent
    }
}

/// A range of the document text in the two units annotation tools count: Unicode scalars
/// (Python `str` indices) and UTF-16 code units (JavaScript string indices). End-exclusive.
public struct TextSpan: Sendable, Equatable {
    public var scalar: Range<Int>
    public var utf16: Range<Int>

    public init(scalar: Range<Int>, utf16: Range<Int>) {
        self.scalar = scalar
        self.utf16 = utf16
    }

    /// The range counted in `unit`.
    public func range(_ unit: OffsetUnit) -> Range<Int> { unit == .scalar ? scalar : utf16 }

    /// This span relative to the start of `outer` (a tag inside its sentence).
    public func relative(to outer: TextSpan) -> TextSpan {
        TextSpan(scalar: (scalar.lowerBound - outer.scalar.lowerBound)..<(scalar.upperBound - outer.scalar.lowerBound),
                 utf16: (utf16.lowerBound - outer.utf16.lowerBound)..<(utf16.upperBound - outer.utf16.lowerBound))
    }
}

/// One sentence: the unit gold files label.
public struct ReviewSentence: Sendable, Equatable {
    /// The sentence's index in its document (the gold unit's `n`).
    public var index: Int
    public var text: String
    public var section: [String]
    public var block: Int
    public var blockKind: String
    /// Where the sentence lies in the document text.
    public var span: TextSpan
    public var tags: [ReviewTag]
    /// The 1-based page it starts on (PDF sources only).
    public var page: Int?

    public init(index: Int, text: String, section: [String], block: Int, blockKind: String,
                span: TextSpan, tags: [ReviewTag], page: Int? = nil) {
        self.index = index
        self.text = text
        self.section = section
        self.block = block
        self.blockKind = blockKind
        self.span = span
        self.tags = tags
        self.page = page
    }

    /// Distinct labels of the tags, in `LabelOrder`.
    public var labels: [String] { LabelOrder.sorted(Set(tags.map(\.label))) }
}

/// One rule that fired, with its span, captures and normalised fields.
public struct ReviewTag: Sendable, Equatable {
    public var label: String
    public var rule: String
    public var file: String
    public var line: Int
    public var text: String
    /// Document offsets.
    public var span: TextSpan
    public var captures: [ReviewCapture]
    /// Normalised fields, each value as JSON text (`190000000000`, `"USD"`, `true`).
    public var fields: [ReviewField]

    public init(label: String, rule: String, file: String, line: Int, text: String, span: TextSpan,
                captures: [ReviewCapture], fields: [ReviewField]) {
        self.label = label
        self.rule = rule
        self.file = file
        self.line = line
        self.text = text
        self.span = span
        self.captures = captures
        self.fields = fields
    }
}

public struct ReviewCapture: Sendable, Equatable {
    public var name: String
    public var text: String
    public var span: TextSpan

    public init(name: String, text: String, span: TextSpan) {
        self.name = name
        self.text = text
        self.span = span
    }
}

public struct ReviewField: Sendable, Equatable {
    public var name: String
    /// The value as JSON text.
    public var json: String

    public init(name: String, json: String) {
        self.name = name
        self.json = json
    }
}

/// The order labels are listed in: claimex's own tags first, in the order of the tagging
/// guide, then any other label alphabetically.
public enum LabelOrder {
    public static let known = ["claim", "position", "figure", "recommendation"]

    public static func sorted<S: Sequence>(_ labels: S) -> [String] where S.Element == String {
        labels.sorted { a, b in
            let ia = known.firstIndex(of: a) ?? known.count, ib = known.firstIndex(of: b) ?? known.count
            return ia != ib ? ia < ib : a < b
        }
    }
}
