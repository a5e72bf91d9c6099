import XCTest
@testable import Ingest

/// Pages in UTF-8, with a BOM (UTF-8 or UTF-16), or in the Western single-byte encodings,
/// decoded as browsers do.
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
            ("utf-16le BOM", [0xFF, 0xFE] + Self.utf16(Self.utf16Page, bigEndian: false), Self.utf16Text),
            ("utf-16be BOM", [0xFE, 0xFF] + Self.utf16(Self.utf16Page, bigEndian: true), Self.utf16Text),
            ("utf-16le BOM beats a meta charset", [0xFF, 0xFE] + Self.utf16("<meta charset=\"windows-1252\"><p>café</p>", bigEndian: false), "café"),
            ("utf-16 with an unpaired surrogate and an odd last byte",
             [0xFF, 0xFE] + Self.utf16("<p>a", bigEndian: false) + [0x00, 0xD8] + Self.utf16("b</p>", bigEndian: false) + [0x41],
             "a\u{FFFD}b"),
        ]
    }

    static let utf16Text = "Zażółć gęślą jaźń — “quoted” 😀 text."
    static let utf16Page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-16\"><title>T</title></head><body><p>\(utf16Text)</p></body></html>"

    static func utf16(_ s: String, bigEndian: Bool) -> [UInt8] {
        s.utf16.flatMap { u -> [UInt8] in
            bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)]
        }
    }

    func testUTF16PagesReadWithoutAnExtension() throws {
        for bigEndian in [false, true] {
            let page = (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + Self.utf16(Self.utf16Page, bigEndian: bigEndian)
            XCTAssertEqual(Ingest.mediaType(path: "-", prefix: page[...]), .html)
            let doc = try Ingest.document(source: page, path: "-", mediaType: .html)
            XCTAssertEqual(doc.title, "T")
            XCTAssertEqual(HTMLTestSupport.texts(doc), [Self.utf16Text])
        }
    }

    /// A NUL character (two zero bytes on a code unit boundary) still marks a binary file;
    /// the zero bytes of ordinary UTF-16 text do not.
    func testUTF16NULCharacterIsBinary() {
        let page = [0xFF, 0xFE] + Self.utf16("<p>a", bigEndian: false) + [0x00, 0x00] + Self.utf16("b</p>", bigEndian: false)
        XCTAssertThrowsError(try HTMLTestSupport.document(bytes: page)) { error in
            XCTAssertEqual((error as? IngestError)?.description, "test.html: byte 10: binary file (NUL byte), skipped")
        }
    }

    /// Plain text stays UTF-8 only, and says so rather than calling UTF-16 binary.
    func testUTF16PlainTextIsRefusedAsSuch() {
        for (bom, name) in [([UInt8(0xFF), 0xFE], "FF FE"), ([UInt8(0xFE), 0xFF], "FE FF")] {
            let text = bom + Self.utf16("Plain text.", bigEndian: name == "FE FF")
            XCTAssertThrowsError(try Ingest.document(source: text, path: "t.txt", mediaType: .plainText)) { error in
                let e = error as? IngestError
                XCTAssertEqual(e?.kind, .invalidUTF8)
                XCTAssertEqual(e?.description,
                               "t.txt: byte 0: UTF-16 text (byte-order mark \(name)), plain text is read as UTF-8 only; skipped")
            }
        }
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
