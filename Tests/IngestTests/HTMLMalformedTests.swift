import XCTest
@testable import Ingest

/// Broken, hostile and huge pages: never a crash, at worst one clear error.
final class HTMLMalformedTests: XCTestCase {
    func testUnclosedTagsRecover() throws {
        let doc = try HTMLTestSupport.document("<html><body><article><p>One<p>Two <b>bold<div>Three</article>")
        XCTAssertEqual(HTMLTestSupport.texts(doc), ["One", "Two bold", "Three"])
    }

    func testTruncatedPages() throws {
        let full = HTMLTestSupport.page("<article><h1>Title</h1><p>First paragraph of text.</p><p>Second <a href=\"x\">link</a> paragraph.</p></article>")
        let bytes = Array(full.utf8)
        for cut in stride(from: 1, to: bytes.count, by: 7) {
            do {
                _ = try HTMLTestSupport.document(bytes: Array(bytes[..<cut]))
            } catch {
                XCTAssertEqual(error.kind, .html, "cut at \(cut): \(error)")
            }
        }
        let doc = try HTMLTestSupport.document(bytes: Array(bytes[..<(full.utf8.count - 40)]))
        XCTAssertEqual(HTMLTestSupport.texts(doc).prefix(2), ["Title", "First paragraph of text."])
    }

    func testDeepNestingDoesNotCrash() throws {
        let depth = 100_000
        let html = "<html><body><p>Before the pit.</p>" + String(repeating: "<div>", count: depth) + "deep text"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let doc = try HTMLTestSupport.document(html)
        XCTAssertEqual(HTMLTestSupport.texts(doc), ["Before the pit.", "deep text"])
        let inline = "<p>Start " + String(repeating: "<b>", count: depth) + "x" + String(repeating: "</b>", count: depth) + "</p>"
        _ = try HTMLTestSupport.document(HTMLTestSupport.page(inline))
    }

    func testGarbageBytesDoNotCrash() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for round in 0..<20 {
            var bytes = [UInt8]()
            for _ in 0..<(2000 + round * 500) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let b = UInt8(truncatingIfNeeded: state >> 33)
                bytes.append(b == 0 ? 0x3C : b)
            }
            if round.isMultiple(of: 2) { bytes = Array("<html><body><p>".utf8) + bytes }
            do {
                _ = try HTMLTestSupport.document(bytes: bytes)
            } catch {
                XCTAssertEqual(error.kind, .html, "round \(round): \(error)")
            }
        }
    }

    /// (what, page, error message)
    private static let refused: [(String, [UInt8], String)] = [
        ("empty file", [], "test.html: empty page, no HTML to read"),
        ("whitespace only", Array(" \n\t\r\n".utf8), "test.html: empty page, no HTML to read"),
        ("comment only", Array("<!-- nothing here -->".utf8), "test.html: no HTML elements found"),
    ]

    func testUnreadablePagesThrowOneClearError() {
        for (what, bytes, message) in Self.refused {
            XCTAssertThrowsError(try HTMLTestSupport.document(bytes: bytes), what) { error in
                let e = error as? IngestError
                XCTAssertEqual(e?.kind, .html, what)
                XCTAssertEqual(e?.description, message, what)
            }
        }
        XCTAssertThrowsError(try HTMLTestSupport.document(bytes: Array("<p>a\0b</p>".utf8))) { error in
            XCTAssertEqual((error as? IngestError)?.kind, .binary)
        }
    }

    func testEntityExpansionAndExternalEntitiesAreOff() throws {
        var laughs = "<!DOCTYPE html [<!ENTITY lol0 \"lol\">"
        for i in 1...9 {
            laughs += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">"
        }
        laughs += "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><html><body><p>A &lol9; B &xxe; C</p></body></html>"
        let start = Date()
        let doc = try HTMLTestSupport.document(laughs)
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        let text = String(decoding: doc.text, as: UTF8.self)
        XCTAssertLessThan(doc.text.count, 1000)
        XCTAssertFalse(text.contains("root:"))
        XCTAssertFalse(text.contains("lollol"))
    }

    /// A DOCTYPE's internal subset is not text, and what it declares is never expanded.
    func testDoctypeInternalSubsetStaysOut() throws {
        let pages: [(String, String)] = [
            ("<!DOCTYPE html [<!ENTITY a \"AAA\"><!ENTITY b \"BBB\">]><html><body><p>Hi &a; &b; there.</p></body></html>",
             "Hi &a; &b; there."),
            // Quoted `>` and `]>`, a comment with `]>`, a public id, an XML declaration first.
            ("<?xml version=\"1.0\"?>\n<!-- first -->\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x.dtd\" [\n"
                + "  <!ENTITY a \"A>A]>\">\n  <!-- ]> -->\n  <!ENTITY b '<p>BBB</p>'>\n]>\n<html><body><p>Hi &a; &b; there.</p></body></html>",
             "Hi &a; &b; there."),
            ("<!doctype html[<!ENTITY x SYSTEM \"file:///etc/passwd\">]  >\n<p>Hi &x; there.</p>", "Hi &x; there."),
            // Never closed: the DOCTYPE ends at the first `>`, as in a browser.
            ("<!DOCTYPE html [ <!ENTITY a \"AAA\">\n<html><body><p>Hi &a; there.</p></body></html>", "Hi &a; there."),
        ]
        for (page, expected) in pages {
            let doc = try HTMLTestSupport.document(page)
            XCTAssertEqual(HTMLTestSupport.texts(doc), [expected], page)
            let text = String(decoding: doc.text, as: UTF8.self)
            for leak in ["ENTITY", "AAA", "BBB", "]>", "passwd", "first"] {
                XCTAssertFalse(text.contains(leak), "\(leak) in \(text)")
            }
        }
        // Lines below the subset do not move.
        let doc = try HTMLTestSupport.document("<!DOCTYPE html [\n<!ENTITY a \"x\">\n]>\n<html><body>\n<p>Line five.</p></body></html>")
        XCTAssertEqual(doc.blocks.first?.sourceLine, 5)
    }

    func testDoctypeBlankingTable() {
        let cases: [(String, String)] = [
            ("<!DOCTYPE html><p>x</p>", "<!DOCTYPE html><p>x</p>"),
            ("<!DOCTYPE html [<!ENTITY a \"1\">]><p>x</p>", "<!DOCTYPE html " + String(repeating: " ", count: 17) + "><p>x</p>"),
            ("<!DOCTYPE html [\n]>", "<!DOCTYPE html  \n >"),
            ("<p>[not a doctype]></p>", "<p>[not a doctype]></p>"),
            ("<p>x</p><!DOCTYPE html [<!ENTITY a \"1\">]>", "<p>x</p><!DOCTYPE html [<!ENTITY a \"1\">]>"),
            ("<!DOCTYPE html SYSTEM \"a[b\"><p>[x]</p>", "<!DOCTYPE html SYSTEM \"a[b\"><p>[x]</p>"),
        ]
        for (page, expected) in cases {
            var bytes = Array(page.utf8)
            HTMLDoctype.blankInternalSubset(&bytes)
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), expected, page)
        }
    }

    /// libxml2 stops at a text run over 10 MB: the page is refused with the line, never
    /// cut short in silence.
    func testPageTheParserGivesUpOnIsRefused() {
        let html = "<html><body>\n<p>" + String(repeating: "word ", count: 2_100_000) + "</p><p>After.</p></body></html>"
        XCTAssertThrowsError(try HTMLTestSupport.document(html)) { error in
            let e = error as? IngestError
            XCTAssertEqual(e?.kind, .html)
            XCTAssertEqual(e?.description, "test.html: line 2: a text run longer than 10000000 bytes; page skipped")
        }
    }

    func testHugeFlatPage() throws {
        let para = "<p>China and Russia signed agreements on energy, trade, and media, the statement said.</p>\n"
        let html = HTMLTestSupport.page("<article><h1>Big</h1>" + String(repeating: para, count: 60_000) + "</article>")
        let doc = try HTMLTestSupport.document(html)
        XCTAssertEqual(doc.blocks.count, 60_001)
        XCTAssertEqual(doc.blocks.last?.xpath, "/html/body/article/p[60000]")
    }
}
