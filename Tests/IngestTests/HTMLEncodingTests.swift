import XCTest
@testable import Ingest

/// Pages in UTF-8, with a BOM, or in the Western single-byte encodings, decoded as browsers do.
final class HTMLEncodingTests: XCTestCase {
    private func bytes(_ ascii: String) -> [UInt8] { Array(ascii.utf8) }

    private func firstText(_ page: [UInt8]) throws -> String {
        let doc = try HTMLTestSupport.document(bytes: page)
        return HTMLTestSupport.texts(doc).first ?? ""
    }

    /// (what, page bytes, first block)
    private var cases: [(String, [UInt8], String)] {
        let quoted: [UInt8] = [0x93] + bytes("quoted") + [0x94] + bytes(" caf") + [0xE9]
        return [
            ("utf-8 declared", bytes("<html><head><meta charset=\"utf-8\"></head><body><p>") + Array("“quoted” café".utf8) + bytes("</p></body></html>"),
             "“quoted” café"),
            ("utf-8 undeclared", bytes("<p>") + Array("“quoted” café ł".utf8) + bytes("</p>"), "“quoted” café ł"),
            ("utf-8 BOM", [0xEF, 0xBB, 0xBF] + bytes("<p>") + Array("café".utf8) + bytes("</p>"), "café"),
            ("BOM beats a wrong meta", [0xEF, 0xBB, 0xBF] + bytes("<meta charset=\"windows-1252\"><p>") + Array("café".utf8) + bytes("</p>"), "café"),
            ("meta charset windows-1252", bytes("<html><head><meta charset=\"windows-1252\"></head><body><p>") + quoted + bytes("</p></body></html>"),
             "“quoted” café"),
            ("meta charset unquoted, upper case", bytes("<HTML><HEAD><META CHARSET=WINDOWS-1252></HEAD><BODY><P>") + quoted + bytes("</P></BODY></HTML>"),
             "“quoted” café"),
            ("http-equiv iso-8859-1 (read as windows-1252, like browsers)",
             bytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>") + quoted + bytes("</p></body></html>"),
             "“quoted” café"),
            ("http-equiv latin1 after a long head", bytes("<html><head><script>") + bytes(String(repeating: "var a = 1;\n", count: 150))
                + bytes("</script><meta http-equiv=\"content-type\" content=\"text/html;charset=latin1\"></head><body><p>caf") + [0xE9] + bytes("</p></body></html>"),
             "café"),
            ("iso-8859-2", bytes("<meta charset=\"iso-8859-2\"><p>") + [0xB3, 0xF3, 0xBF, 0x6B, 0x6F] + bytes("</p>"), "łóżko"),
            ("undeclared, not utf-8: windows-1252", bytes("<p>") + quoted + bytes("</p>"), "“quoted” café"),
            ("declared utf-8 with a bad byte: replacement character", bytes("<meta charset=\"utf-8\"><p>caf") + [0xE9] + bytes(" ok</p>"), "caf\u{FFFD} ok"),
            ("unknown label falls back", bytes("<meta charset=\"x-no-such\"><p>") + Array("café".utf8) + bytes("</p>"), "café"),
        ]
    }

    func testEncodings() throws {
        for (what, page, expected) in cases {
            XCTAssertEqual(try firstText(page), expected, what)
        }
    }

    func testDecisionTable() {
        let table: [([UInt8], String)] = [
            ([0xEF, 0xBB, 0xBF, 0x3C], "UTF-8"),
            ([0xFF, 0xFE, 0x3C, 0x00], "UTF-16LE"),
            ([0xFE, 0xFF, 0x00, 0x3C], "UTF-16BE"),
            (bytes("<meta charset='utf-16'>"), "UTF-8"),
            (bytes("<meta charset=\"us-ascii\">"), "windows-1252"),
            (bytes("<meta content=\"text/html; charset = cp1252\" http-equiv=\"content-type\">"), "windows-1252"),
            (bytes("<p>plain ascii</p>"), "UTF-8"),
        ]
        for (page, name) in table {
            XCTAssertEqual(HTMLEncoding.decide(page).name, name, String(decoding: page, as: UTF8.self))
        }
    }
}
