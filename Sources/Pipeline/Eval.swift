import Foundation
import Ingest
import Segment
import Rules

/// A sentence as the pipeline tagged it.
public struct EvalSentence: Sendable {
    public var text: String
    public var matches: [Match]

    public init(text: String, matches: [Match]) {
        self.text = text
        self.matches = matches
    }
}

/// A document as the pipeline tagged it; `name` is what gold units call it (file name).
public struct EvalDocument: Sendable {
    public var name: String
    public var sentences: [EvalSentence]

    public init(name: String, sentences: [EvalSentence]) {
        self.name = name
        self.sentences = sentences
    }
}

/// `claimex eval`: scores the rules' tags against gold units.
///
/// Counting: alignment (EvalAlignment) links each gold unit to at most one sentence, or to
/// a run of consecutive sentences the segmenter cut it into; a sentence (or such a run) and
/// the units linked to it form one scoring group whose gold labels are the union of theirs
/// and whose predicted tags are the union of its sentences'. Per tag and group: predicted
/// and gold is a true positive, predicted only a false positive, gold only a false negative.
/// A gold unit linked to no sentence is a false negative for each of its labels; a sentence
/// linked to no unit has no gold labels, so each tag predicted on it is a false positive.
/// Documents without gold units are not scored, and gold documents that were not given are
/// listed, not counted.
public enum Evaluator {
    /// Runs ingest output through the segmenter and the rules, then scores.
    public static func evaluate(gold: [GoldUnit], documents: [Document], rules: RuleSet) -> EvalReport {
        let tagged = zip(documents, names(of: documents, gold: gold)).map { d, name in
            predictions(document: d, name: name, rules: rules)
        }
        return score(gold: gold, documents: tagged)
    }

    /// The name each document goes by in the scoring: its id or file name when the gold
    /// has it, else the gold document it is another edition of (brief.html for brief.txt,
    /// matched by stem), else its file name.
    public static func names(of documents: [Document], gold: [GoldUnit]) -> [String] {
        let goldDocs = Set(gold.map(\.doc))
        var byStem: [String: String] = [:]
        for doc in goldDocs.sorted() { byStem[stem(doc)] = byStem[stem(doc)] ?? doc }
        return documents.map { d in
            let base = (d.path as NSString).lastPathComponent
            return [d.id, base].compactMap { $0 }.first(where: goldDocs.contains) ?? byStem[stem(base)] ?? base
        }
    }

    private static func stem(_ name: String) -> String { (name as NSString).deletingPathExtension }

    /// One document's sentences with the rules' matches.
    public static func predictions(document: Document, name: String, rules: RuleSet) -> EvalDocument {
        let sentences = Extractor(rules: rules).tagged(document).map { s, matches in
            EvalSentence(text: document.string(s.range), matches: matches)
        }
        return EvalDocument(name: name, sentences: sentences)
    }

    /// Scores tagged documents against gold units (the testable core: no rules needed).
    public static func score(gold: [GoldUnit], documents: [EvalDocument]) -> EvalReport {
        var report = EvalReport()
        var unitsByDoc: [String: [GoldUnit]] = [:]
        var goldOrder: [String] = []
        for u in gold {
            if unitsByDoc[u.doc] == nil { goldOrder.append(u.doc) }
            unitsByDoc[u.doc, default: []].append(u)
        }
        var counts = [Tag: (tp: Int, fp: Int, fn: Int)]()
        var rules: [String: EvalReport.RuleRow] = [:]
        var scored: Set<String> = []

        for doc in documents {
            guard let units = unitsByDoc[doc.name]?.sorted(by: { $0.n < $1.n }), !scored.contains(doc.name) else {
                report.ignoredDocuments.append(doc.name)
                continue
            }
            scored.insert(doc.name)
            report.documents.append(doc.name)
            report.goldUnits += units.count
            report.sentences += doc.sentences.count

            let links = EvalAlignment.align(units: units.map(\.text), sentences: doc.sentences.map(\.text))
            // A group's first sentence holds its units; the other sentences of a split run
            // point to it and are scored with it.
            var groups = [[GoldUnit]](repeating: [], count: doc.sentences.count)
            var last = Array(doc.sentences.indices)
            var joinedTo = [Int?](repeating: nil, count: doc.sentences.count)
            for link in links.compactMap({ $0 }) where link.through > link.sentence {
                last[link.sentence] = link.through
                for t in (link.sentence + 1)...link.through { joinedTo[t] = link.sentence }
            }
            for (u, link) in zip(units, links) {
                guard let link else {
                    report.unaligned += 1
                    for tag in u.labels {
                        counts[tag, default: (0, 0, 0)].fn += 1
                        report.falseNegatives.append(.init(doc: doc.name, n: u.n, sentence: nil, tag: tag,
                                                           text: u.text, rules: []))
                    }
                    continue
                }
                if link.kind == .exact { report.exactAligned += 1 } else { report.fuzzyAligned += 1 }
                groups[link.sentence].append(u)
            }

            for s in doc.sentences.indices where joinedTo[s] == nil {
                let group = groups[s]
                let run = doc.sentences[s...last[s]]
                let matches = run.flatMap(\.matches)
                let text = run.map(\.text).joined(separator: " ")
                let goldTags = Set(group.flatMap(\.labels))
                let predicted = Set(matches.map(\.tag))
                let ns = group.map(\.n)
                for tag in Tag.allCases {
                    let firing = matches.filter { $0.tag == tag }.map(\.ruleID)
                    switch (predicted.contains(tag), goldTags.contains(tag)) {
                    case (true, true):
                        counts[tag, default: (0, 0, 0)].tp += 1
                    case (true, false):
                        counts[tag, default: (0, 0, 0)].fp += 1
                        report.falsePositives.append(.init(doc: doc.name, n: ns.first, sentence: s, tag: tag,
                                                           text: text, rules: unique(firing)))
                    case (false, true):
                        counts[tag, default: (0, 0, 0)].fn += 1
                        let unit = group.first { $0.labels.contains(tag) }!
                        report.falseNegatives.append(.init(doc: doc.name, n: unit.n, sentence: s, tag: tag,
                                                           text: unit.text, rules: []))
                    case (false, false):
                        break
                    }
                }
                // Each rule counts once a group, as right when its tag is in the gold.
                var seen: Set<String> = []
                for m in matches where seen.insert("\(m.ruleID)\u{0}\(m.tag.rawValue)").inserted {
                    let key = "\(m.ruleID)\u{0}\(m.tag.rawValue)"
                    var row = rules[key] ?? .init(ruleID: m.ruleID, tag: m.tag, file: m.file, line: m.line)
                    row.fired += 1
                    if goldTags.contains(m.tag) { row.truePositives += 1 } else { row.falsePositives += 1 }
                    rules[key] = row
                }
            }
        }

        report.missingDocuments = goldOrder.filter { !scored.contains($0) }
        report.perTag = Tag.allCases.map { tag in
            let c = counts[tag] ?? (0, 0, 0)
            return EvalReport.Score(name: tag.rawValue, truePositives: c.tp, falsePositives: c.fp, falseNegatives: c.fn)
        }
        report.micro = EvalReport.Score(
            name: "micro",
            truePositives: report.perTag.map(\.truePositives).reduce(0, +),
            falsePositives: report.perTag.map(\.falsePositives).reduce(0, +),
            falseNegatives: report.perTag.map(\.falseNegatives).reduce(0, +))
        report.rules = rules.values.sorted {
            ($0.file, $0.line, $0.ruleID, $0.tag) < ($1.file, $1.line, $1.ruleID, $1.tag)
        }
        return report
    }

    private static func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}
