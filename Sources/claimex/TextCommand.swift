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
              claimex text --jsonl pages/*.html > texts.jsonl   (one {"path","text"} line a file)
            """)

    @Argument(help: "A .txt/.md or .html file, or - for standard input; with --jsonl, any number.")
    var files: [String]

    @Flag(help: "One JSON line per file, {\"path\": …, \"text\": …}: many pages in one process.")
    var jsonl = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("Missing expected argument '<files> ...'") }
        if !jsonl && files.count > 1 { throw ValidationError("several files need --jsonl") }
    }

    func run() throws {
        var failed = false
        for file in files {
            let document: Document
            do { document = try Ingest.read(path: file) } catch {
                Console.error("\(error)")
                failed = true
                continue
            }
            if jsonl {
                let object: [String: String] = ["path": file, "text": String(decoding: document.text, as: UTF8.self)]
                var line = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                line.append(0x0A)
                FileHandle.standardOutput.write(line)
            } else {
                FileHandle.standardOutput.write(Data(document.text + [0x0A]))
            }
        }
        if failed { throw Status.inputsFailed }
    }
}
