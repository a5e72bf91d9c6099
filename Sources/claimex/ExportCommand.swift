import ArgumentParser
import Exchange
import Foundation

extension ExchangeFormat: ExpressibleByArgument {}
extension OffsetUnit: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write tagged sentences as pre-annotated tasks for Label Studio, doccano, brat or Prodigy.",
        discussion: """
            One task per sentence, carrying the document's name and the sentence's index so \
            `claimex gold import` brings corrections back. Offsets count what each tool counts: \
            code points for Label Studio, brat and Prodigy, UTF-16 code units for doccano \
            (docs/annotators.md gives the sources); --units overrides.
            Examples:
              claimex export --to label-studio samples/*.txt -o tasks.json
              claimex extract corpus/ --all-sentences -o out.jsonl && claimex export --to brat out.jsonl -o brat/
            """)

    @Option(help: ArgumentHelp("label-studio, doccano, brat or prodigy.", valueName: "TOOL"))
    var to: ExchangeFormat

    @Argument(help: "Briefs, directories, or claimex records (.jsonl).")
    var paths: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("File to write (default stdout); for brat, the directory.", valueName: "PATH"))
    var output: String?

    @Option(help: ArgumentHelp("Count offsets in scalar (code points) or utf16, instead of the tool's own unit.", valueName: "UNIT"))
    var units: OffsetUnit?

    @OptionGroup var ruleOptions: RuleOptions

    func validate() throws {
        if to == .brat && (output == nil || output == "-") { throw ValidationError("--to brat writes .txt and .ann files: give -o DIR") }
    }

    func run() throws {
        let (documents, failed) = try DeskInputs.load(paths, rules: ruleOptions.rules)
        let files = Exporter.export(documents, to: to, unit: units)
        if to == .brat, let dir = output {
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for f in files { try DeskInputs.write(f.bytes, to: (dir as NSString).appendingPathComponent(f.name!)) }
        } else {
            for f in files { try DeskInputs.write(f.bytes, to: output) }
        }
        let sentences = documents.reduce(0) { $0 + $1.sentences.count }
        Console.error("export \(to.rawValue): \(documents.count) documents, \(sentences) tasks, offsets in \((units ?? to.unit).rawValue)")
        if failed > 0 { throw Status.inputsFailed }
    }
}
