import ArgumentParser
import Foundation
import Report

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML page to review the tags: text highlighted, filters, per-tag and per-rule tables.",
        discussion: """
            Paths are briefs (tagged here, every sentence kept) or claimex records (.jsonl). \
            The page needs no network; open it in any browser.
            Examples:
              claimex report samples/ -o report.html
              claimex extract corpus/ --all-sentences -o out.jsonl && claimex report out.jsonl -o report.html
            """)

    @Argument(help: "Briefs, directories, or claimex records (.jsonl).")
    var paths: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("The HTML file to write (-: stdout).", valueName: "FILE"))
    var output: String

    @Option(help: "The page's title.")
    var title = "claimex report"

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let (documents, failed) = try DeskInputs.load(paths, rules: ruleOptions.rules)
        let page = ReportPage(title: title, documents: documents).render()
        try DeskInputs.write(page, to: output)
        let sentences = documents.reduce(0) { $0 + $1.sentences.count }
        let tags = documents.reduce(0) { $0 + $1.sentences.reduce(0) { $0 + $1.tags.count } }
        Console.error("\(output): \(documents.count) documents, \(sentences) sentences, \(tags) tags; \(DeskInputs.size(page.count))")
        if failed > 0 { throw Status.inputsFailed }
    }
}
