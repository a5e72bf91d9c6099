import ArgumentParser
import Emit
import Foundation
import Ingest
import Pipeline
import Rules

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split a document into sentences.",
        discussion: """
            Examples:
              claimex segment samples/sceeus-2024-putin-in-beijing.txt
              echo "Dr. Smith paid \\$3.5 bn. Why?" | claimex segment - --format jsonl
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case lines, jsonl }

    @Argument(help: "A .txt/.md, .html or .pdf file, or - for standard input.")
    var file: String

    @Option(help: "lines: one sentence a line; jsonl: one record a sentence, with provenance.")
    var format: Format = .lines

    func run() throws {
        let document: Document
        do { document = try Ingest.read(path: file) } catch {
            Console.error("\(error)")
            throw Status.inputsFailed
        }
        let extractor = Extractor(rules: .empty, allSentences: true)
        switch format {
        case .lines:
            var out: [UInt8] = []
            for s in extractor.segmenter.sentences(in: document) {
                out += document.text[s.range]
                out.append(0x0A)
            }
            FileHandle.standardOutput.write(Data(out))
        case .jsonl:
            FileHandle.standardOutput.write(Data(extractor.output(document).jsonl))
        }
    }
}
