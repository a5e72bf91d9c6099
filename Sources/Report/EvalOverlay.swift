import Exchange
import Pipeline

/// `claimex eval`'s verdicts laid over the tagged documents, for the diff page: each
/// sentence's tags marked TP or FP and its missed gold labels FN, in the manner of GATE's
/// AnnotationDiff. The documents must carry the names the evaluation used.
public struct EvalOverlay: Sendable {
    public enum Verdict: String, Sendable { case tp = "TP", fp = "FP", fn = "FN" }

    public let report: EvalReport
    /// Document name -> sentence index -> (label, verdict), labels in `LabelOrder`.
    let marks: [String: [Int: [(label: String, verdict: Verdict)]]]

    public init(report: EvalReport, documents: [ReviewDocument]) {
        self.report = report
        let scored = Set(report.documents)
        var fp: [String: [Int: Set<String>]] = [:], fn: [String: [Int: Set<String>]] = [:]
        for i in report.falsePositives { if let s = i.sentence { fp[i.doc, default: [:]][s, default: []].insert(i.tag.rawValue) } }
        for i in report.falseNegatives { if let s = i.sentence { fn[i.doc, default: [:]][s, default: []].insert(i.tag.rawValue) } }
        var marks: [String: [Int: [(label: String, verdict: Verdict)]]] = [:]
        for d in documents where scored.contains(d.name) {
            var byS: [Int: [(label: String, verdict: Verdict)]] = [:]
            for s in d.sentences {
                let wrong = fp[d.name]?[s.index] ?? [], missed = fn[d.name]?[s.index] ?? []
                var m: [(label: String, verdict: Verdict)] = s.labels.map { ($0, wrong.contains($0) ? .fp : .tp) }
                m += LabelOrder.sorted(missed).map { ($0, .fn) }
                if !m.isEmpty { byS[s.index] = m }
            }
            marks[d.name] = byS
        }
        self.marks = marks
    }

    /// The verdicts on one sentence.
    public func verdicts(doc: String, sentence: Int) -> [(label: String, verdict: Verdict)] {
        marks[doc]?[sentence] ?? []
    }
}
