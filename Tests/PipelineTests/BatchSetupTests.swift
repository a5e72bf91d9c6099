import Ingest
import Rules
import XCTest
@testable import Pipeline

/// `Batch.run(_:setup:onResult:)`: the workers ingest while the setup is made on the calling
/// thread; its result decides what is extracted, skipped or, when it fails, delivered at all.
final class BatchSetupTests: XCTestCase {
    private static var files: [InputItem] { Repo.inRoot { Inputs.expand(["samples"]).files.map { .file(path: Repo.path($0)) } } }

    func testSetupMadeDuringTheRunGivesTheSameOutput() throws {
        let expected = try Repo.extractSamples(jobs: 2)
        let rules = try Repo.inRoot { try RuleSet.load(directory: "rules") }
        for jobs in [1, 3] {
            var out: [UInt8] = []
            try Repo.inRoot {  // relative paths, as extractSamples gives them
                let files = Inputs.expand(["samples"]).files.map { InputItem.file(path: $0) }
                try Batch(jobs: jobs).run(files, setup: {
                    Thread.sleep(forTimeInterval: 0.2)  // the workers are ingesting meanwhile
                    return Batch.Setup(extractor: Extractor(rules: rules, allSentences: true))
                }) { r in
                    if case .success(let o) = r.result { out += o.jsonl }
                }
            }
            XCTAssertEqual(out, expected, "jobs \(jobs)")
        }
    }

    func testAFailedSetupDeliversNothingAndRethrows() {
        struct Broken: Error {}
        var delivered = 0
        XCTAssertThrowsError(try Batch(jobs: 2).run(Self.files, setup: { throw Broken() }) { _ in delivered += 1 }) {
            XCTAssertTrue($0 is Broken)
        }
        XCTAssertEqual(delivered, 0)
    }

    func testInputsInTheSkipSetAreSkipped() throws {
        let rules = try Repo.inRoot { try RuleSet.load(directory: "rules") }
        let files = Self.files
        guard case .file(let first) = files[0] else { return XCTFail("no sample") }
        let sha = sha256Hex(Array(try Data(contentsOf: URL(fileURLWithPath: first))))
        var skipped: [Bool] = []
        try Batch(jobs: 2).run(files, setup: {
            Batch.Setup(extractor: Extractor(rules: rules), skip: [sha])
        }) { r in
            if case .success(let o) = r.result { skipped.append(o.skipped) }
        }
        XCTAssertEqual(skipped.count, files.count)
        XCTAssertEqual(skipped.first, true)
        XCTAssertEqual(skipped.dropFirst().filter { $0 }.count, 0)
    }
}

/// A big document's records reach the output in pieces, in order, never held whole: they run
/// to several times its size, and held whole (and copied as the buffer grew) a 200 MB text
/// file took 2.7 GB.
final class BatchPiecesTests: XCTestCase {
    func testABigDocumentsRecordsComeInPiecesInInputOrder() throws {
        let rules = try Repo.inRoot { try RuleSet.load(directory: "rules") }
        let sample = try String(contentsOfFile: Repo.path("samples/pism-2023-china-russia-partners.txt"), encoding: .utf8)
        let big = String(repeating: sample + "\n\n", count: 100)  // 1.5 MB of text, 9.5 MB of records
        let inputs: [InputItem] = [
            .inline(id: "small-1", bytes: Array(sample.utf8), mediaType: .plainText),
            .inline(id: "big", bytes: Array(big.utf8), mediaType: .plainText),
            .inline(id: "small-2", bytes: Array("The EU should act now.".utf8), mediaType: .plainText),
        ]
        let setup = { Batch.Setup(extractor: Extractor(rules: rules, allSentences: true)) }
        var whole: [UInt8] = []
        try Batch(jobs: 3).run(inputs, setup: setup) { r in
            if case .success(let o) = r.result { whole += o.jsonl }
        }
        var streamed: [UInt8] = [], largest = 0, pieces = 0
        try Batch(jobs: 3).run(inputs, setup: setup, onPiece: { p in
            streamed += p; pieces += 1; largest = max(largest, p.count)
        }) { r in
            if case .success(let o) = r.result { streamed += o.jsonl; largest = max(largest, o.jsonl.count) }
        }
        XCTAssertGreaterThan(whole.count, 2 * Extractor.pieceBytes)
        XCTAssertGreaterThanOrEqual(pieces, 2)
        XCTAssertLessThan(largest, Extractor.pieceBytes + (64 << 10), "a piece holds more than its share")
        XCTAssertEqual(streamed, whole)
    }
}
