import ArgumentParser
import Foundation
import Ingest

struct Text: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Print a document's text after ingest (what every offset counts in).",
        discussion: """
            Examples:
              claimex text samples/pism-2023-china-russia-partners.txt
              claimex text page.html | less
            """)

    @Argument(help: "A .txt/.md, .html or .pdf file, or - for standard input.")
    var file: String

    func run() throws {
        let document: Document
        do { document = try Ingest.read(path: file) } catch {
            Console.error("\(error)")
            throw Status.inputsFailed
        }
        FileHandle.standardOutput.write(Data(document.text + [0x0A]))
    }
}
