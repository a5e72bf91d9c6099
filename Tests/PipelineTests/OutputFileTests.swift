import XCTest
import Foundation
import Emit
@testable import Pipeline

/// `OutputFile` on its own: the lock, and `--resume`'s one-pass reading of an earlier output.
final class OutputFileTests: XCTestCase {
    private var dir: String!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "claimex-output-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    private let rules = String(repeating: "ab", count: 32)

    /// A record line as claimex writes it, of document `doc` (one hex digit, repeated).
    private func line(_ doc: Character, rules: String? = nil, index: Int = 0, version: String = claimexVersion,
                      lean: Bool = false) -> String {
        let sha = String(repeating: doc, count: 64)
        let rest = lean ? "\"offsets\":{\"utf8\":[0,1]},\"source\":{\"line\":1}"
            : "\"offsets\":{\"scalar\":[0,1],\"utf16\":[0,1],\"utf8\":[0,1]},\"source\":{\"line\":1},\"quote\":{\"exact\":\"t\",\"prefix\":\"\",\"suffix\":\"\"}"
        return "{\"schema\":\"\(recordSchema)\",\"doc\":{\"path\":\"x\\\"sha256\\\":\\\"\(String(repeating: "0", count: 64))\",\"sha256\":\"\(sha)\",\"media_type\":\"text/plain\",\"title\":null},\"rules_sha256\":\"\(rules ?? self.rules)\",\"claimex_version\":\"\(version)\",\"index\":\(index),\"text\":\"t\",\(rest),\"tags\":[]}\n"
    }

    private var full: ResumeScan.Signature { ResumeScan.Signature(rulesSHA256: rules, layout: .full) }

    /// Kept: whole lines of the current rules, minus the last document (it may have been cut
    /// mid-write), moved down in place over the lines dropped; the rest is redone.
    func testResumeKeepsWholeDocumentsOfTheCurrentRulesInPlace() throws {
        let path = dir + "/out.jsonl"
        let other = String(repeating: "cd", count: 32)
        let a = line("a") + line("a", index: 1), c = line("c"), d = line("d")
        let cut = String(line("d", index: 1).dropLast(9))
        let old = a + line("b", rules: other) + c + d + cut
        try Data(old.utf8).write(to: URL(fileURLWithPath: path + ".partial"))
        let out = try OutputFile(path: path, resume: true, rulesSHA256: rules)
        XCTAssertEqual(out.completed, [String(repeating: "a", count: 64), String(repeating: "c", count: 64)])
        try out.write(Array(line("e").utf8))
        try out.commit()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), a + c + line("e"))
    }

    /// The path inside a JSON string cannot pose as the document's sha256: its quotes are escaped.
    func testTheDocumentHashIsReadFromItsKey() {
        let sha = ResumeScan.documentSHA(Array(line("f").utf8)[...], signature: full)
        XCTAssertEqual(sha, String(repeating: "f", count: 64))
        XCTAssertNil(ResumeScan.documentSHA(Array(line("f", rules: String(repeating: "0", count: 64)).utf8)[...], signature: full))
        XCTAssertNil(ResumeScan.documentSHA(Array(line("f").dropLast().utf8)[...], signature: full))
    }

    /// Records of another claimex release or another profile are redone, never mixed in.
    func testResumeKeepsOnlyRecordsOfThisReleaseAndLayout() {
        let lean = ResumeScan.Signature(rulesSHA256: rules, layout: .lean)
        XCTAssertNil(ResumeScan.documentSHA(Array(line("f", version: "0.0.1").utf8)[...], signature: full))
        XCTAssertNil(ResumeScan.documentSHA(Array(line("f", lean: true).utf8)[...], signature: full))
        XCTAssertNil(ResumeScan.documentSHA(Array(line("f").utf8)[...], signature: lean))
        XCTAssertEqual(ResumeScan.documentSHA(Array(line("f", lean: true).utf8)[...], signature: lean), String(repeating: "f", count: 64))
    }

    /// A line longer than the 1 MB read buffer is read whole.
    func testLinesLongerThanTheReadBuffer() throws {
        let path = dir + "/long.jsonl"
        let long = line("a").replacingOccurrences(of: "\"t\"", with: "\"" + String(repeating: "w", count: 3 << 20) + "\"")
        try Data((long + line("b")).utf8).write(to: URL(fileURLWithPath: path))
        let out = try OutputFile(path: path, resume: true, rulesSHA256: rules)
        XCTAssertEqual(out.completed.count, 2)
        try out.commit()
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)).count, long.utf8.count + line("b").utf8.count)
    }

    /// While one `OutputFile` holds the path, another is refused with a line naming it.
    func testASecondWriterIsRefused() throws {
        let path = dir + "/out.jsonl"
        let first = try OutputFile(path: path, resume: false, rulesSHA256: rules)
        XCTAssertThrowsError(try OutputFile(path: path, resume: false, rulesSHA256: rules)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(path): another claimex run is writing this output"), "\(error)")
        }
        try first.commit()
        XCTAssertNoThrow(try OutputFile(path: path, resume: false, rulesSHA256: rules).abandon())
    }
}
