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
              claimex text --body page.html   (the article without headline, byline, date line)
            """)

    @Argument(help: "A .txt/.md, .html or .pdf file, or - for standard input; with --jsonl, any number.")
    var files: [String]

    @Flag(help: "One JSON line per file, {\"path\": …, \"text\": …}: many pages in one process.")
    var jsonl = false

    @Flag(help: "Web pages: leave out the blocks before the article's body that repeat its title, description, authors or date (they are the record's fields).")
    var body = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("Missing expected argument '<files> ...'") }
        if !jsonl && files.count > 1 { throw ValidationError("several files need --jsonl") }
    }

    func run() throws {
        var failed = false
        for file in files {
            let document: Document
            do { document = try Ingest.read(path: file, hashing: false) } catch {
                Console.error("\(error)")
                failed = true
                continue
            }
            if jsonl {
                var line = Array("{\"path\":".utf8)
                Self.appendJSONString(Array(file.utf8), to: &line)
                line += Array(",\"text\":".utf8)
                Self.appendJSONString(body ? document.bodyText : document.text, to: &line)
                line += [UInt8(ascii: "}"), 0x0A]
                FileHandle.standardOutput.write(Data(line))
            } else {
                FileHandle.standardOutput.write(Data((body ? document.bodyText : document.text) + [0x0A]))
            }
        }
        if failed { throw Status.inputsFailed }
    }

    /// A JSON string of UTF-8 bytes: quotes, backslashes and control characters escaped.
    static func appendJSONString(_ bytes: [UInt8], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let hex = Array("0123456789abcdef".utf8)
        for b in bytes {
            switch b {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), b]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), b]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0..<0x20: out += Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 15)]]
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
