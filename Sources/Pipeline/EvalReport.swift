import Emit
import Foundation
import Rules

/// What `claimex eval` found: scores per tag and micro-averaged, a per-rule table, and the
/// false positives and negatives with their text. Built by `Evaluator.score`.
public struct EvalReport: Sendable, Equatable {
    /// Counts and the ratios derived from them; a ratio with a zero denominator is 0.
    public struct Score: Sendable, Equatable {
        public var name: String
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double {
            precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
    }

    /// How one rule did: sentences it fired on, and how many of those carry its tag in gold.
    public struct RuleRow: Sendable, Equatable {
        public var ruleID: String
        public var tag: Tag
        public var file: String
        public var line: Int
        public var fired = 0
        public var truePositives = 0
        public var falsePositives = 0
    }

    /// A false positive (sentence text) or false negative (gold unit text).
    public struct Item: Sendable, Equatable {
        public var doc: String
        /// The gold unit's `n`; nil for a sentence no unit aligned with.
        public var n: Int?
        /// The sentence's index in the document; nil for a gold unit no sentence aligned with.
        public var sentence: Int?
        public var tag: Tag
        public var text: String
        /// Rules that predicted the tag (false positives only).
        public var rules: [String]
    }

    /// Documents scored, in input order; given but without gold; in gold but not given.
    public var documents: [String] = []
    public var ignoredDocuments: [String] = []
    public var missingDocuments: [String] = []
    public var goldUnits = 0
    public var sentences = 0
    public var exactAligned = 0
    public var fuzzyAligned = 0
    public var unaligned = 0
    public var perTag: [Score] = []
    public var micro = Score(name: "micro")
    public var rules: [RuleRow] = []
    public var falsePositives: [Item] = []
    public var falseNegatives: [Item] = []

    public init() {}

    // MARK: text

    public func renderText() -> String {
        var out = "documents \(documents.count), gold units \(goldUnits), sentences \(sentences)\n"
        out += "aligned: \(exactAligned) exact, \(fuzzyAligned) fuzzy, \(unaligned) unaligned\n"
        if !missingDocuments.isEmpty { out += "gold documents not given (not scored): \(missingDocuments.joined(separator: ", "))\n" }
        if !ignoredDocuments.isEmpty { out += "documents without gold (not scored): \(ignoredDocuments.joined(separator: ", "))\n" }
        out += "\n" + row(["tag", "P", "R", "F1", "TP", "FP", "FN"], widths: [16, 7, 7, 7, 6, 6, 6])
        for s in perTag + [micro] {
            out += row([s.name, fixed(s.precision), fixed(s.recall), fixed(s.f1),
                        "\(s.truePositives)", "\(s.falsePositives)", "\(s.falseNegatives)"],
                       widths: [16, 7, 7, 7, 6, 6, 6])
        }
        out += "\nrules\n" + row(["rule", "tag", "fired", "TP", "FP", "where"], widths: [32, 15, 6, 6, 6, 0])
        for r in rules {
            out += row([r.ruleID, r.tag.rawValue, "\(r.fired)", "\(r.truePositives)", "\(r.falsePositives)",
                        "\(r.file):\(r.line)"], widths: [32, 15, 6, 6, 6, 0])
        }
        out += "\nfalse positives (\(falsePositives.count))\n"
        for i in falsePositives { out += item(i) }
        out += "\nfalse negatives (\(falseNegatives.count))\n"
        for i in falseNegatives { out += item(i) }
        return out
    }

    private func row(_ cells: [String], widths: [Int]) -> String {
        zip(cells, widths).map { c, w in
            c.count >= w ? c + (w == 0 ? "" : " ") : c + String(repeating: " ", count: w - c.count)
        }.joined().trimmingCharacters(in: .whitespaces) + "\n"
    }

    private func item(_ i: Item) -> String {
        let place = "\(i.doc) n=\(i.n.map(String.init) ?? "-") s=\(i.sentence.map(String.init) ?? "-")"
        let by = i.rules.isEmpty ? "" : " [\(i.rules.joined(separator: ", "))]"
        return "  \(i.tag.rawValue)\t\(place)\(by)\t\(i.text)\n"
    }

    // MARK: JSON (keys in a fixed order, ratios with four decimals)

    public func renderJSON() -> String {
        var j = JSONOut()
        j.open("{")
        j.key("documents"); j.strings(documents)
        j.key("ignored_documents"); j.strings(ignoredDocuments)
        j.key("missing_documents"); j.strings(missingDocuments)
        j.key("gold_units"); j.int(goldUnits)
        j.key("sentences"); j.int(sentences)
        j.key("alignment"); j.open("{")
        j.key("exact"); j.int(exactAligned)
        j.key("fuzzy"); j.int(fuzzyAligned)
        j.key("unaligned"); j.int(unaligned)
        j.close("}")
        j.key("tags"); j.open("[")
        for s in perTag { score(&j, s) }
        j.close("]")
        j.key("micro"); score(&j, micro)
        j.key("rules"); j.open("[")
        for r in rules {
            j.open("{")
            j.key("rule"); j.string(r.ruleID)
            j.key("tag"); j.string(r.tag.rawValue)
            j.key("file"); j.string(r.file)
            j.key("line"); j.int(r.line)
            j.key("fired"); j.int(r.fired)
            j.key("tp"); j.int(r.truePositives)
            j.key("fp"); j.int(r.falsePositives)
            j.close("}")
        }
        j.close("]")
        j.key("false_positives"); j.open("[")
        for i in falsePositives { item(&j, i) }
        j.close("]")
        j.key("false_negatives"); j.open("[")
        for i in falseNegatives { item(&j, i) }
        j.close("]")
        j.close("}")
        return j.text + "\n"
    }

    private func score(_ j: inout JSONOut, _ s: Score) {
        j.open("{")
        j.key("tag"); j.string(s.name)
        j.key("precision"); j.ratio(s.precision)
        j.key("recall"); j.ratio(s.recall)
        j.key("f1"); j.ratio(s.f1)
        j.key("tp"); j.int(s.truePositives)
        j.key("fp"); j.int(s.falsePositives)
        j.key("fn"); j.int(s.falseNegatives)
        j.close("}")
    }

    private func item(_ j: inout JSONOut, _ i: Item) {
        j.open("{")
        j.key("doc"); j.string(i.doc)
        j.key("n"); if let n = i.n { j.int(n) } else { j.null() }
        j.key("sentence"); if let s = i.sentence { j.int(s) } else { j.null() }
        j.key("tag"); j.string(i.tag.rawValue)
        j.key("text"); j.string(i.text)
        j.key("rules"); j.strings(i.rules)
        j.close("}")
    }
}

private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }

private func fixed(_ x: Double) -> String { String(format: "%.3f", x) }

/// A minimal JSON writer that keeps keys in the order they are written.
/// The eval report's view of Emit's `JSONWriter`: brackets by character, ratios with four
/// decimals.
struct JSONOut {
    private var w = JSONWriter(reservingCapacity: 4096)
    var text: String { String(decoding: w.bytes, as: UTF8.self) }

    mutating func open(_ bracket: String) { bracket == "[" ? w.beginArray() : w.beginObject() }
    mutating func close(_ bracket: String) { bracket == "]" ? w.endArray() : w.endObject() }
    mutating func key(_ k: String) { w.key(k) }
    mutating func string(_ s: String) { w.string(s) }
    mutating func int(_ i: Int) { w.int(i) }
    mutating func null() { w.null() }
    mutating func ratio(_ x: Double) { w.raw(Array(String(format: "%.4f", x).utf8)) }
    mutating func strings(_ xs: [String]) {
        open("[")
        for x in xs { string(x) }
        close("]")
    }
}
