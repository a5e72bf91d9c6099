import XCTest
@testable import Pipeline

/// The samples end to end against the committed `output/samples.jsonl`. When a change
/// is meant to alter output, regenerate it with `make samples` and review the diff.
final class GoldenTests: XCTestCase {
    func testSamplesMatchCommittedOutput() throws {
        let expected = try XCTUnwrap(FileManager.default.contents(atPath: Repo.path("output/samples.jsonl")),
                                     "output/samples.jsonl is missing: run `make samples`")
        let actual = try Repo.extractSamples(jobs: 2)
        if Array(expected) != actual {
            let e = String(decoding: expected, as: UTF8.self).split(separator: "\n")
            let a = String(decoding: actual, as: UTF8.self).split(separator: "\n")
            let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            XCTFail("""
                output differs from output/samples.jsonl at line \(first + 1) \
                (expected \(e.count) lines, got \(a.count)):
                expected: \(first < e.count ? String(e[first].prefix(300)) : "<end>")
                actual:   \(first < a.count ? String(a[first].prefix(300)) : "<end>")
                """)
        }
    }

    func testOutputIsDeterministicAcrossJobCounts() throws {
        let one = try Repo.extractSamples(jobs: 1)
        XCTAssertFalse(one.isEmpty)
        XCTAssertEqual(one, try Repo.extractSamples(jobs: 2))
        XCTAssertEqual(one, try Repo.extractSamples(jobs: 2))
    }
}
