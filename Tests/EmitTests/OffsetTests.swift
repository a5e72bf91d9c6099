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

    /// Long ASCII runs (stepped over eight bytes at a time) between multibyte scalars, asked
    /// for out of order so the counter walks both ways.
    func testOffsetsAcrossLongASCIIRunsInAnyOrder() {
        let s = "plain ascii text, longer than a word — then ünï and 😀 again plain ascii words 𝔘 end"
        let bytes = Array(s.utf8)
        var starts: [(byte: Int, scalar: Int, utf16: Int)] = []
        var i = s.startIndex
        while true {
            starts.append((s.utf8.distance(from: s.utf8.startIndex, to: i),
                           s.unicodeScalars.distance(from: s.startIndex, to: i),
                           s.utf16.distance(from: s.startIndex, to: i)))
            if i == s.endIndex { break }
            i = s.unicodeScalars.index(after: i)
        }
        var c = OffsetCounter(bytes)
        let order = starts.indices.map { $0 * 7919 % starts.count }  // a fixed shuffle (7919 is prime)
        for k in order + order.reversed() {
            let p = c.position(of: starts[k].byte)
            XCTAssertEqual(p.scalar, starts[k].scalar, "byte \(starts[k].byte)")
            XCTAssertEqual(p.utf16, starts[k].utf16, "byte \(starts[k].byte)")
        }
    }

    /// After `enter` (a sentence), positions inside an ASCII sentence are computed from its
    /// start, and positions anywhere else are still walked to: both agree with the views.
    func testOffsetsAfterEnteringSentences() {
        let s = "plain ascii text, longer than a word — then ünï and 😀 again plain ascii words 𝔘 end"
        let bytes = Array(s.utf8)
        var truth: [Int: (scalar: Int, utf16: Int)] = [:]
        var i = s.startIndex
        while true {
            truth[s.utf8.distance(from: s.utf8.startIndex, to: i)] =
                (s.unicodeScalars.distance(from: s.startIndex, to: i), s.utf16.distance(from: s.startIndex, to: i))
            if i == s.endIndex { break }
            i = s.unicodeScalars.index(after: i)
        }
        let starts = truth.keys.sorted()
        var c = OffsetCounter(bytes)
        for (a, b) in [(0, 16), (6, 40), (17, 60), (0, starts.count - 1), (20, 22), (3, 9)] {
            let range = starts[a]..<starts[b]
            let o = c.enter(range)
            XCTAssertEqual(o.scalar, truth[range.lowerBound]!.scalar..<truth[range.upperBound]!.scalar)
            XCTAssertEqual(o.utf16, truth[range.lowerBound]!.utf16..<truth[range.upperBound]!.utf16)
            for k in starts.indices.map({ $0 * 7919 % starts.count }) {
                let p = c.position(of: starts[k])
                XCTAssertEqual(p.scalar, truth[starts[k]]!.scalar, "byte \(starts[k]) in \(range)")
                XCTAssertEqual(p.utf16, truth[starts[k]]!.utf16, "byte \(starts[k]) in \(range)")
            }
        }
    }

    /// Line ends past the first eight bytes, where the scan goes a word at a time.
    func testSourceLinesInLongLines() {
        let src = Array("a long first line here\r\nsecond line, still longer\rthird\n\nfifth é line".utf8)
        var lines = SourceLines(src)
        var expected = 1
        for k in src.indices {
            XCTAssertEqual(lines.location(of: k).line, expected, "byte \(k)")
            if src[k] == 0x0A || (src[k] == 0x0D && src[k + 1] != 0x0A) { expected += 1 }
        }
    }

    func testSourceLinesCountLFCRLFAndLoneCR() {
        let src = Array("one\r\ntwo\rthree\nfé x".utf8)
        var lines = SourceLines(src)
        XCTAssertEqual(lines.location(of: 0).line, 1)
        XCTAssertEqual(lines.location(of: 5).line, 2)
        XCTAssertEqual(lines.location(of: 9).line, 3)
        let x = src.lastIndex(of: UInt8(ascii: "x"))!
        XCTAssertEqual(lines.location(of: x).line, 4)
        XCTAssertEqual(lines.location(of: x).column, 4, "column counts scalars, not bytes")
    }

    /// The cursor walks forward; asked backwards (same line or before it) or out of order,
    /// the answers are those of counting from the start of the file.
    func testSourceLinesInAnyOrder() {
        let src = Array("é long first line here\r\nsecond line, still longer than eight\rthird\n\nfifth é line 😀 end\r".utf8)
        func naive(_ offset: Int) -> (Int, Int) {
            var line = 1, column = 1
            for i in 0..<min(offset, src.count) {
                let b = src[i]
                if b == 0x0A || (b == 0x0D && (i + 1 == src.count || src[i + 1] != 0x0A)) { line += 1; column = 1 }
                else if b & 0xC0 != 0x80 { column += 1 }
            }
            return (line, column)
        }
        var lines = SourceLines(src)
        var order = Array(0...(src.count + 2))
        order += order.reversed()
        var g = SystemRandomNumberGenerator()
        order += order.shuffled(using: &g)
        for k in order {
            let (l, c) = lines.location(of: k)
            XCTAssertTrue((l, c) == naive(k), "byte \(k): \(l):\(c), expected \(naive(k))")
        }
    }
}
