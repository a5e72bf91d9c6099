import ArgumentParser
import Foundation
import Ingest
import Pipeline
import Rules
import Exchange
import Report

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the rules against gold labels: precision, recall, F1 per tag and per rule.",
        discussion: """
            Gold units are aligned with sentences by text (letters and digits, case ignored); \
            documents are matched to the gold "doc" field by file name.
            Examples:
              claimex eval --gold samples/gold/seeds.jsonl samples/*.txt
              claimex eval --gold gold.jsonl reports/ --format json | jq .tags
              claimex eval --gold samples/gold/seeds.jsonl samples/*.txt --html diff.html
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: ArgumentHelp("Gold labels, JSON Lines of {doc, n, text, labels}.", valueName: "FILE"))
    var gold: String

    @Argument(help: "Documents or directories (default: the directory of the gold file's documents, if given none).")
    var paths: [String] = []

    @Option(help: "text for people, json for machines.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Also write the gold-against-rules view as a self-contained HTML page.", valueName: "FILE"))
    var html: String?

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let rules = try RuleLoading.load(ruleOptions.rules)
        let units: [GoldUnit]
        do { units = try GoldFile.read(path: gold) } catch {
            Console.error("\(error)")
            throw Status.usage
        }
        var (files, missing) = Inputs.expand(paths.isEmpty ? [(gold as NSString).deletingLastPathComponent] : paths)
        if paths.isEmpty {
            // Beside the gold file, only its documents (and their other editions), not a README.
            let names = Set(units.map(\.doc)), stems = Set(names.map { ($0 as NSString).deletingPathExtension })
            files = files.filter {
                let base = ($0 as NSString).lastPathComponent
                return names.contains(base) || stems.contains((base as NSString).deletingPathExtension)
            }
        }
        for m in missing { Console.error("\(m)") }
        var documents: [Document] = []
        var failed = missing.count
        for f in files {
            do { documents.append(try Ingest.read(path: f)) } catch {
                Console.error("\(error)")
                failed += 1
            }
        }
        let report = Evaluator.evaluate(gold: units, documents: documents, rules: rules)
        let out = format == .json ? report.renderJSON() : report.renderText()
        print(out, terminator: out.hasSuffix("\n") ? "" : "\n")
        if let html { try writeDiff(report, documents: documents, units: units, rules: rules, to: html) }
        if report.documents.isEmpty {
            // A score over nothing is no score: most often the gold "doc" names differ from the files'.
            Console.error("claimex eval: no input is a gold document (gold names: \(report.missingDocuments.prefix(5).joined(separator: ", "))); nothing was scored")
            throw Status.inputsFailed
        }
        if failed > 0 { throw Status.inputsFailed }
    }

    /// The diff page: every scored document's sentences with TP/FP/FN verdicts.
    private func writeDiff(_ report: EvalReport, documents: [Document], units: [GoldUnit], rules: RuleSet, to path: String) throws {
        let extractor = Extractor(rules: rules, allSentences: true)
        let names = Evaluator.names(of: documents, gold: units)
        let scored = Set(report.documents)
        var review: [ReviewDocument] = []
        for (d, name) in zip(documents, names) where scored.contains(name) && !review.contains(where: { $0.name == name }) {
            var r = ReviewDocument(records: extractor.records(d), path: d.path, id: d.id, title: d.title, rulesSHA256: rules.sha256)
            r.name = name
            review.append(r)
        }
        let page = ReportPage(title: "claimex eval: \((gold as NSString).lastPathComponent)", documents: review,
                              overlay: EvalOverlay(report: report, documents: review)).render()
        try DeskInputs.write(page, to: path)
        Console.error("\(path): \(review.count) documents; \(DeskInputs.size(page.count))")
    }
}
