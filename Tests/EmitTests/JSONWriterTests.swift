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

    func testOutputParsesBack() throws {
        let json = written { w in
            w.beginObject(); w.key("s"); w.string("a\"b\\c\n\u{0}é"); w.endObject()
        }
        let obj = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        XCTAssertEqual(obj?["s"], "a\"b\\c\n\u{0}é")
    }
}
