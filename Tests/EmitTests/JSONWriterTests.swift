import XCTest
@testable import Emit

final class JSONWriterTests: XCTestCase {
    private func written(_ body: (inout JSONWriter) -> Void) -> String {
        var w = JSONWriter()
        body(&w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    func testEscapesWhatJSONRequiresAndKeepsUnicode() {
        let cases: [(String, String)] = [
            ("plain", #""plain""#),
            ("quote \" and \\ slash", #""quote \" and \\ slash""#),
            ("line\nbreak\ttab\rcr", #""line\nbreak\ttab\rcr""#),
            ("\u{01}\u{1F}", #""\u0001\u001f""#),
            ("vis-à-vis “quoted” 😀", "\"vis-à-vis “quoted” 😀\""),
            ("", #""""#),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(written { $0.string(input) }, expected, input)
        }
    }

    func testKeysKeepWrittenOrderAndCommas() {
        let json = written { w in
            w.beginObject()
            w.key("z"); w.int(1)
            w.key("a"); w.beginArray(); w.int(2); w.bool(true); w.null(); w.endArray()
            w.key("m"); w.beginObject(); w.key("dyn" as String); w.string("x"); w.endObject()
            w.endObject()
        }
        XCTAssertEqual(json, #"{"z":1,"a":[2,true,null],"m":{"dyn":"x"}}"#)
    }

    func testNumbersAreExactForIntegersAndShortestOtherwise() {
        XCTAssertEqual(written { $0.double(190_000_000_000) }, "190000000000")
        XCTAssertEqual(written { $0.double(23.5) }, "23.5")
        XCTAssertEqual(written { $0.double(-0.25) }, "-0.25")
        XCTAssertEqual(written { $0.double(.nan) }, "null")
    }

    /// The escaper skips eight bytes at a time: every byte that needs escaping, at every
    /// position of a longer string (word boundaries included), amid ASCII and UTF-8.
    func testEscapesAtEveryPositionOfALongString() throws {
        for special in ["\"", "\\", "\n", "\u{0}", "\u{1F}"] {
            for at in 0..<24 {
                var chars = Array(repeating: "a", count: 24)
                chars[(at + 5) % 24] = "é"
                chars[at] = special
                let input = chars.joined()
                let json = written { $0.string(input) }
                let back = try JSONSerialization.jsonObject(with: Data("[\(json)]".utf8)) as? [String]
                XCTAssertEqual(back, [input], "\(special.debugDescription) at \(at)")
            }
        }
    }

    func testIntegersOfEveryWidth() {
        for v in [0, 7, 9, 10, 99, 100, 12_345, -1, -10, -987_654_321, Int.max, Int.min] {
            XCTAssertEqual(written { $0.int(v) }, String(v))
        }
    }

    func testOutputParsesBack() throws {
        let json = written { w in
            w.beginObject(); w.key("s"); w.string("a\"b\\c\n\u{0}é"); w.endObject()
        }
        let obj = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        XCTAssertEqual(obj?["s"], "a\"b\\c\n\u{0}é")
    }
}
