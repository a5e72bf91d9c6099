import XCTest
@testable import Ingest

/// Plain-text ingest, case by case: input bytes -> (kind, text) blocks.
final class PlainTextReaderTests: XCTestCase {
    typealias B = (Block.Kind, String)

    static func ingest(_ s: String) throws -> Document {
        try Ingest.document(source: Array(s.utf8), path: "case.txt", mediaType: .plainText)
    }

    static let cases: [(name: String, input: String, blocks: [B])] = [
        ("BOM dropped", "\u{FEFF}Hello world.", [(.paragraph, "Hello world.")]),
        ("CRLF line ends", "Line one\r\nline two\r\n\r\nNext para.\r\n",
         [(.paragraph, "Line one line two"), (.paragraph, "Next para.")]),
        ("CR line ends", "A first\rline\r\rB second.", [(.paragraph, "A first line"), (.paragraph, "B second.")]),
        ("single newlines join with a space", "Hugo von Essen\nAnalyst at SCEEUS\n", [(.paragraph, "Hugo von Essen Analyst at SCEEUS")]),
        ("headings without marks", "# Title\n\nIntro.\n\n## Part A ##\n\n###### Deep\n\n#NotAHeading",
         [(.heading, "Title"), (.paragraph, "Intro."), (.heading, "Part A"), (.heading, "Deep"), (.paragraph, "#NotAHeading")]),
        ("setext heading and rule", "Title\n=====\n\nBody one.\n\n---\n\nBody two.",
         [(.heading, "Title"), (.paragraph, "Body one."), (.paragraph, "Body two.")]),
        ("bullets", "Intro:\n- first item\n- second *item*\n  continued here\n* star item\n\nAfter.",
         [(.paragraph, "Intro:"), (.listItem, "first item"), (.listItem, "second item continued here"),
          (.listItem, "star item"), (.paragraph, "After.")]),
        ("numbered items", "Recommendations:\n1. The EU should act.\n2) NATO must\n   respond.\n10. Last.\n\nThe count was\n3. 5 million, up.\n",
         [(.paragraph, "Recommendations:"), (.listItem, "1. The EU should act."), (.listItem, "2) NATO must respond."),
          (.listItem, "10. Last."), (.paragraph, "The count was 3. 5 million, up.")]),
        ("block quotes, one per run of > lines", "> Quoted line one\n> and two.\n\nBody.\n\n> Another.",
         [(.quote, "Quoted line one and two."), (.paragraph, "Body."), (.quote, "Another.")]),
        ("a pull quote never runs on into the next paragraph",
         "Body text that is long enough to be body text of the brief, twelve words at least.\n\n___`A pull quote repeats a body sentence of the brief and has no stop at its end`___\n\nIt goes on here.",
         [(.paragraph, "Body text that is long enough to be body text of the brief, twelve words at least."),
          (.quote, "`A pull quote repeats a body sentence of the brief and has no stop at its end`"),
          (.paragraph, "It goes on here.")]),
        ("an image line is a caption of its alt text", "![Figure 1](https://x.org/a.png)\n_Source: the author._",
         [(.caption, "Figure 1"), (.paragraph, "Source: the author.")]),
        ("links", "See [the report](https://x.org/a_(b)) and [this](#). Keep [sic] and a](b.",
         [(.paragraph, "See the report and this. Keep [sic] and a](b.")]),
        ("link text across lines", "A [long\nlink](#) here.", [(.paragraph, "A long link here.")]),
        ("inline tags", "the 75<sup>th</sup> anniversary<br/> and a < b and <https://x.org>",
         [(.paragraph, "the 75th anniversary and a < b and <https://x.org>")]),
        ("emphasis", "*Power of Siberia 2* and **bold** and _under_ but snake_case, 5 * 3",
         [(.paragraph, "Power of Siberia 2 and bold and under but snake_case, 5 * 3")]),
        ("backslash escapes", "about \\$23.5 billion \\*not emphasis\\* C:\\dir",
         [(.paragraph, "about $23.5 billion *not emphasis* C:\\dir")]),
        ("footnotes", "Body text here.¹\n\n1 Document list in Russian on the website.\n\n21 May",
         [(.paragraph, "Body text here.¹"), (.footnote, "1 Document list in Russian on the website."), (.paragraph, "21 May")]),
        ("superscript-numbered footnotes",
         "Body text here.¹\n\n¹ Document list in Russian on the website.\n\n²³ See the annex.\n\n⁴Customs data.\n\n21 May",
         [(.paragraph, "Body text here.¹"), (.footnote, "¹ Document list in Russian on the website."),
          (.footnote, "²³ See the annex."), (.footnote, "⁴Customs data."), (.paragraph, "21 May")]),
        ("superscript footnote between halves",
         "The value of the trade rose sharply during the year because both sides wanted more of\n\n¹ Customs data.\n\nthe same goods.",
         [(.paragraph, "The value of the trade rose sharply during the year because both sides wanted more of the same goods."),
          (.footnote, "¹ Customs data.")]),
        ("furniture between sentence halves",
         "It is ready to expand cooperation (possibly even through\n\nPISM BULLETIN\n\nsignificant arms deliveries) with Russia. Next.\n\nAfter.",
         [(.paragraph, "It is ready to expand cooperation (possibly even through significant arms deliveries) with Russia. Next."),
          (.furniture, "PISM BULLETIN"), (.paragraph, "After.")]),
        ("heading furniture before a digit",
         "Talks were held in a tight circle with about ten people gathered at a dinner on\n\n# PISM SPOTLIGHT\n\n16 May), presumably on support.",
         [(.paragraph, "Talks were held in a tight circle with about ten people gathered at a dinner on 16 May), presumably on support."),
          (.furniture, "PISM SPOTLIGHT")]),
        ("page break before a lowercase word", "The two\n\ncountries will support each other.",
         [(.paragraph, "The two countries will support each other.")]),
        ("page break in long body text before a name",
         "This was communicated to China by both U.S. Secretary of State Antony Blinken and the EU High Representative during meetings with former Foreign Minister\n\nWang Yi at the Munich Security Conference.",
         [(.paragraph, "This was communicated to China by both U.S. Secretary of State Antony Blinken and the EU High Representative during meetings with former Foreign Minister Wang Yi at the Munich Security Conference.")]),
        ("footnote and furniture between halves",
         "The value of the trade rose sharply during the year because both sides wanted more of\n\n1 Customs data.\n\nPISM BULLETIN\n\nthe same goods.",
         [(.paragraph, "The value of the trade rose sharply during the year because both sides wanted more of the same goods."),
          (.footnote, "1 Customs data."), (.furniture, "PISM BULLETIN")]),
        ("no join of short titles and bylines", "Hugo von Essen\nAnalyst at SCEEUS\n\n\n\nPatrik Andersson\nAnalyst at NKK\n\n21 May",
         [(.paragraph, "Hugo von Essen Analyst at SCEEUS"), (.paragraph, "Patrik Andersson Analyst at NKK"), (.paragraph, "21 May")]),
        ("run-in heading is no heading", "China's Position. China sees Russia as a partner.",
         [(.paragraph, "China's Position. China sees Russia as a partner.")]),
        ("repeated running header is furniture", "First para.\n\nPISM BULLETIN\n\nSecond para.\n\nPISM BULLETIN\n\nThird.",
         [(.paragraph, "First para."), (.furniture, "PISM BULLETIN"), (.paragraph, "Second para."),
          (.furniture, "PISM BULLETIN"), (.paragraph, "Third.")]),
        ("single caps line stays", "NKK/SCEEUS COMMENTARY\n\nNO. 1, 2024",
         [(.paragraph, "NKK/SCEEUS COMMENTARY"), (.paragraph, "NO. 1, 2024")]),
        ("empty input", "", []),
        ("blank lines only", "\n \r\n\t\n", []),
    ]

    func testCases() throws {
        for c in Self.cases {
            let doc = try Self.ingest(c.input)
            let got = doc.blocks.map { "\($0.kind.rawValue): \(doc.string($0.range))" }
            let want = c.blocks.map { "\($0.0.rawValue): \($0.1)" }
            XCTAssertEqual(got, want, c.name)
            XCTAssertEqual(doc.string(0..<doc.text.count),
                           c.blocks.map(\.1).joined(separator: "\n\n"), "\(c.name): blocks joined by blank lines")
        }
    }

    func testSectionPathAndLevels() throws {
        let doc = try Self.ingest("# Title\n\nIntro.\n\n## Part A\n\nText A.\n\n### Sub\n\nText sub.\n\n## Part B\n\nText B.")
        let rows = doc.blocks.map { "\($0.kind.rawValue) \($0.level) \($0.sectionPath.joined(separator: " > ")) | \(doc.string($0.range))" }
        XCTAssertEqual(rows, [
            "heading 1  | Title",
            "paragraph 0 Title | Intro.",
            "heading 2 Title | Part A",
            "paragraph 0 Title > Part A | Text A.",
            "heading 3 Title > Part A | Sub",
            "paragraph 0 Title > Part A > Sub | Text sub.",
            "heading 2 Title | Part B",
            "paragraph 0 Title > Part B | Text B.",
        ])
        XCTAssertEqual(doc.blocks.map(\.sourceLine), [1, 3, 5, 7, 9, 11, 13, 15])
    }

    func testFurnitureHeadingDoesNotEnterSectionPath() throws {
        let doc = try Self.ingest("## Part\n\nTalks were held in a tight circle with about ten people gathered at a dinner on\n\n# PISM SPOTLIGHT\n\n16 May), presumably.\n\nNext.")
        XCTAssertEqual(doc.blocks.map(\.kind), [.heading, .paragraph, .furniture, .paragraph])
        XCTAssertEqual(doc.blocks.last?.sectionPath, ["Part"])
    }

    func testTitle() throws {
        XCTAssertEqual(try Self.ingest("\n\nNKK COMMENTARY\n\n## The *Real* Title\n\nBody.").title, "The Real Title")
        XCTAssertEqual(try Self.ingest("\n\nFirst [line](#) here\nsecond line\n\nBody.").title, "First line here")
        XCTAssertNil(try Self.ingest("\n\n").title)
    }

    /// Title and headings are copied into every record: past `FieldCap.maxBytes` they are cut
    /// at a scalar with a closing "…" (a 1 MB first line made a 1 MB input 47 MB of output).
    func testLongTitleAndHeadingsAreCapped() throws {
        let long = String(repeating: "Wörd ", count: 2000)
        let doc = try Self.ingest("# " + long + "\n\n## " + long + "\n\nBody.")
        let title = try XCTUnwrap(doc.title)
        XCTAssertLessThanOrEqual(title.utf8.count, FieldCap.maxBytes)
        XCTAssertGreaterThan(title.utf8.count, FieldCap.maxBytes - 8)
        XCTAssertTrue(title.hasSuffix("…"))
        XCTAssertTrue(long.hasPrefix(String(title.dropLast())))
        let path = try XCTUnwrap(doc.blocks.last?.sectionPath)
        XCTAssertEqual(path.count, 2)
        XCTAssertTrue(path.allSatisfy { $0.utf8.count <= FieldCap.maxBytes && $0.hasSuffix("…") })
        XCTAssertEqual(FieldCap.capped("short"), "short")
    }

    /// A text that opens with body text has no title, rather than a sentence repeated in
    /// every record: a long first line, the first line of a wrapped paragraph, a salutation.
    func testNoTitleFromBodyText() throws {
        let opening = "I consider it a great honour and privilege to share with you the opportunities of this occasion."
        XCTAssertNil(try Self.ingest(opening + "\n\nMore.").title)
        XCTAssertNil(try Self.ingest("I would like to congratulate\nyou, Sir, on your election to the presidency of this Assembly.\n\nMore.").title)
        XCTAssertNil(try Self.ingest("Mr. President,\n\n" + opening).title)
        XCTAssertEqual(try Self.ingest("Is Deterrence Dead?\n\n" + opening).title, "Is Deterrence Dead?")
    }

    func testSourceMapPointsAtTheKeptBytes() throws {
        let input = "\u{FEFF}## Head\r\n\r\n- the 75<sup>th</sup> [year](#)\r\n  of \\$5"
        let doc = try Self.ingest(input)
        let map = try XCTUnwrap(doc.sourceMap)
        XCTAssertEqual(doc.string(0..<doc.text.count), "Head\n\nthe 75th year of $5")
        for (t, byte) in doc.text.enumerated() where byte != 0x0A && byte != 0x20 {
            XCTAssertEqual(doc.source[map.source(forText: t)], byte, "text offset \(t)")
        }
        XCTAssertEqual(map.source(forText: 0), 6)  // "H" after the BOM and "## "
    }

    func testStripInlineMarkup() {
        let cases: [(String, String)] = [
            ("a [b](c) d", "a b d"),
            ("b](c) d", "b d"),  // a sentence slice can start inside link text
            ("x *y*, z", "x y, z"),
            ("y*, z", "y, z"),
            ("75<sup>th</sup>", "75th"),
            ("\\$1  \n two", "$1 two"),
        ]
        for (input, want) in cases {
            XCTAssertEqual(String(decoding: PlainTextReader.stripInlineMarkup(Array(input.utf8)), as: UTF8.self), want, input)
        }
    }

    func testInvalidInputIsRefusedWithItsOffset() {
        let cases: [(String, [UInt8], IngestError.Kind, Int)] = [
            ("lone 0xFF", [0x61, 0x62, 0xFF], .invalidUTF8, 2),
            ("truncated sequence", [0x61, 0xE2, 0x80], .invalidUTF8, 1),
            ("overlong slash", [0xC0, 0xAF], .invalidUTF8, 0),
            ("surrogate", [0x20, 0xED, 0xA0, 0x80], .invalidUTF8, 1),
            ("stray continuation", Array("ok é".utf8) + [0x80], .invalidUTF8, 5),
            ("NUL byte", [0x61, 0x0A, 0x00, 0x62], .binary, 2),
        ]
        for (name, bytes, kind, offset) in cases {
            XCTAssertThrowsError(try Ingest.document(source: bytes, path: "bad.txt", mediaType: .plainText), name) { error in
                guard let e = error as? IngestError else { return XCTFail("\(name): \(error)") }
                XCTAssertEqual(e.kind, kind, name)
                XCTAssertEqual(e.offset, offset, name)
                XCTAssertTrue(e.description.hasPrefix("bad.txt: byte \(offset): "), e.description)
            }
        }
    }
}
