/// The four labels of TAGGING.md, in the order records list them.
public enum Tag: String, Sendable, CaseIterable, Codable, Comparable {
    case claim, position, figure, recommendation

    public static func < (a: Tag, b: Tag) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A normalised value attached to a match (a figure's `value`, `unit`, `approx` ...).
public enum FieldValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
}

/// A named part of a match: `actor`, `value`, `addressee` ...
public struct Capture: Sendable, Equatable {
    public var name: String
    /// Byte range relative to the start of the matched sentence.
    public var range: Range<Int>

    public init(name: String, range: Range<Int>) {
        self.name = name
        self.range = range
    }
}

/// One rule that fired on a sentence, after the conflict policy.
public struct Match: Sendable, Equatable {
    public var tag: Tag
    public var ruleID: String
    /// Rule file path relative to the rules directory, and the rule's 1-based line in it.
    public var file: String
    public var line: Int
    /// Byte range relative to the start of the sentence.
    public var range: Range<Int>
    /// In pattern order.
    public var captures: [Capture]
    /// Normalised fields in a fixed order (figure: value, low, high, unit, approx, change).
    public var fields: [(name: String, value: FieldValue)]

    public init(tag: Tag, ruleID: String, file: String, line: Int, range: Range<Int>,
                captures: [Capture] = [], fields: [(name: String, value: FieldValue)] = []) {
        self.tag = tag
        self.ruleID = ruleID
        self.file = file
        self.line = line
        self.range = range
        self.captures = captures
        self.fields = fields
    }

    public static func == (a: Match, b: Match) -> Bool {
        a.tag == b.tag && a.ruleID == b.ruleID && a.file == b.file && a.line == b.line
            && a.range == b.range && a.captures == b.captures
            && a.fields.map(\.name) == b.fields.map(\.name) && a.fields.map(\.value) == b.fields.map(\.value)
    }
}
