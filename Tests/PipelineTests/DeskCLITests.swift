import XCTest
import Foundation

/// `report`, `export`, `gold import` and `eval --html` as an annotator runs them.
final class DeskCLITests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("claimex-desk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    @discardableResult
    private func run(_ args: [String], rules: Bool = true) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = Repo.executable
        p.arguments = args + (rules ? ["--rules", Repo.path("rules")] : [])
        p.currentDirectoryURL = Repo.root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    private func objects(_ jsonl: String) -> [[String: Any]] {
        jsonl.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    private let samples = ["samples/pism-2023-china-russia-partners.txt", "samples/sceeus-2024-putin-in-beijing.html"]

    /// Every tool: export the samples, import the export as gold, and each sentence comes
    /// back with the labels `extract` gives it.
    func testExportThenGoldImportGivesTheLabelsBack() throws {
        let records = objects(try run(["extract"] + samples + ["--all-sentences", "--quiet"]).out)
        let want = records.map { r -> String in
            let name = ((r["doc"] as! [String: Any])["path"] as! String as NSString).lastPathComponent
            return "\(name) \(r["index"] as! Int) \(r["labels"] as! [String])"
        }
        XCTAssertGreaterThan(want.count, 150)
        for tool in ["label-studio", "doccano", "prodigy", "brat"] {
            let target = dir.appendingPathComponent(tool).path
            let export = try run(["export", "--to", tool] + samples + ["-o", target])
            XCTAssertEqual(export.status, 0, export.err)
            XCTAssertTrue(export.err.hasPrefix("export \(tool): 2 documents, \(want.count) tasks, offsets in "), export.err)
            let imported = try run(["gold", "import", "--from", tool, target], rules: false)
            XCTAssertEqual(imported.status, 0, imported.err)
            let got = objects(imported.out).map { "\($0["doc"] as! String) \($0["n"] as! Int) \($0["labels"] as! [String])" }
            XCTAssertEqual(got.count, want.count, tool)
            XCTAssertEqual(zip(got, want).first { $0 != $1 }.map { "\($0) != \($1)" }, nil, tool)
        }
    }

    func testBratNeedsADirectory() throws {
        let r = try run(["export", "--to", "brat"] + samples)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("give -o DIR"), r.err)
    }

    func testReportNamesItsSizeAndGoesOnPastAMissingInput() throws {
        let page = dir.appendingPathComponent("r.html").path
        let r = try run(["report", samples[0], "no-such.txt", "-o", page])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.lowercased().contains("no-such.txt: no such file or directory"), r.err)
        XCTAssertTrue(r.err.contains("\(page): 1 documents, "), r.err)
        XCTAssertTrue(r.err.hasSuffix(" kB\n"), r.err)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
    }

    func testEvalWritesTheDiffPage() throws {
        let page = dir.appendingPathComponent("diff.html").path
        let r = try run(["eval", "--gold", "samples/gold/seeds.jsonl", "samples/pism-2023-china-russia-partners.txt", "--html", page])
        XCTAssertEqual(r.status, 0, r.err)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        XCTAssertTrue(html.contains("<details id=\"fn-list\" open><summary>False negatives"))
        XCTAssertTrue(html.contains("\"ev\":[["))
    }
}
