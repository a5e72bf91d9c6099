import XCTest
@testable import Ingest

/// PDF ingest on small PDFs written by hand (`MiniPDF`): reading order across columns and
/// pages, furniture, joined sentences, hyphens, footnotes, headings, lists, boxes.
final class PDFLayoutTests: XCTestCase {
    static func run(_ x: Double, _ y: Double, _ text: String, size: Double = 10, bold: Bool = false) -> MiniPDF.Run {
        MiniPDF.Run(x: x, y: y, size: size, bold: bold, text: text)
    }

    /// Two pages: a two-column page 1 with a title, a heading, a paragraph running from the
    /// left column into the right one, a bullet list, a paragraph running onto page 2, and a
    /// footnote; a running header and page numbers on both.
    static var brief: MiniPDF {
        var p1 = MiniPDF.Page()
        let furniture = { (n: Int) -> [MiniPDF.Run] in
            [run(56, 810, "THINK TANK BULLETIN", size: 8, bold: true), run(460, 810, "No. 5 \u{B7} May 2024", size: 8),
             run(295, 30, "\(n)", size: 8)]
        }
        p1.runs = furniture(1)
        p1.runs += [
            run(56, 760, "Partners in Name Only", size: 16, bold: true),
            run(56, 730, "Background", size: 12, bold: true),
            run(56, 712, "The two states have deepened their coop-"),
            run(56, 699.5, "eration in energy and trade since 2022, and"),
            run(56, 687, "both sides describe the relationship as a"),
            run(56, 674.5, "strategic partnership without limits. The"),
            run(310, 712, "summit in May confirmed this course. Moscow"),
            run(310, 699.5, "needs markets for its oil and gas, and dual-"),
            run(310, 687, "use goods it cannot buy elsewhere."),
            run(310 + 156.75 + 0.5, 691, "1", size: 6),
            run(310, 666, "\u{95} Energy exports rose by a third in 2023."),
            run(310, 653.5, "\u{95} Trade is settled in yuan and rubles, not"),
            run(321, 641, "in dollars."),
            run(310, 620, "Sanctions have so far done little to slow"),
            run(56, 70, "1 Customs data for 2023, published in January 2024.", size: 7),
        ]
        var p2 = MiniPDF.Page()
        p2.runs = furniture(2)
        p2.runs += [
            run(56, 760, "this trade, which keeps growing each year."),
            run(56, 735, "Western curbs on dual-use exports have not changed this picture."),
        ]
        return MiniPDF(pages: [p1, p2])
    }

    static func ingest(_ pdf: MiniPDF, sharedContent: Bool = false) throws -> Document {
        try Ingest.document(source: pdf.bytes(sharedContent: sharedContent), path: "t.pdf", mediaType: .pdf)
    }

    func testReadingOrderFurnitureJoinsAndHyphens() throws {
        let doc = try Self.ingest(Self.brief)
        XCTAssertEqual(doc.mediaType, .pdf)
        let blocks = doc.blocks.map { "\($0.kind.rawValue): \(doc.string($0.range))" }
        XCTAssertEqual(blocks, [
            "furniture: THINK TANK BULLETIN",
            "furniture: No. 5 \u{B7} May 2024",
            "heading: Partners in Name Only",
            "heading: Background",
            "paragraph: The two states have deepened their cooperation in energy and trade since 2022, and both sides "
                + "describe the relationship as a strategic partnership without limits. The summit in May confirmed this "
                + "course. Moscow needs markets for its oil and gas, and dual-use goods it cannot buy elsewhere.\u{B9}",
            "list-item: Energy exports rose by a third in 2023.",
            "list-item: Trade is settled in yuan and rubles, not in dollars.",
            "paragraph: Sanctions have so far done little to slow this trade, which keeps growing each year.",
            "footnote: 1 Customs data for 2023, published in January 2024.",
            "furniture: 1",
            "furniture: THINK TANK BULLETIN",
            "furniture: No. 5 \u{B7} May 2024",
            "paragraph: Western curbs on dual-use exports have not changed this picture.",
            "furniture: 2",
        ])
    }

    func testHeadingsFromSizeAndWeightGiveTheSectionPath() throws {
        let doc = try Self.ingest(Self.brief)
        let headings = doc.blocks.filter { $0.kind == .heading }
        XCTAssertEqual(headings.map(\.level), [1, 2])
        let para = try XCTUnwrap(doc.blocks.first { $0.kind == .paragraph })
        XCTAssertEqual(para.sectionPath, ["Partners in Name Only", "Background"])
    }

    func testBoxesFollowASentenceAcrossColumnsAndPages() throws {
        let doc = try Self.ingest(Self.brief)
        let layout = try XCTUnwrap(doc.layout)
        XCTAssertEqual(layout.pageCount, 2)
        let text = String(decoding: doc.text, as: UTF8.self)
        func range(_ s: String) throws -> Range<Int> {
            let r = try XCTUnwrap(text.range(of: s))
            return text.utf8.distance(from: text.startIndex, to: r.lowerBound)..<text.utf8.distance(from: text.startIndex, to: r.upperBound)
        }
        // "The" ends the left column's fourth line, "summit ... course." opens the right column
        let split = layout.boxes(for: try range("The summit in May confirmed this course."))
        XCTAssertEqual(split.map(\.page), [1, 1])
        // "The" in 10 pt Helvetica is 17.23 pt wide; words inside a run are placed by estimate
        XCTAssertEqual(split[0].x0, 56 + 173.39 - 17.23, accuracy: 2)
        XCTAssertLessThan(split[0].y0, 674.5); XCTAssertGreaterThan(split[0].y1, 674.5)
        XCTAssertEqual(split[1].x0, 310, accuracy: 0.01)
        XCTAssertLessThan(split[1].y0, 712); XCTAssertGreaterThan(split[1].y1, 712)
        XCTAssertEqual(layout.start(of: try range("The summit"))?.page, 1)

        let across = layout.boxes(for: try range("Sanctions have so far done little to slow this trade, which keeps growing each year."))
        XCTAssertEqual(across.map(\.page), [1, 2])
        XCTAssertEqual(across[0].x0, 310, accuracy: 0.01)
        XCTAssertEqual(across[1].x0, 56, accuracy: 0.01)
        XCTAssertLessThan(across[1].y0, 760); XCTAssertGreaterThan(across[1].y1, 760)
        XCTAssertLessThan(across[1].y1, 842)
    }

    func testSoftHyphensAndLigaturesAreNormalised() {
        XCTAssertEqual(PDFText.normalize("\u{FB01}nal \u{FB02}ow e\u{FB00}ort"), "final flow effort")
        XCTAssertEqual(PDFText.normalize("coop\u{AD}eration"), "cooperation")
        XCTAssertEqual(PDFText.joinHyphenated("coop-", "eration,", compounds: []), "cooperation,")
        XCTAssertEqual(PDFText.joinHyphenated("dual-", "use", compounds: ["dual-use"]), "dual-use")
        XCTAssertEqual(PDFText.joinHyphenated("anti-", "American", compounds: []), "anti-American")
        XCTAssertFalse(PDFText.endsWithHyphen("2023-"))
    }

    func testSoftHyphenAtALineEndJoinsTheWord() throws {
        var page = MiniPDF.Page()
        page.runs = [Self.run(56, 700, "Both sides pledged further coop\u{AD}"), Self.run(56, 687.5, "eration in energy.")]
        let doc = try Self.ingest(MiniPDF(pages: [page]))
        XCTAssertEqual(String(decoding: doc.text, as: UTF8.self), "Both sides pledged further cooperation in energy.")
    }

    func testATableBecomesCells() throws {
        var page = MiniPDF.Page()
        page.runs = [
            Self.run(56, 760, "The visit in figures is set out below."),
            Self.run(56, 740, "Date"), Self.run(160, 740, "Place"), Self.run(260, 740, "Agreements"),
            Self.run(56, 725, "16 May"), Self.run(160, 725, "Beijing"), Self.run(260, 725, "10"),
            Self.run(56, 700, "After the table the text goes on."),
        ]
        let doc = try Self.ingest(MiniPDF(pages: [page]))
        XCTAssertEqual(doc.blocks.map(\.kind), [.paragraph] + Array(repeating: .tableCell, count: 6) + [.paragraph])
        XCTAssertEqual(doc.blocks.filter { $0.kind == .tableCell }.map { doc.string($0.range) },
                       ["Date", "Place", "Agreements", "16 May", "Beijing", "10"])
    }
}
