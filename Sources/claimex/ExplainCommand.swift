import ArgumentParser
import Foundation
import Ingest
import Pipeline
import Rules

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why a sentence matched or did not: tokens, matches, near misses.",
        discussion: """
            For every rule whose trigger word occurs but that did not match, shows the pattern \
            element where the match stopped.
            Examples:
              claimex explain "Russia declared support for Chinese claims."
              claimex explain --file samples/pism-2023-china-russia-partners.txt --sentence 12
            """)

    @Argument(help: "The sentence to explain.")
    var sentence: String?

    @Option(help: ArgumentHelp("Take the sentence from this document (with --sentence).", valueName: "FILE"))
    var file: String?

    @Option(name: .customLong("sentence"), help: ArgumentHelp("Index of the sentence in --file (as in records).", valueName: "N"))
    var index: Int?

    @OptionGroup var ruleOptions: RuleOptions

    func validate() throws {
        switch (sentence, file, index) {
        case (.some, nil, nil), (nil, .some, .some): return
        default: throw ValidationError("give a sentence, or --file FILE --sentence N")
        }
    }

    func run() throws {
        let rules = try RuleLoading.load(ruleOptions.rules, explains: true)
        var bytes: [UInt8]
        if let sentence {
            bytes = Array(sentence.utf8)
        } else if let file, let index {
            let document: Document
            do { document = try Ingest.read(path: file) } catch {
                Console.error("\(error)")
                throw Status.inputsFailed
            }
            let sentences = Extractor(rules: .empty).segmenter.sentences(in: document)
            guard sentences.indices.contains(index) else {
                Console.error("\(file): no sentence \(index) (it has \(sentences.count), numbered from 0)")
                throw Status.usage
            }
            bytes = Array(document.text[sentences[index].range])
            print("\(file) sentence \(index):")
        } else {
            throw Status.usage
        }
        let rendered = rules.explain(sentence: bytes).render()
        print(rendered, terminator: rendered.hasSuffix("\n") ? "" : "\n")
    }
}
