import XCTest
import CLibXML2
@testable import Ingest

/// Pages nested deeper than libxml2's limit of 256 elements: the text below the limit and
/// after it is kept, laid out as it would be higher up (`HTMLDepthGuard`).
final class HTMLDeepNestingTests: XCTestCase {
    private func wrapped(_ inner: String, depth: Int, tag: String = "div") -> String {
        String(repeating: "<\(tag)>", count: depth) + inner + String(repeating: "</\(tag)>", count: depth)
    }

    /// 255 nested `div`s used to give an empty document (libxml2 halted at depth 256 and
    /// threw the rest of the page away).
    func testTextBelowAndAfterTheLimitIsKept() throws {
        for depth in [1, 200, 254, 255, 256, 300, 1_000, 100_000] {
            let html = "<html><body>" + wrapped("Deep text here.", depth: depth) + "<p>After.</p></body></html>"
            let doc = try HTMLTestSupport.document(html)
            XCTAssertEqual(HTMLTestSupport.texts(doc), ["Deep text here.", "After."], "depth \(depth)")
        }
    }

    func testDeepInlineRunsStayOneBlock() throws {
        let depth = 100_000
        let inline = "<p>Start " + String(repeating: "<b>", count: depth) + "x" + String(repeating: "</b>", count: depth) + " end.</p><p>Next.</p>"
        let doc = try HTMLTestSupport.document(HTMLTestSupport.page(inline))
        XCTAssertEqual(HTMLTestSupport.texts(doc), ["Start x end.", "Next."])
    }

    /// Every layout case of `HTMLStructureTests`, 300 elements down, comes out the same.
    func testLayoutBelowTheLimitMatchesTheLayoutAbove() throws {
        for (markup, expected) in HTMLStructureTests.layout {
            let doc = try HTMLTestSupport.document(HTMLTestSupport.page("<article>" + wrapped(markup, depth: 300) + "</article>"))
            XCTAssertEqual(HTMLTestSupport.texts(doc), expected, markup)
        }
    }

    func testChromeBelowTheLimitIsDropped() throws {
        let inner = """
            <h2>Deep heading</h2>
            <p>One para, deep.</p>
            <script>var leakScript = 1;</script>
            <nav><ul><li>leakNav</li><li><a href="/">leakNavLink</a></li></ul></nav>
            <p>Two <em>emph <span hidden>leakHiddenSpan</span>more</em> tail.</p>
            <div class="share"><p>leakShare</p><div><b>leakShareDeeper</b></div></div>
            <div style="display:none"><div><p>leakDisplayNone</p></div></div>
            <p>Last <a href="x">link<button>leakButton</button></a> words.</p>
            """
        let html = HTMLTestSupport.page("<article><h1>Title</h1>" + wrapped(inner, depth: 300) + "<p>After.</p></article>")
        let doc = try HTMLTestSupport.document(html)
        XCTAssertEqual(HTMLTestSupport.texts(doc),
                       ["Title", "Deep heading", "One para, deep.", "Two emph more tail.", "Last link words.", "After."])
        let text = String(decoding: doc.text, as: UTF8.self)
        XCTAssertFalse(text.contains("leak"), text)
        XCTAssertEqual(doc.blocks[2].sectionPath, ["Title", "Deep heading"])
        XCTAssertEqual(doc.blocks[1].kind, .heading)
    }

    /// Chrome that is a block (a share table, a nav) between two runs of text leaves them
    /// one block, as it does higher up.
    func testBlockChromeBelowTheLimitDoesNotSplitText() throws {
        let inner = "<div>Alpha <table class=\"share\"><tr><td>leak</td></tr></table> beta <nav><p>leak</p></nav>gamma.</div>"
        for depth in [0, 300] {
            let doc = try HTMLTestSupport.document(HTMLTestSupport.page("<article>" + wrapped(inner, depth: depth) + "</article>"))
            XCTAssertEqual(HTMLTestSupport.texts(doc), ["Alpha beta gamma."], "depth \(depth)")
        }
    }

    /// libxml2's tree never gets deeper than a few levels under the floor, so nothing that
    /// walks it (ours or libxml2's own `xmlFreeDoc`) goes deep.
    func testDeepTreesStayShallow() throws {
        let n = 3_000
        let html = "<html><body>" + String(repeating: "<div><p>x <em>y</em></p><span>z", count: n)
            + String(repeating: "</span></div>", count: n) + "<p>After.</p></body></html>"
        let document = try HTMLParser.parse(Array(html.utf8), path: "t.html")
        defer { xmlFreeDoc(document) }
        var deepest = 0
        var stack = [xmlDocGetRootElement(document)!]
        while let node = stack.popLast() {
            var depth = 0
            var up: xmlNodePtr? = node
            while let e = up, HTMLNode.isElement(e) { depth += 1; up = e.pointee.parent }
            deepest = max(deepest, depth)
            var child = node.pointee.children
            while let c = child {
                if HTMLNode.isElement(c) { stack.append(c) }
                child = c.pointee.next
            }
        }
        XCTAssertGreaterThanOrEqual(deepest, HTMLDepthGuard.floorDepth)
        XCTAssertLessThanOrEqual(deepest, HTMLDepthGuard.floorDepth + 3)
    }

    /// Line numbers of flattened elements are their own.
    func testLinesBelowTheLimit() throws {
        let html = "<html><body>\n" + String(repeating: "<div>\n", count: 300) + "<p>Deep line.</p>\n" + String(repeating: "</div>", count: 300) + "</body></html>"
        let doc = try HTMLTestSupport.document(html)
        XCTAssertEqual(doc.blocks.first.map { doc.string($0.range) }, "Deep line.")
        XCTAssertEqual(doc.blocks.first?.sourceLine, 302)
    }
}
