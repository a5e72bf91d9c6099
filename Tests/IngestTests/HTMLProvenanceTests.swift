import XCTest
@testable import Ingest

/// Each block names the line and the element it came from.
final class HTMLProvenanceTests: XCTestCase {
    func testXPathAndLines() throws {
        let html = """
            <!DOCTYPE html>
            <html>
            <body>
            <header><nav>menu</nav></header>
            <main>
            <article>
            <h1>Title</h1>
            <p>One.</p>
            <p>Two <em>has</em> inline.</p>
            <ul><li>A.</li><li>B.</li></ul>
            <p>Three.</p>
            <blockquote><p>Quote.</p></blockquote>
            </article>
            </main>
            </body>
            </html>
            """
        let doc = try HTMLTestSupport.document(html)
        let rows = doc.blocks.map { "\($0.sourceLine) \($0.xpath ?? "-") \(doc.string($0.range))" }
        XCTAssertEqual(rows, [
            "7 /html/body/main/article/h1 Title",
            "8 /html/body/main/article/p[1] One.",
            "9 /html/body/main/article/p[2] Two has inline.",
            "10 /html/body/main/article/ul/li[1] A.",
            "10 /html/body/main/article/ul/li[2] B.",
            "11 /html/body/main/article/p[3] Three.",
            "12 /html/body/main/article/blockquote/p Quote.",
        ])
    }

    /// Dropped siblings still count in positions: the XPath names the element in the page.
    func testPositionsCountDroppedSiblings() throws {
        let doc = try HTMLTestSupport.document(HTMLTestSupport.page(
            "<article><div class=\"share\">s</div><div>Kept.</div><p hidden>h</p><p>Shown.</p></article>"))
        XCTAssertEqual(doc.blocks.map { $0.xpath ?? "-" }, ["/html/body/article/div[2]", "/html/body/article/p[2]"])
    }

    /// libxml2 2.9 stores element lines in 16 bits; lines past 65535 still come out right.
    func testLinesBeyond65535() throws {
        let html = "<html><body><article>\n<p>Early.</p>" + String(repeating: "\n", count: 70_000)
            + "<p>Late.</p>\n\n<p>Later.</p></article></body></html>"
        let doc = try HTMLTestSupport.document(html)
        XCTAssertEqual(doc.blocks.map(\.sourceLine), [2, 70_002, 70_004])
    }

    func testBlocksWithoutElementLinesStillPointToTheirContainer() throws {
        let doc = try HTMLTestSupport.document(HTMLTestSupport.page("<article><div>Loose<p>In p</p>tail</div></article>"))
        XCTAssertEqual(doc.blocks.map { $0.xpath ?? "-" },
                       ["/html/body/article/div", "/html/body/article/div/p", "/html/body/article/div"])
    }
}
