import Foundation
import XCTest
@testable import Ingest

final class LoadTests: XCTestCase {
    /// The shortcut agrees with `NSString` wherever it answers.
    func testSimpleExtensionMatchesNSString() {
        let paths = ["a.txt", "dir/b.HTML", "/x/y/z.Md", "a.b.c.htm", "..x", ".txt", "dir/.txt", "a.", "a",
                     "dir.d/file", "dir.d/", "a.tx t", "a.t-t", "./a.txt", "../a.shtml", "a/.b.txt", "a..txt",
                     "/", "", "é.txt", "a.tx\u{301}", "C:\\a.txt", "a.TeXt", "a.x1"]
        for p in paths {
            let slow = (p as NSString).pathExtension.lowercased()
            if let fast = Ingest.simpleExtension(p) { XCTAssertEqual(fast, slow, p) }
        }
        XCTAssertEqual(Ingest.simpleExtension("dir/b.HTML"), "html")
        XCTAssertEqual(Ingest.simpleExtension("a.b.c.txt"), "txt")
    }

    func testLoadReadsWholeFileAndFailsOnDirectoriesAndMissingFiles() throws {
        let dir = NSTemporaryDirectory() + "claimex-load-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        FileManager.default.createFile(atPath: dir + "/f.bin", contents: Data(bytes))
        XCTAssertEqual(try Ingest.load(path: dir + "/f.bin"), bytes)
        FileManager.default.createFile(atPath: dir + "/empty.txt", contents: Data())
        XCTAssertEqual(try Ingest.load(path: dir + "/empty.txt"), [])
        // Each failure says why, in the C library's words, with its own kind (a loop of
        // symlinks was "no such file or directory", and every kind was "missing").
        XCTAssertEqual(symlink("loop-b", dir + "/loop-a"), 0)
        XCTAssertEqual(symlink("loop-a", dir + "/loop-b"), 0)
        let cases: [(String, IngestError.Kind, String)] = [
            (dir, .notAFile, "cannot read file: Is a directory"),
            (dir + "/missing.txt", .notFound, "cannot read file: No such file or directory"),
            (dir + "/loop-a", .symlinkLoop, "cannot read file: Too many levels of symbolic links"),
        ]
        for (bad, kind, message) in cases {
            XCTAssertThrowsError(try Ingest.load(path: bad)) { error in
                XCTAssertEqual((error as? IngestError)?.kind, kind, bad)
                XCTAssertEqual((error as? IngestError)?.message, message, bad)
            }
        }
    }
}
