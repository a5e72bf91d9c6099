import ArgumentParser
import Foundation
import Ingest
import Pipeline

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
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: ArgumentHelp("Gold labels, JSON Lines of {doc, n, text, labels}.", valueName: "FILE"))
    var gold: String

    @Argument(help: "Documents or directories (default: the directory of the gold file's documents, if given none).")
    var paths: [String] = []

    @Option(help: "text for people, json for machines.")
    var format: Format = .text

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
        if report.documents.isEmpty {
            // A score over nothing is no score: most often the gold "doc" names differ from the files'.
            Console.error("claimex eval: no input is a gold document (gold names: \(report.missingDocuments.prefix(5).joined(separator: ", "))); nothing was scored")
            throw Status.inputsFailed
        }
        if failed > 0 { throw Status.inputsFailed }
    }
}
