import Ingest
import Segment
import Rules
import Emit

/// What one document gave: its JSON Lines and the counts a summary needs.
public struct DocumentOutput: Sendable {
    public var jsonl: [UInt8]
    public var sentences: Int
    public var records: Int
    /// Tagged sentences per label, indexed like `Tag.allCases`.
    public var labelCounts: [Int]
    /// True when resume found this document already in the output.
    public var skipped = false
    /// One line each, naming the document and the place: sentences matched in windows.
    public var warnings: [String] = []
}

/// Runs segment -> rules -> emit over one ingested document. Stateless and Sendable, so
/// batch workers share one instance (the rules are compiled once, before any document).
/// A class: a call on it copied the whole value, retaining each of the compiled rules'
/// fifty-odd arrays once per document, counts the other workers write too.
public final class Extractor: Sendable {
    public let rules: RuleSet
    public let segmenter: Segmenter
    /// Emit every sentence, not only tagged ones.
    public let allSentences: Bool
    /// What each record carries (offset units, quote).
    public let layout: RecordLayout

    public init(rules: RuleSet, segmenter: Segmenter = Segmenter(), allSentences: Bool = false,
                layout: RecordLayout = .full) {
        self.rules = rules
        self.segmenter = segmenter
        self.allSentences = allSentences
        self.layout = layout
    }

    /// Sentences with the matches of the rules, ranges relative to each sentence. `context`
    /// holds the matcher's buffers: a batch worker passes its own to every document, so they
    /// are grown once per thread rather than once per document.
    public func tagged(_ document: Document, context: MatchContext = MatchContext()) -> [(sentence: Sentence, matches: [Match])] {
        let sentences = segmenter.sentences(in: document)
        return document.text.withUnsafeBufferPointer { text in
            sentences.map { s in
                (s, Self.isHeading(s, document) ? [] : rules.matches(in: UnsafeBufferPointer(rebasing: text[s.range]), context: context))
            }
        }
    }

    /// A heading carries no tag (TAGGING.md): "What the West must do" titles a section, it
    /// advises no one, so its sentence is not matched at all.
    static func isHeading(_ s: Sentence, _ document: Document) -> Bool {
        document.blocks.indices.contains(s.block) && document.blocks[s.block].kind == .heading
    }

    public func records(_ document: Document) -> [Record] {
        var builder = RecordBuilder(document: document, rulesSHA256: rules.sha256)
        return tagged(document).compactMap { s, m in
            allSentences || !m.isEmpty ? builder.record(for: s, matches: m) : nil
        }
    }

    /// With `flush`, records go to it in pieces of about `pieceBytes` as they are written,
    /// whole lines each, and `jsonl` holds only the rest: a big document's output is not
    /// held whole (it runs to several times the document's size).
    public static let pieceBytes = 4 << 20

    public func output(_ document: Document, context: MatchContext = MatchContext(),
                       flush: (([UInt8]) -> Void)? = nil) -> DocumentOutput {
        var out = DocumentOutput(jsonl: [], sentences: 0, records: 0,
                                 labelCounts: Array(repeating: 0, count: Tag.allCases.count))
        // Straight to bytes: the same lines as `records` printed by `RecordEncoder`.
        var stream = RecordStream(document: document, rulesSHA256: rules.sha256, layout: layout)
        // Each sentence's matches are written and dropped as they come, as `tagged` would give
        // them: destroying its array of (sentence, matches) tuples went through the runtime's
        // generic tuple destructor, about 600 instructions a sentence.
        let sentences = segmenter.sentences(in: document)
        document.text.withUnsafeBufferPointer { text in
            for s in sentences {
                let heading = Self.isHeading(s, document)
                let m = heading ? [] : rules.matches(in: UnsafeBufferPointer(rebasing: text[s.range]), context: context)
                if !heading, context.lastSentenceWindows > 1 { out.warnings.append(Self.windowWarning(document, s, context)) }
                out.sentences += 1
                guard allSentences || !m.isEmpty else { continue }
                let labels = stream.write(s, matches: m)
                for k in out.labelCounts.indices where labels & (1 << k) != 0 { out.labelCounts[k] += 1 }
                out.records += 1
                if let flush, stream.pendingBytes >= Self.pieceBytes { flush(stream.take(capacity: 2 * Self.pieceBytes)) }
            }
        }
        out.jsonl = stream.finish()
        return out
    }

    static func windowWarning(_ document: Document, _ s: Sentence, _ context: MatchContext) -> String {
        "\(document.id ?? document.path): sentence \(s.index) (text bytes \(s.range.lowerBound)-\(s.range.upperBound)) has "
            + "\(context.lastSentenceTokens) tokens, over the \(RuleSet.maxSentenceTokens)-token limit for matching: "
            + "matched in \(context.lastSentenceWindows) windows, no match spans two"
    }
}
