import Foundation
import XCTest
@testable import Pipeline

final class InputsTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "claimex-inputs-\(UUID().uuidString)"
        let fm = FileManager.default
        for dir in ["a/deep", "b", "linked-target"] {
            try fm.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true)
        }
        for file in ["z.txt", "a/one.TXT", "a/deep/two.html", "a/skip.docx", "b/.hidden.md", "b/.txt", "b/noext", "linked-target/t.txt"] {
            fm.createFile(atPath: root + "/" + file, contents: Data("x".utf8))
        }
        try fm.createSymbolicLink(atPath: root + "/b/link.txt", withDestinationPath: root + "/z.txt")
        try fm.createSymbolicLink(atPath: root + "/b/dirlink", withDestinationPath: root + "/linked-target")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
    }

    private func rel(_ files: [String]) -> [String] { files.map { String($0.dropFirst(root.count + 1)) } }

    func testWalkIsRecursiveSortedByExtensionAndSkipsDirectoryLinks() {
        let (files, missing) = Inputs.expand([root + "/"])
        XCTAssertEqual(rel(files), ["a/deep/two.html", "a/one.TXT", "b/.hidden.md", "b/link.txt", "linked-target/t.txt", "z.txt"])
        XCTAssertTrue(missing.isEmpty)
    }

    func testIncludeExcludeMatchPathsInsideTheDirectory() {
        XCTAssertEqual(rel(Inputs.expand([root], include: [Glob("a/**")]).files), ["a/deep/two.html", "a/one.TXT"])
        XCTAssertEqual(rel(Inputs.expand([root], exclude: [Glob("**/*.html"), Glob("b/*")]).files),
                       ["a/one.TXT", "linked-target/t.txt", "z.txt"])
    }

    func testFilesAndStdinStayInCommandLineOrderAndMissingPathsAreReported() {
        let (files, missing) = Inputs.expand([root + "/b/noext", "-", root + "/nope", root + "/a/skip.docx"])
        XCTAssertEqual(files, [root + "/b/noext", "-", root + "/a/skip.docx"])
        XCTAssertEqual(missing.map(\.path), [root + "/nope"])
    }

    func testPathExtension() {
        XCTAssertEqual(Inputs.pathExtension("a/b.TXT"), "txt")
        XCTAssertEqual(Inputs.pathExtension("a.b/c"), "")
        XCTAssertEqual(Inputs.pathExtension(".txt"), "")
        XCTAssertEqual(Inputs.pathExtension("x.tar.gz"), "gz")
    }
}
