import Foundation
import XCTest

/// The committed model (and its lemma exceptions' forms) is exactly what `claimex-train` makes
/// from the treebank, so nobody edits weights by hand. Runs the debug trainer (about 18 s of CPU: the trainer is optimised
/// in debug builds too, see Package.swift) on the EWT train split
/// from `../shared/corpora` (or `$CLAIMEX_EWT`) with WordNet's database from Debian's
/// wordnet-base (or `$CLAIMEX_WORDNET`); skipped where either is absent.
/// `make tagger-model-check` does the same with a release build.
final class ModelReproducibilityTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testTrainingReproducesTheCommittedModel() throws {
        let ewt = ProcessInfo.processInfo.environment["CLAIMEX_EWT"]
            ?? Self.root.deletingLastPathComponent().appendingPathComponent("shared/corpora/ud-english-ewt").path
        let train = URL(fileURLWithPath: ewt).appendingPathComponent("en_ewt-ud-train.conllu.gz")
        guard FileManager.default.fileExists(atPath: train.path) else {
            throw XCTSkip("no treebank at \(train.path) (set CLAIMEX_EWT)")
        }
        let wordnet = ProcessInfo.processInfo.environment["CLAIMEX_WORDNET"] ?? "/usr/share/wordnet"
        guard FileManager.default.fileExists(atPath: wordnet + "/index.noun") else {
            throw XCTSkip("no WordNet database at \(wordnet) (install wordnet-base or set CLAIMEX_WORDNET)")
        }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var trainer: URL?
        while dir.path != "/" && trainer == nil {
            let candidate = dir.appendingPathComponent("claimex-train")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { trainer = candidate }
            dir = dir.deletingLastPathComponent()
        }
        let exe = try XCTUnwrap(trainer ?? [Self.root.appendingPathComponent(".build/debug/claimex-train")]
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }, "build claimex-train first (make test does)")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("claimex-model-\(getpid()).bin")
        let forms = FileManager.default.temporaryDirectory.appendingPathComponent("claimex-lemma-forms-\(getpid()).txt")
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: forms) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "gzip -dc \"$1\" | \"$2\" --wordnet \"$4\" --lemma-forms \"$5\" -o \"$3\"", "sh", train.path, exe.path, out.path,
                       wordnet, forms.path]
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let made = try Data(contentsOf: out)
        let committed = try Data(contentsOf: Self.root.appendingPathComponent("Sources/TaggerModelData/model/ewt-tagger.bin"))
        XCTAssertEqual(made.count, committed.count)
        XCTAssertTrue(made == committed, "the committed model differs from what training gives: run make tagger-model")
        // And the forms of its lemma exceptions (`Tagger.lemmaForms`), made with it.
        let formsMade = try Data(contentsOf: forms)
        let formsCommitted = try Data(contentsOf: Self.root.appendingPathComponent("Sources/TaggerModelData/model/ewt-lemma-forms.txt"))
        XCTAssertTrue(formsMade == formsCommitted, "the committed lemma forms differ from what training gives: run make tagger-model")
    }
}
