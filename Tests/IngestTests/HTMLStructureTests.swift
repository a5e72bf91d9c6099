import XCTest
@testable import Ingest

/// Block breaks, inline runs, footnotes and entities, as a browser would lay them out.
final class HTMLStructureTests: XCTestCase {
    private func texts(_ body: String) throws -> [String] {
        HTMLTestSupport.texts(try HTMLTestSupport.document(HTMLTestSupport.page("<article>" + body + "</article>")))
    }

    func testHeadingsCarryLevelsAndSectionPath() throws {
        let doc = try HTMLTestSupport.document(HTMLTestSupport.page(
            "<article><h1>Title</h1><h2>Part A</h2><p>Text a.</p><h3>Sub</h3><p>Text b.</p><h2>Part B</h2><p>Text c.</p></article>"))
        XCTAssertEqual(doc.blocks.map(\.level), [1, 2, 0, 3, 0, 2, 0])
        XCTAssertEqual(doc.blocks[4].sectionPath, ["Title", "Part A", "Sub"])
        XCTAssertEqual(doc.blocks[6].sectionPath, ["Title", "Part B"])
        for level in 1...6 {
            let d = try HTMLTestSupport.document(HTMLTestSupport.page("<article><h\(level)>H</h\(level)></article>"))
            XCTAssertEqual(d.blocks.first?.level, level)
            XCTAssertEqual(d.blocks.first?.kind, .heading)
        }
    }

    /// (markup, blocks); `HTMLDeepNestingTests` lays them out again below the depth floor.
    static let layout: [(String, [String])] = [
        ("<p>One <em>two</em> <strong>three</strong>.</p>", ["One two three."]),
        ("<p>Glued<span>Together</span> words</p>", ["GluedTogether words"]),
        ("<p>Line one<br>line two</p>", ["Line one line two"]),
        ("<p>Para one<br><br>Para two</p>", ["Para one", "Para two"]),
        ("<p>Para one<br>\n <br>Para two</p>", ["Para one", "Para two"]),
        ("<div>Before<p>Inside</p>After</div>", ["Before", "Inside", "After"]),
        ("<p>  Lots \n\t of   space  </p>", ["Lots of space"]),
        ("<p>A&nbsp;&nbsp;B</p>", ["A B"]),
        ("<p>Tom &amp; Jerry &eacute;t&eacute; &#8220;quoted&#8221; &lt;tag&gt;</p>", ["Tom & Jerry été “quoted” <tag>"]),
        ("<p>soft&shy;hyphen zero&#8203;width</p>", ["softhyphen zerowidth"]),
        ("<ul><li>Item <ul><li>nested</li></ul> tail</li></ul>", ["Item", "nested", "tail"]),
        ("<p>agreements,<sup><a href=\"#fn1\" id=\"fnref1\">1</a></sup> as well</p>", ["agreements,¹ as well"]),
        ("<p>statement<sup>[2]</sup> and<sup>3,4</sup></p>", ["statement² and³,⁴"]),
        ("<p>the 75<sup>th</sup> anniversary</p>", ["the 75th anniversary"]),
        ("<p>E = mc<sup>2</sup> holds</p>", ["E = mc² holds"]),
        ("<table><tr><td>a</td><td>b</td></tr></table>", ["a", "b"]),
        ("<p>x<img src=a.png alt=\"Alt text\">y</p>", ["xy"]),
        ("<p><!-- a comment -->Visible</p>", ["Visible"]),
    ]

    func testLayout() throws {
        for (markup, expected) in Self.layout {
            XCTAssertEqual(try texts(markup), expected, markup)
        }
    }

    /// (footnotes markup, footnote blocks)
    private static let footnotes: [(String, [String])] = [
        ("<ol class=\"footnotes\"><li>First note.</li><li>Second note.</li></ol>", ["1 First note.", "2 Second note."]),
        ("<section class=\"footnotes\"><ol start=\"3\"><li><p>Third.</p></li></ol></section>", ["3 Third."]),
        ("<div role=\"doc-endnotes\"><ol><li id=\"fn7\">Seventh. <a href=\"#fnref7\" role=\"doc-backlink\">↩</a></li></ol></div>", ["7 Seventh."]),
        ("<aside id=\"endnotes\"><ol><li>Aside note.</li></ol></aside>", ["1 Aside note."]),
        ("<ul><li id=\"fn2\">Loose item note.</li></ul>", ["2 Loose item note."]),
        ("<div class=\"footnotes\"><p>1 Numbered by hand.</p></div>", ["1 Numbered by hand."]),
    ]

    func testFootnotes() throws {
        for (markup, expected) in Self.footnotes {
            let doc = try HTMLTestSupport.document(HTMLTestSupport.page("<article><p>Body text¹ here.</p>" + markup + "</article>"))
            let notes = doc.blocks.filter { $0.kind == .footnote }.map { doc.string($0.range) }
            XCTAssertEqual(notes, expected, markup)
            XCTAssertEqual(doc.blocks.first?.kind, .paragraph)
        }
    }
}
