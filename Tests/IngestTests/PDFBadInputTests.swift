import XCTest
@testable import Ingest

/// Bad PDFs give one `IngestError` naming the file, never a crash or a hang.
final class PDFBadInputTests: XCTestCase {
    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    static var onePage: MiniPDF {
        var page = MiniPDF.Page()
        page.runs = [MiniPDF.Run(x: 72, y: 700, size: 10, text: "China and Russia signed ten agreements.")]
        return MiniPDF(pages: [page])
    }

    func error(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> IngestError? {
        do {
            _ = try Ingest.document(source: bytes, path: "bad.pdf", mediaType: .pdf)
            XCTFail("no error", file: file, line: line)
            return nil
        } catch {
            XCTAssertEqual(error.kind, .pdf, file: file, line: line)
            XCTAssertTrue(error.description.hasPrefix("bad.pdf: "), error.description, file: file, line: line)
            XCTAssertFalse(error.description.contains("\n"), file: file, line: line)
            return error
        }
    }

    func testAGoodOnePageerIsRead() throws {
        let doc = try Ingest.document(source: Self.onePage.bytes(), path: "ok.pdf", mediaType: .pdf)
        XCTAssertEqual(String(decoding: doc.text, as: UTF8.self), "China and Russia signed ten agreements.")
    }

    func testEncrypted() throws {
        let bytes = try Array(Data(contentsOf: Self.fixtures.appendingPathComponent("encrypted.pdf")))
        XCTAssertEqual(error(bytes)?.message, "encrypted PDF (it needs a password), skipped")
    }

    func testTruncated() {
        let bytes = Self.onePage.bytes()
        XCTAssertEqual(error(Array(bytes.prefix(bytes.count * 2 / 3)))?.message, "truncated PDF (no %%EOF at the end), skipped")
    }

    func testImageOnly() {
        var page = MiniPDF.Page()
        page.rectangles = [(72, 72, 400, 600)]
        let e = error(MiniPDF(pages: [page, page]).bytes())
        XCTAssertEqual(e?.message, "no text layer (2 pages of images or drawings only; claimex does no OCR), skipped")
    }

    func testAThousandPagesAreOverTheLimit() {
        let pdf = MiniPDF(pages: Array(repeating: Self.onePage.pages[0], count: 1000))
        XCTAssertEqual(error(pdf.bytes(sharedContent: true))?.message, "more than 500 pages (the limit for one PDF), skipped")
    }

    func testMalformedObjects() {
        // the catalog and the page tree are garbage: poppler finds no pages
        var bytes = Self.onePage.bytes()
        let text = String(decoding: bytes, as: UTF8.self)
        let broken = text.replacingOccurrences(of: "<< /Type /Catalog /Pages 2 0 R >>", with: "<< /Type /Catalog /Pages 9 0 R >>")
            .replacingOccurrences(of: "<< /Type /Pages", with: "<< /Type /Garbage ]]>> obj")
        bytes = Array(broken.utf8)
        let m = error(bytes)?.message ?? ""
        XCTAssertTrue(m.hasPrefix("poppler cannot read it: ") || m == "no pages found (a damaged page tree?), skipped", m)
    }

    func testNotAPDF() {
        XCTAssertEqual(error(Array("just text %%EOF".utf8))?.message, "not a PDF (no %PDF- header), skipped")
    }

    func testTheTimeLimitStopsPoppler() {
        let saved = PDFTools.timeLimit
        PDFTools.timeLimit = 0.0001
        defer { PDFTools.timeLimit = saved }
        let pdf = MiniPDF(pages: Array(repeating: Self.onePage.pages[0], count: 400))
        let m = error(pdf.bytes(sharedContent: true))?.message ?? ""
        XCTAssertTrue(m.hasPrefix("pdftohtml took longer than the 0 s limit per document, stopped"), m)
    }
}
