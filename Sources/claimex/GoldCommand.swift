import ArgumentParser
import Exchange
import Foundation

struct GoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gold",
        abstract: "Gold labels: bring annotators' corrections back from their tools.",
        subcommands: [GoldImport.self])
}

struct GoldImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read a tool's export of claimex tasks into gold JSON Lines ({doc, n, text, labels}).",
        discussion: """
            Label Studio: its JSON export (each task's latest annotation, else its predictions). \
            doccano: its JSONL export. Prodigy: `db-out` JSONL (rejected and ignored tasks are left out). \
            brat: a directory or .ann files, each beside its .txt. A span whose offsets do not give \
            its text is named on stderr (a sign of another offset unit: see --units).
            Examples:
              claimex gold import --from label-studio project-1.json > gold.jsonl
              claimex gold import --from brat brat/ > gold.jsonl && claimex eval --gold gold.jsonl samples/
            """)

    @Option(help: ArgumentHelp("label-studio, doccano, brat or prodigy.", valueName: "TOOL"))
    var from: ExchangeFormat

    @Argument(help: "The tool's export files (brat: directories or .ann files).")
    var files: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the gold lines to FILE (default stdout).", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Read offsets as scalar (code points) or utf16, instead of the tool's own unit.", valueName: "UNIT"))
    var units: OffsetUnit?

    func run() throws {
        let unit = units ?? from.unit
        var warnings: [ExchangeError] = []
        var imported: [ImportedUnit] = []
        var failed = 0
        for path in inputs() {
            guard let data = FileManager.default.contents(atPath: path) else {
                Console.error("\(path): cannot read"); failed += 1; continue
            }
            let bytes = Array(data)
            switch from {
            case .labelStudio: imported += LabelStudioFormat.importTasks(bytes, path: path, unit: unit, warnings: &warnings)
            case .doccano: imported += DoccanoFormat.importLines(bytes, path: path, unit: unit, warnings: &warnings)
            case .prodigy: imported += ProdigyFormat.importLines(bytes, path: path, unit: unit, warnings: &warnings)
            case .brat:
                let txtPath = (path as NSString).deletingPathExtension + ".txt"
                guard let txt = FileManager.default.contents(atPath: txtPath) else {
                    Console.error("\(path): no \(txtPath) beside it"); failed += 1; continue
                }
                let name = BratFormat.documentName(((path as NSString).lastPathComponent as NSString).deletingPathExtension)
                imported += BratFormat.importDocument(name: name, txt: String(decoding: txt, as: UTF8.self),
                                                      ann: String(decoding: bytes, as: UTF8.self), path: path,
                                                      unit: unit, warnings: &warnings)
            }
        }
        let gold = GoldLines.render(imported, warnings: &warnings)
        try DeskInputs.write(Array(gold.utf8), to: output)
        for w in warnings { Console.error("\(w)") }
        let lines = gold.split(separator: "\n").count
        Console.error("gold import \(from.rawValue): \(lines) units, offsets read as \(unit.rawValue)")
        if failed > 0 || warnings.contains(where: { !$0.isNote }) { throw Status.inputsFailed }
    }

    /// brat directories expand to their .ann files, in name order.
    private func inputs() -> [String] {
        files.flatMap { f -> [String] in
            var isDir: ObjCBool = false
            guard from == .brat, FileManager.default.fileExists(atPath: f, isDirectory: &isDir), isDir.boolValue else { return [f] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: f)) ?? []
            return names.filter { $0.hasSuffix(".ann") }.sorted().map { (f as NSString).appendingPathComponent($0) }
        }
    }
}
