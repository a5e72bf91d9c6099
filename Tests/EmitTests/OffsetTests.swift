import XCTest
@testable import Emit
import Ingest
import Rules
import Segment

final class OffsetTests: XCTestCase {
    func testScalarAndUTF16OffsetsOfMultibyteText() {
        // é: 2 bytes, 1 scalar, 1 unit; “: 3 bytes, 1, 1; 😀: 4 bytes, 1 scalar, 2 units
        let text = Array("aé“😀b".utf8)
        var c = OffsetCounter(text)
        let b = text.count - 1
        let o = c.offsets(b..<text.count)
        XCTAssertEqual(o.scalar, 4..<5)
        XCTAssertEqual(o.utf16, 5..<6)
        XCTAssertEqual(o.utf8, 10..<11)
        // asking backwards restarts correctly
        XCTAssertEqual(c.offsets(1..<3).scalar, 1..<2)
    }

    func testOffsetsAgreeWithSwiftStringViews() {
        let s = "Ünïcödé — “quotes” 😀 and 𝔘 done."
        let bytes = Array(s.utf8)
        var c = OffsetCounter(bytes)
        var i = s.startIndex
        while i < s.endIndex {
            let byte = s.utf8.distance(from: s.utf8.startIndex, to: i)
            let pos = c.position(of: byte)
            XCTAssertEqual(pos.scalar, s.unicodeScalars.distance(from: s.startIndex, to: i))
            XCTAssertEqual(pos.utf16, s.utf16.distance(from: s.startIndex, to: i))
            i = s.unicodeScalars.index(after: i)
        }
    }

    func testSourceLinesCountLFCRLFAndLoneCR() {
        let src = Array("one\r\ntwo\rthree\nfé x".utf8)
        let lines = SourceLines(src)
        XCTAssertEqual(lines.location(of: 0).line, 1)
        XCTAssertEqual(lines.location(of: 5).line, 2)
        XCTAssertEqual(lines.location(of: 9).line, 3)
        let x = src.lastIndex(of: UInt8(ascii: "x"))!
        XCTAssertEqual(lines.location(of: x).line, 4)
        XCTAssertEqual(lines.location(of: x).column, 4, "column counts scalars, not bytes")
    }
}
