import Foundation
import Ingest
import Rules
import Segment

/// libFuzzer targets for the stages that read untrusted bytes: the plain-text reader, the
/// HTML reader, the segmenter and the pattern parser/compiler (with the matcher). One binary,
/// the target named by `CLAIMEX_FUZZ` (text, html, segment, pattern).
///
/// Built with `-sanitize=fuzzer -DFUZZING` (`scripts/fuzz.sh`, `make fuzz`) it fuzzes; built
/// plainly (`swift build`) it replays files given as arguments through the same target, so a
/// crash libFuzzer saved can be rerun in a debugger.
enum FuzzTarget: String, CaseIterable {
    case text, html, segment, pattern

    static var selected: FuzzTarget {
        let name = ProcessInfo.processInfo.environment["CLAIMEX_FUZZ"] ?? ""
        guard let t = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("set CLAIMEX_FUZZ to one of: \(allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        return t
    }

    func run(_ bytes: [UInt8]) {
        switch self {
        case .text: Self.ingest(bytes, .plainText)
        case .html: Self.ingest(bytes, .html)
        case .segment: Self.segment(bytes)
        case .pattern: Self.pattern(bytes)
        }
    }

    /// A document's invariants: blocks in order inside the text, the text valid UTF-8.
    static func ingest(_ bytes: [UInt8], _ type: Document.MediaType) {
        guard let doc = try? Ingest.document(source: bytes, path: "fuzz", mediaType: type) else { return }
        var last = 0
        for b in doc.blocks {
            check(b.range.lowerBound >= last && b.range.upperBound <= doc.text.count, "block range out of order or past the text")
            last = b.range.upperBound
        }
        check(String(validating: doc.text, as: UTF8.self) != nil, "document text is not valid UTF-8")
        check((doc.title?.utf8.count ?? 0) <= FieldCap.maxBytes, "title over the cap")
    }

    /// Sentences in order, inside their blocks, not empty, starting and ending on scalars.
    static func segment(_ bytes: [UInt8]) {
        guard let doc = try? Ingest.document(source: bytes, path: "fuzz", mediaType: .plainText) else { return }
        var last = 0
        for s in Segmenter().sentences(in: doc) {
            let block = doc.blocks[s.block].range
            check(!s.range.isEmpty && s.range.lowerBound >= last, "sentence empty or out of order")
            check(s.range.lowerBound >= block.lowerBound && s.range.upperBound <= block.upperBound, "sentence outside its block")
            check(String(validating: doc.text[s.range], as: UTF8.self) != nil, "sentence cut inside a scalar")
            last = s.range.upperBound
        }
    }

    static let sentences = [
        "The West should strive to deter China from possible involvement.",
        "In 2022, China became Russia's most important trading partner as trade rose by 30% to $190 billion.",
        "Russia and China must find a way, said the minister; NATO will respond.",
    ]

    /// The input as a rule's pattern: loaded (parsed, checked, compiled) and, when it loads,
    /// run over a few sentences and over its own words. A load error is a fine outcome.
    static func pattern(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self), !text.contains("\0") else { return }
        let body = text.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")
        let yaml = "rules:\n  - id: fuzz\n    tag: claim\n    description: fuzzed pattern\n    pattern: |-\n" + body + "\n"
        guard let rules = try? RuleSet.load(files: [("rules.yaml", Data(yaml.utf8)), ("lexicons/actors.txt", Data("China\nRussia\nthe West\n".utf8))]) else { return }
        let context = MatchContext()
        for s in sentences + [text] {
            let sentence = Array(s.utf8)
            for m in sentence.withUnsafeBufferPointer({ rules.matches(in: $0, context: context) }) {
                check(m.range.lowerBound >= 0 && m.range.upperBound <= sentence.count, "match outside the sentence")
                for c in m.captures { check(c.range.upperBound <= sentence.count, "capture outside the sentence") }
            }
        }
    }

    static func check(_ ok: Bool, _ what: @autoclosure () -> String) {
        if !ok { fatalError("claimex-fuzz: \(what())") }
    }
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<Int32>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

nonisolated(unsafe) var target = FuzzTarget.text

@main
enum Fuzz {
    static func main() {
        target = FuzzTarget.selected
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv) { data, size in
            target.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
            return 0
        })
    }
}
#else
@main
enum Replay {
    static func main() {
        let target = FuzzTarget.selected
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): cannot read\n".utf8))
                exit(1)
            }
            target.run(Array(data))
        }
    }
}
#endif
