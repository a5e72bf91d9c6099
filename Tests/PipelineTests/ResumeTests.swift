import XCTest
import Foundation

/// Kills a real run midway, then checks that what it left is whole and that `--resume`
/// completes it with nothing lost or doubled.
final class ResumeTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("claimex-resume-\(UUID().uuidString)")
        let inputs = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        let sample = try String(contentsOfFile: Repo.path("samples/pism-2023-china-russia-partners.txt"), encoding: .utf8)
        for i in 0..<400 {  // distinct bytes, so distinct sha256
            try "Report \(i).\n\n\(sample)".write(to: inputs.appendingPathComponent(String(format: "r%03d.txt", i)),
                                                 atomically: true, encoding: .utf8)
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func claimex(_ args: [String], stderr: Pipe? = nil) throws -> Process {
        let p = Process()
        p.executableURL = Repo.executable
        p.arguments = args
        p.currentDirectoryURL = dir
        p.standardError = stderr ?? FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// Polls until `file` holds at least `bytes` bytes, the run ends, or a minute passes.
    private func wait(_ run: Process, until file: URL, holds bytes: Int) {
        let deadline = Date().addingTimeInterval(60)
        while run.isRunning && Date() < deadline {
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            if size >= bytes { return }
            usleep(2_000)
        }
    }

    private func lines(_ path: URL) throws -> [[String: Any]] {
        let text = try String(contentsOf: path, encoding: .utf8)
        XCTAssertTrue(text.isEmpty || text.hasSuffix("\n"), "\(path.lastPathComponent) ends mid-line")
        return try text.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    private func keys(_ records: [[String: Any]]) -> [String] {
        records.map { r in "\((r["doc"] as! [String: Any])["path"]!)#\(r["index"]!)" }
    }

    func testKilledRunLeavesWholeLinesAndResumeCompletesIt() throws {
        let rules = Repo.path("rules")
        let common = ["extract", "in", "--all-sentences", "--rules", rules, "--quiet", "--jobs", "2"]
        let out = dir.appendingPathComponent("out.jsonl")
        let partial = dir.appendingPathComponent("out.jsonl.partial")

        let run = try claimex(common + ["-o", "out.jsonl"])
        wait(run, until: partial, holds: 200_000)
        XCTAssertTrue(run.isRunning, "the run finished before it could be interrupted; give it more input")
        kill(run.processIdentifier, SIGKILL)
        run.waitUntilExit()
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "an interrupted run must not publish output")

        // Cut at a whole write: every line left is complete JSON.
        let left = try lines(partial)
        XCTAssertFalse(left.isEmpty)

        let resumed = try claimex(common + ["-o", "out.jsonl", "--resume"])
        resumed.waitUntilExit()
        XCTAssertEqual(resumed.terminationStatus, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: partial.path))

        let fresh = try claimex(common + ["-o", "fresh.jsonl"])
        fresh.waitUntilExit()
        let expected = keys(try lines(dir.appendingPathComponent("fresh.jsonl")))
        let got = keys(try lines(out))
        XCTAssertEqual(Set(got).count, got.count, "a record was written twice")
        XCTAssertEqual(Set(got), Set(expected), "records lost or invented")
    }

    /// Ctrl-C with more jobs than cores (the default is as many as cores): the handler ran on
    /// the global queue, whose threads the workers held, so the run went on to its last input
    /// and only then exited 130.
    func testInterruptWithMoreJobsThanCoresStopsBeforeTheBatchIsDone() throws {
        let jobs = ProcessInfo.processInfo.activeProcessorCount * 2 + 1
        let run = try claimex(["extract", "in", "--rules", Repo.path("rules"), "--quiet", "--all-sentences",
                               "--jobs", "\(jobs)", "-o", "out.jsonl"])
        let partial = dir.appendingPathComponent("out.jsonl.partial")
        wait(run, until: partial, holds: 1)
        guard run.isRunning else { return XCTFail("the run finished before it could be interrupted") }
        run.interrupt()
        run.waitUntilExit()
        XCTAssertEqual(run.terminationStatus, 130)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.jsonl").path))
        let done = Set(try lines(partial).map { ($0["doc"] as! [String: Any])["path"] as! String })
        XCTAssertLessThan(done.count, 200, "the run went on after Ctrl-C")
    }

    /// A second run on the same `-o` is refused (exit 2, a line naming the file) and leaves
    /// the first one's file alone: both wrote `out.jsonl.partial`, and the first to finish
    /// published the other's half-written file.
    func testSecondRunOnTheSameOutputIsRefused() throws {
        let common = ["extract", "in", "--rules", Repo.path("rules"), "--quiet", "--all-sentences", "--jobs", "1", "-o", "out.jsonl"]
        let first = try claimex(common)
        let partial = dir.appendingPathComponent("out.jsonl.partial")
        wait(first, until: partial, holds: 1)
        guard first.isRunning else { return XCTFail("the first run finished before the second started") }
        let err = Pipe()
        let second = try claimex(common, stderr: err)
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        second.waitUntilExit()
        XCTAssertEqual(second.terminationStatus, 2)
        XCTAssertTrue(message.contains("out.jsonl: another claimex run is writing this output"), message)
        first.interrupt()
        first.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 130)
        XCTAssertFalse(try lines(partial).isEmpty)  // whole lines: nothing truncated under it
    }

    /// `--resume` of a finished output reads it once and, with nothing to add, leaves it as it
    /// is (it was read whole, every line parsed, and rewritten); with more inputs, it gives
    /// what a fresh run gives.
    func testResumingAFinishedOutputLeavesItInPlaceAndAddsOnlyNewDocuments() throws {
        let rules = ["--rules", Repo.path("rules"), "--quiet", "--all-sentences"]
        let out = dir.appendingPathComponent("out.jsonl")
        let two = ["extract", "in/r000.txt", "in/r001.txt"]
        let first = try claimex(two + rules + ["-o", "out.jsonl"])
        first.waitUntilExit()
        let before = try FileManager.default.attributesOfItem(atPath: out.path)
        let bytes = try Data(contentsOf: out)
        let again = try claimex(two + rules + ["-o", "out.jsonl", "--resume"])
        again.waitUntilExit()
        XCTAssertEqual(again.terminationStatus, 0)
        let after = try FileManager.default.attributesOfItem(atPath: out.path)
        XCTAssertEqual(after[.systemFileNumber] as? Int, before[.systemFileNumber] as? Int, "the output was rewritten")
        XCTAssertEqual(try Data(contentsOf: out), bytes)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path + ".partial"))

        let three = two + ["in/r002.txt"]
        let more = try claimex(three + rules + ["-o", "out.jsonl", "--resume"])
        more.waitUntilExit()
        let fresh = try claimex(three + rules + ["-o", "fresh.jsonl"])
        fresh.waitUntilExit()
        XCTAssertEqual(try Data(contentsOf: out), try Data(contentsOf: dir.appendingPathComponent("fresh.jsonl")))
    }

    func testInterruptStopsCleanlyWithExitStatus130() throws {
        let run = try claimex(["extract", "in", "--rules", Repo.path("rules"), "--quiet", "--all-sentences",
                               "--jobs", "1", "-o", "out.jsonl"])
        // Interrupt once records are being written: earlier, the signal handlers may not be
        // installed yet (a debug build loads the rules slowly on a busy machine).
        let partial = dir.appendingPathComponent("out.jsonl.partial")
        wait(run, until: partial, holds: 1)
        guard run.isRunning else { return XCTFail("the run finished before it could be interrupted") }
        run.interrupt()
        run.waitUntilExit()
        XCTAssertEqual(run.terminationStatus, 130)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.jsonl").path))
        let left = try lines(partial)
        XCTAssertFalse(left.isEmpty)
    }
}
