import XCTest
import Ingest
import Segment

/// The PDF edition of a brief (samples/*.pdf, made by scripts/make-sample-pdfs.py) says what
/// its text edition says: same sentences, same order, compared as the HTML editions are
/// (letters and digits, lowercased). Furniture is left out on both sides, and so are the
/// PDF's table cells (the editions print a small table the text editions do not have).
/// Footnotes are compared apart, in order among themselves.
final class PDFEquivalenceTests: XCTestCase {
    private struct Split {
        var body: [String] = []
        var notes: [String] = []
    }

    private func split(_ doc: Document, leaving out: Set<Block.Kind>) -> Split {
        var s = Split()
        for sentence in Segmenter().sentences(in: doc) {
            let kind = doc.blocks[sentence.block].kind
            let n = HTMLEquivalenceTests.normalized(doc.string(sentence.range))
            guard !out.contains(kind), !n.isEmpty else { continue }
            if kind == .footnote { s.notes.append(n) } else { s.body.append(n) }
        }
        return s
    }

    func testTextAndPDFEditionsHaveTheSameSentences() throws {
        for name in HTMLEquivalenceTests.samples {
            let dir = HTMLEquivalenceTests.samplesDirectory
            let text = try Ingest.read(path: dir.appendingPathComponent(name + ".txt").path)
            let pdf = try Ingest.read(path: dir.appendingPathComponent(name + ".pdf").path)
            XCTAssertEqual(pdf.mediaType, .pdf)
            let fromText = split(text, leaving: [.furniture])
            let fromPDF = split(pdf, leaving: [.furniture, .tableCell])
            XCTAssertGreaterThan(fromPDF.body.count, 40, name)
            let common = min(fromText.body.count, fromPDF.body.count)
            let mismatch = (0..<common).first { fromText.body[$0] != fromPDF.body[$0] }
            if let i = mismatch ?? (fromText.body.count != fromPDF.body.count ? common : nil) {
                XCTFail("""
                    \(name): sentence \(i) differs (text edition \(fromText.body.count) sentences, PDF \(fromPDF.body.count))
                      text: \(i < fromText.body.count ? fromText.body[i] : "<end>")
                      pdf:  \(i < fromPDF.body.count ? fromPDF.body[i] : "<end>")
                    """)
            }
            XCTAssertEqual(fromText.notes, fromPDF.notes, "\(name): footnotes")
        }
    }

    /// What the PDF editions are made to show: running headers and page numbers as
    /// furniture on every page, a table, footnotes apart from the text, headings.
    func testPDFEditionsShowTheirLayout() throws {
        for name in HTMLEquivalenceTests.samples {
            let pdf = try Ingest.read(path: HTMLEquivalenceTests.samplesDirectory.appendingPathComponent(name + ".pdf").path)
            let pages = try XCTUnwrap(pdf.layout).pageCount
            XCTAssertGreaterThanOrEqual(pages, 2, name)
            let furniture = pdf.blocks.filter { $0.kind == .furniture }.map { pdf.string($0.range) }
            XCTAssertEqual(furniture.filter { $0.allSatisfy(\.isNumber) }, (1...pages).map(String.init), name)
            XCTAssertEqual(furniture.count, pages * 3, "\(name): header left and right and the page number on every page")
            XCTAssertEqual(pdf.blocks.filter { $0.kind == .tableCell }.count, 6, name)
            XCTAssertNotNil(pdf.title, name)
        }
    }
}
