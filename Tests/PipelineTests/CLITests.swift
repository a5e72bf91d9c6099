import XCTest
import Emit
import Foundation

/// The command line as users meet it: exit statuses, stderr lines, inputs and filters.
final class CLITests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("claimex-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("in/sub"), withIntermediateDirectories: true)
        try write("in/a.txt", "China expressed its disagreement with unilateral Western sanctions.\n")
        try write("in/sub/b.txt", "The West should strive to deter China. Trade rose by 30% to $190 billion.\n")
        try write("in/sub/c.md", "# Heading\n\nA second file.\n")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: dir.appendingPathComponent(name))
    }

    private func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: dir.appendingPathComponent(name))
    }

    /// Runs claimex in the temporary directory; returns status, stdout, stderr.
    @discardableResult
    private func run(_ args: [String], stdin: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = Repo.executable
        p.arguments = args
        p.currentDirectoryURL = dir
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    private var rules: [String] { ["--rules", Repo.path("rules")] }

    private func records(_ jsonl: String) -> [[String: Any]] {
        jsonl.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    private func paths(_ jsonl: String) -> [String] {
        records(jsonl).map { ($0["doc"] as! [String: Any])["path"] as! String }
    }

    func testBadFilesAreNamedWithTheirByteOffsetAndTheBatchGoesOn() throws {
        try write("in/bad.txt", bytes: Array("Fine start, then ".utf8) + [0xC3, 0x28] + Array(" more.".utf8))
        try write("in/bin.txt", bytes: [0x41, 0x42, 0x00, 0x43])
        let r = try run(["extract", "in", "--all-sentences", "--errors", "errors.jsonl"] + rules)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("in/bad.txt: byte 17: invalid UTF-8"), r.err)
        XCTAssertTrue(r.err.contains("in/bin.txt: byte 2: binary file"), r.err)
        XCTAssertEqual(Set(paths(r.out)), ["in/a.txt", "in/sub/b.txt", "in/sub/c.md"])
        let log = try String(contentsOf: dir.appendingPathComponent("errors.jsonl"), encoding: .utf8)
        let entries = records(log)
        XCTAssertEqual(entries.count, 2)
        XCTAssertEqual(entries.first?["path"] as? String, "in/bad.txt")
        XCTAssertEqual(entries.first?["offset"] as? Int, 17)
        XCTAssertEqual(entries.first?["stage"] as? String, "ingest")
    }

    func testBadPDFsAreOneLineEachAndTheBatchGoesOn() throws {
        let good = try Data(contentsOf: URL(fileURLWithPath: Repo.path("samples/pism-2024-putin-visit-china.pdf")))
        try good.write(to: dir.appendingPathComponent("in/good.pdf"))
        try write("in/truncated.pdf", bytes: Array(good.prefix(good.count / 2)))
        try Data(contentsOf: URL(fileURLWithPath: Repo.path("Tests/IngestTests/Fixtures/encrypted.pdf")))
            .write(to: dir.appendingPathComponent("in/encrypted.pdf"))
        let wrecked = String(decoding: good, as: UTF8.self).replacingOccurrences(of: " 0 obj", with: " 0 jbo")
            .replacingOccurrences(of: "xref", with: "xfer")
        try write("in/malformed.pdf", bytes: Array(wrecked.utf8))
        let r = try run(["extract", "in", "--all-sentences", "--quiet"] + rules)
        XCTAssertEqual(r.status, 1)
        let lines = r.err.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, r.err)
        XCTAssertTrue(lines.contains("in/encrypted.pdf: encrypted PDF (it needs a password), skipped"), r.err)
        XCTAssertTrue(lines.contains("in/truncated.pdf: truncated PDF (no %%EOF at the end), skipped"), r.err)
        XCTAssertTrue(lines.contains { $0.hasPrefix("in/malformed.pdf: poppler cannot read it: ") }, r.err)
        XCTAssertEqual(Set(paths(r.out)), ["in/a.txt", "in/good.pdf", "in/sub/b.txt", "in/sub/c.md"])
        let pdf = records(r.out).filter { ($0["doc"] as! [String: Any])["path"] as! String == "in/good.pdf" }
        XCTAssertGreaterThan(pdf.count, 40)
        for rec in pdf {
            let source = rec["source"] as! [String: Any]
            if (rec["block"] as! [String: Any])["kind"] as! String != "furniture" || source["page"] != nil {
                XCTAssertNotNil(source["page"])
                XCTAssertFalse((source["boxes"] as? [Any] ?? []).isEmpty)
            }
        }
    }

    func testDirectoriesAreWalkedInPathOrderWithGlobs() throws {
        XCTAssertEqual(paths(try run(["extract", "in", "--all-sentences", "--quiet"] + rules).out).uniqued(),
                       ["in/a.txt", "in/sub/b.txt", "in/sub/c.md"])
        XCTAssertEqual(paths(try run(["extract", "in", "--all-sentences", "--include", "*.md"] + rules).out).uniqued(),
                       ["in/sub/c.md"])
        XCTAssertEqual(paths(try run(["extract", "in", "--all-sentences", "--exclude", "sub/**"] + rules).out).uniqued(),
                       ["in/a.txt"])
        try write("list.txt", "in/sub/c.md\nin/a.txt\n")
        XCTAssertEqual(paths(try run(["extract", "--files-from", "list.txt", "--all-sentences"] + rules).out).uniqued(),
                       ["in/sub/c.md", "in/a.txt"])
    }

    func testJSONLinesStreamCarriesIds() throws {
        let input = """
            {"id": "doc-1", "text": "China expressed its disagreement with unilateral Western sanctions."}
            {"id": 7, "html": "<html><body><article><p>The EU should act now.</p></article></body></html>"}
            not json
            """
        let r = try run(["extract", "--input-format", "jsonl", "--all-sentences"] + rules, stdin: input)
        XCTAssertEqual(r.status, 1, "a bad line is a failed input")
        XCTAssertTrue(r.err.contains("line 3"), r.err)
        XCTAssertEqual(records(r.out).map { $0["id"] as? String }, ["doc-1", nil])
        // The id keeps its JSON type: 7 comes back as the number 7, not "7".
        XCTAssertTrue(r.out.contains(#""id":7,"#), r.out)
        XCTAssertEqual(records(r.out).compactMap { $0["id"] as? Int }, [7])
    }

    func testJSONLinesFromDashOrAFileAndLinesThatAreNamed() throws {
        let input = """
            {"id": 1, "text": "Russia declared support."}
            {"id": "both", "text": "One.", "html": "<p>Two.</p>"}
            {"id": true, "text": "Three."}
            {"text": "No id."}
            """
        // `-` is stdin, as everywhere else in the CLI; one FILE reads the same stream.
        let dash = try run(["extract", "-", "--input-format", "jsonl", "--all-sentences"] + rules, stdin: input)
        try write("docs.jsonl", input)
        let file = try run(["extract", "docs.jsonl", "--input-format", "jsonl", "--all-sentences"] + rules)
        XCTAssertEqual(dash.out, file.out)
        XCTAssertEqual(dash.status, 1, "three bad lines are failed inputs")
        XCTAssertEqual(records(dash.out).count, 1)
        XCTAssertTrue(dash.err.contains("line 2: record both has both \"text\" and \"html\""), dash.err)
        XCTAssertTrue(dash.err.contains("line 3: \"id\" must be a string or a number"), dash.err)
        XCTAssertTrue(dash.err.contains("line 4: missing \"id\""), dash.err)
        XCTAssertTrue(file.err.contains("docs.jsonl: line 2"), file.err)
        XCTAssertEqual(try run(["extract", "a.jsonl", "b.jsonl", "--input-format", "jsonl"] + rules).status, 2)
    }

    func testLeanProfileCarriesOneOffsetUnitAndNoQuote() throws {
        let input = #"{"id": "a", "text": "Déjà vu: Russia declared support for China."}"# + "\n"
        let full = try run(["extract", "-", "--input-format", "jsonl"] + rules, stdin: input)
        let lean = try run(["extract", "-", "--input-format", "jsonl", "--profile", "lean"] + rules, stdin: input)
        let f = try XCTUnwrap(records(full.out).first), l = try XCTUnwrap(records(lean.out).first)
        XCTAssertNotNil(f["quote"])
        XCTAssertNil(l["quote"])
        XCTAssertEqual(l["offsets"] as? [String: [Int]], ["utf8": (f["offsets"] as! [String: [Int]])["utf8"]!])
        XCTAssertEqual(l["text"] as? String, f["text"] as? String)
        XCTAssertLessThan(lean.out.utf8.count, full.out.utf8.count)
        let u16 = try run(["extract", "-", "--input-format", "jsonl", "--offsets", "utf16"] + rules, stdin: input)
        XCTAssertEqual((records(u16.out).first?["offsets"] as? [String: Any]).map { Array($0.keys) }, ["utf16"])
        XCTAssertEqual(try run(["extract", "-", "--input-format", "jsonl", "--offsets", "bytes"] + rules, stdin: input).status, 2)
    }

    func testVersionNamesTheReleaseRecordsCarry() throws {
        let v = try run(["--version"])
        XCTAssertEqual(v.status, 0)
        XCTAssertTrue(v.out.hasPrefix("claimex \(claimexVersion)"), v.out)
        let r = try run(["extract", "-", "--input-format", "jsonl"] + rules,
                        stdin: #"{"id": "a", "text": "Russia declared support for China."}"# + "\n")
        XCTAssertEqual(records(r.out).first?["claimex_version"] as? String, claimexVersion)
    }

    func testUsageAndRuleErrorsExitTwo() throws {
        XCTAssertEqual(try run(["extract"] + rules).status, 2)
        XCTAssertEqual(try run(["extract", "in", "--jobs", "0"] + rules).status, 2)
        XCTAssertEqual(try run(["no-such-command"]).status, 2)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("badrules"), withIntermediateDirectories: true)
        try write("badrules/r.yaml", "rules:\n  - id: x\n    tag: opinion\n    description: d\n    pattern: 'a'\n")
        let r = try run(["extract", "in", "--rules", "badrules"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("r.yaml:3:10: error:"), r.err)
        XCTAssertEqual(try run(["extract", "missing.txt"] + rules).status, 1)
    }

    func testTextAndSegmentCommands() throws {
        let text = try run(["text", "in/sub/b.txt"])
        XCTAssertEqual(text.status, 0)
        XCTAssertEqual(text.out, "The West should strive to deter China. Trade rose by 30% to $190 billion.\n")
        let lines = try run(["segment", "in/sub/b.txt"])
        XCTAssertEqual(lines.out.split(separator: "\n").count, 2)
        let jsonl = try run(["segment", "-", "--format", "jsonl"], stdin: "Dr. Smith paid $3.5 bn. Why?")
        XCTAssertEqual(records(jsonl.out).map { $0["text"] as? String }, ["Dr. Smith paid $3.5 bn.", "Why?"])
        // --body: the headline the page's title repeats is left out; a text file is the same.
        try write("page.html", "<html><head><title>Ports expand</title></head><body><h1>Ports expand</h1><p>The port grew, by all accounts, faster than planned this year.</p></body></html>")
        XCTAssertEqual(try run(["text", "page.html"]).out, "Ports expand\n\nThe port grew, by all accounts, faster than planned this year.\n")
        XCTAssertEqual(try run(["text", "--body", "page.html"]).out, "The port grew, by all accounts, faster than planned this year.\n")
        XCTAssertEqual(try run(["text", "--body", "in/sub/b.txt"]).out, text.out)
    }

    func testOutputFileIsWrittenAtomicallyAndOutputIsDeterministic() throws {
        XCTAssertEqual(try run(["extract", "in", "-o", "one.jsonl", "--jobs", "1"] + rules).status, 0)
        XCTAssertEqual(try run(["extract", "in", "-o", "two.jsonl", "--jobs", "2"] + rules).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("one.jsonl.partial").path))
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("one.jsonl")),
                       try Data(contentsOf: dir.appendingPathComponent("two.jsonl")))
    }

    /// `-o -` is stdout, as `-` is stdin among the inputs: no file named `-` appears.
    func testOutputDashIsStdout() throws {
        let dash = try run(["extract", "in", "-o", "-", "--quiet"] + rules)
        let plain = try run(["extract", "in", "--quiet"] + rules)
        XCTAssertEqual(dash.status, 0)
        XCTAssertEqual(records(dash.out).count, 3)
        XCTAssertEqual(dash.out, plain.out)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("-").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("-.partial").path))
        XCTAssertEqual(try run(["extract", "in", "-o", "-", "--resume"] + rules).status, 2)
    }

    /// `-o` through a symlink replaces the file it names and leaves the link; `--errors`
    /// onto a symlink or a FIFO writes into them (replacing one would, as root, have replaced
    /// `/dev/stderr` or `/dev/null` with a regular file).
    func testOutputAndErrorLogThroughSymlinksAndPipesLeaveThemInPlace() throws {
        let fm = FileManager.default
        try write("in/bad.txt", bytes: [0xFF, 0xFE, 0x00, 0x41])
        try write("records-target.jsonl", "old\n")
        try write("errors-target.jsonl", "old\n")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("records.jsonl").path, withDestinationPath: "records-target.jsonl")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("errors.jsonl").path, withDestinationPath: "errors-target.jsonl")
        let r = try run(["extract", "in", "-o", "records.jsonl", "--errors", "errors.jsonl", "--quiet"] + rules)
        XCTAssertEqual(r.status, 1)
        for link in ["records.jsonl", "errors.jsonl"] {
            XCTAssertEqual(try? fm.destinationOfSymbolicLink(atPath: dir.appendingPathComponent(link).path),
                           link.replacingOccurrences(of: ".jsonl", with: "-target.jsonl"), "\(link) is no longer a link")
        }
        let kept = try String(contentsOf: dir.appendingPathComponent("records-target.jsonl"), encoding: .utf8)
        XCTAssertEqual(records(kept).count, 3)
        let logged = try String(contentsOf: dir.appendingPathComponent("errors-target.jsonl"), encoding: .utf8)
        XCTAssertEqual(records(logged).map { $0["path"] as? String }, ["in/bad.txt"])

        let (status, received) = try runWritingIntoFIFO("errors-pipe", ["extract", "in", "--errors", "errors-pipe", "--quiet"] + rules)
        XCTAssertEqual(status, 1)
        XCTAssertEqual(records(String(decoding: received, as: UTF8.self)).count, 1)
    }

    /// Runs claimex with a FIFO named `name` in the directory and a reader on it; returns the
    /// status and what the reader got, having checked that the FIFO is still one.
    private func runWritingIntoFIFO(_ name: String, _ args: [String]) throws -> (Int32, Data) {
        let fifo = dir.appendingPathComponent(name).path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        final class Received: @unchecked Sendable { var data = Data() }  // written before `done`
        let received = Received(), done = DispatchSemaphore(value: 0)
        DispatchQueue(label: "fifo reader").async {
            if let h = FileHandle(forReadingAtPath: fifo) { received.data = h.readDataToEndOfFile() }
            done.signal()
        }
        let status = try run(args).status
        XCTAssertEqual(done.wait(timeout: .now() + 60), .success)
        var info = stat()
        XCTAssertEqual(stat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the pipe was replaced")
        return (status, received.data)
    }

    /// An empty rules directory is a usage error for every rule command: it tagged nothing
    /// and said nothing (`claimex test` even said ok).
    func testEmptyRulesDirectoryIsAnError() throws {
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("norules/lexicons"), withIntermediateDirectories: true)
        for args in [["extract", "in", "--rules", "norules"], ["test", "--rules", "norules"]] {
            let r = try run(args)
            XCTAssertEqual(r.status, 2, args.joined(separator: " "))
            XCTAssertTrue(r.err.contains("norules: no rules"), r.err)
        }
    }

    /// An output or error log that cannot be written is a usage error (exit 2) before any
    /// record: `-o` naming a directory was found only after the whole run, and `--errors`
    /// in a missing directory exited 1.
    func testUnwritableOutputAndErrorLogExitTwoUpFront() throws {
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("outdir"), withIntermediateDirectories: true)
        let toDir = try run(["extract", "in", "-o", "outdir", "--quiet"] + rules)
        XCTAssertEqual(toDir.status, 2)
        XCTAssertTrue(toDir.err.contains("outdir: is a directory"), toDir.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("outdir.partial").path))
        let noDir = try run(["extract", "in", "-o", "nowhere/out.jsonl", "--quiet"] + rules)
        XCTAssertEqual(noDir.status, 2)
        XCTAssertTrue(noDir.err.contains("nowhere/out.jsonl.partial: cannot create output file (No such file or directory)"), noDir.err)
        let log = try run(["extract", "in", "--errors", "nowhere/errors.jsonl", "--quiet"] + rules)
        XCTAssertEqual(log.status, 2)
        XCTAssertTrue(log.err.contains("nowhere/errors.jsonl: cannot create error log (No such file or directory)"), log.err)
    }

    /// Each failed input says why, in the C library's words, with its own kind in the log:
    /// every input-stage failure was "missing" (malformed JSON included), and a loop of
    /// symlinks "no such file or directory".
    func testErrorLogKindsAndMessagesSayWhy() throws {
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("loop-a").path, withDestinationPath: "loop-b")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("loop-b").path, withDestinationPath: "loop-a")
        let r = try run(["extract", "missing.txt", "loop-a", "in/a.txt", "--errors", "errors.jsonl", "--quiet"] + rules)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("missing.txt: No such file or directory"), r.err)
        XCTAssertTrue(r.err.contains("loop-a: Too many levels of symbolic links"), r.err)
        let logged = records(try String(contentsOf: dir.appendingPathComponent("errors.jsonl"), encoding: .utf8))
        XCTAssertEqual(logged.map { "\($0["path"] ?? "") \($0["kind"] ?? "")" }, ["missing.txt not-found", "loop-a symlink-loop"])

        let input = "not json\n{\"text\": \"no id\"}\n{\"id\": \"ok\", \"text\": \"Fine.\"}\n"
        let stream = try run(["extract", "--input-format", "jsonl", "--errors", "errors.jsonl", "--quiet"] + rules, stdin: input)
        XCTAssertEqual(stream.status, 1)
        let kinds = records(try String(contentsOf: dir.appendingPathComponent("errors.jsonl"), encoding: .utf8)).map { $0["kind"] as? String }
        XCTAssertEqual(kinds, ["malformed-json", "missing-field"])
    }

    /// A text with no sentence end is one sentence; past the token limit it is matched in
    /// windows, and a warning names the file and the place.
    func testSentenceOverTheTokenLimitIsMatchedInWindowsWithAWarning() throws {
        try write("long.txt", String(repeating: "and the West should act ", count: 500))  // 2,500 tokens
        let r = try run(["extract", "long.txt", "--quiet", "--all-sentences"] + rules)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.contains("warning: long.txt: sentence 0 (text bytes 0-11999) has 2500 tokens, over the 1000-token limit for matching: matched in 3 windows"), r.err)
        let out = records(r.out)
        XCTAssertEqual(out.count, 1)
        XCTAssertEqual((out.first?["text"] as? String)?.utf8.count, 11999)
    }

    /// `-o` naming a FIFO (as `/dev/null` or `/dev/stdout` name devices) writes into it: the
    /// temporary-file-and-rename path would replace it with a regular file.
    func testOutputToAPipeWritesIntoItAndLeavesItAPipe() throws {
        let (status, received) = try runWritingIntoFIFO("pipe", ["extract", "in", "-o", "pipe", "--quiet"] + rules)
        XCTAssertEqual(status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("pipe.partial").path))
        XCTAssertEqual(String(decoding: received, as: UTF8.self).split(separator: "\n").count, 3)
    }
}

private extension Array where Element == String {
    func uniqued() -> [String] {
        var seen = Set<String>()
        return filter { seen.insert($0).inserted }
    }
}
