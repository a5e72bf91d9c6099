import XCTest
@testable import Ingest

/// The HTML editions of the sample briefs: the article comes through, the site does not.
final class HTMLSampleTests: XCTestCase {
    private func sample(_ name: String) throws -> Document {
        try Ingest.read(path: HTMLTestSupport.samplesDirectory.appendingPathComponent(name + ".html").path)
    }

    /// Words of the sites' cookie banners, menus, share bars, sidebars and footers.
    private static let chrome = [
        "cookie", "Cookie", "Accept all", "Subscribe", "Newsletter", "Related", "Share on", "Skip to content",
        "Privacy", "©", "All rights reserved", "Search", "Publications", "Home", "Start", "Latest from",
        "Tags", "Comments", "Bulletin No", "24.03.2023", "Stay informed", "About us", "↩", "X / Twitter",
    ]

    func testNoChromeLeaks() throws {
        for name in HTMLTestSupport.sampleNames {
            let text = String(decoding: try sample(name).text, as: UTF8.self)
            for word in Self.chrome {
                XCTAssertFalse(text.contains(word), "\(name): \"\(word)\" leaked")
            }
        }
    }

    /// (sample, title, authors, date, first block, last block, footnotes)
    private static let expected: [(String, String, [String], String, String, String, Int)] = [
        ("pism-2023-china-russia-partners", "China-Russia: Strategic Partners Strengthening Cooperation",
         ["Agnieszka Legucka", "Marcin Przychodniak"], "2023-03-24T09:00:00+01:00",
         "China-Russia: Strategic Partners Strengthening Cooperation",
         "It is crucial to tighten economic cooperation between the EU and the U.S. with partners in, for example, Southeast Asia or Africa.", 0),
        ("pism-2024-putin-visit-china", "Putin's Visit to China —Strengthening Strategic Cooperation",
         ["Anna Maria Dyer", "Marcin Przychodniak"], "2024-05-22T10:30:00+02:00",
         "Putin's Visit to China —Strengthening Strategic Cooperation",
         "which implies the need to strengthen EU derisking and intensify sanctions on Chinese companies for supporting Russia.", 0),
        ("sceeus-2024-putin-in-beijing", "Putin in Beijing, May 16-17 2024",
         ["Hugo von Essen", "Patrik Andersson"], "2024-05-21",
         "NKK/SCEEUS Commentary",
         "Any views expressed in this publication are those of the author.", 2),
    ]

    func testArticleAndMetadata() throws {
        for (name, title, authors, date, first, last, notes) in Self.expected {
            let doc = try sample(name)
            XCTAssertEqual(doc.title, title, name)
            XCTAssertEqual(doc.authors, authors, name)
            XCTAssertEqual(doc.date, date, name)
            let texts = HTMLTestSupport.texts(doc)
            XCTAssertEqual(texts.first, first, name)
            XCTAssertTrue(texts.last?.hasSuffix(last) == true, "\(name): \(texts.last ?? "-")")
            XCTAssertEqual(doc.blocks.filter { $0.kind == .footnote }.count, notes, name)
            XCTAssertTrue(doc.blocks.allSatisfy { $0.sourceLine > 0 && $0.xpath?.hasPrefix("/html/body/") == true }, name)
        }
    }

    func testSCEEUSFootnotesAndMarkers() throws {
        let doc = try sample("sceeus-2024-putin-in-beijing")
        let notes = doc.blocks.filter { $0.kind == .footnote }.map { doc.string($0.range) }
        XCTAssertEqual(notes, [
            "1 Document list in Russian on the Kremlin's official website.",
            "2 Statement in Russian on the Kremlin's official website. Statement in Chinese on the Chinese Foreign Ministry's official website.",
        ])
        let text = String(decoding: doc.text, as: UTF8.self)
        XCTAssertTrue(text.contains("a list of 10 jointly signed agreements,¹ as well as a joint statement² (below: the Joint Statement)"))
        XCTAssertEqual(doc.blocks.filter { $0.kind == .listItem }.count, 10)
        XCTAssertEqual(doc.blocks.filter { $0.kind == .quote }.count, 1)
    }

    /// Ingest time of the samples and of a 5 MB page (printed for the report; the bound only
    /// catches a walk gone quadratic).
    func testSpeed() throws {
        var start = Date()
        var bytes = 0
        for _ in 0..<20 {
            for name in HTMLTestSupport.sampleNames { bytes += try sample(name).source.count }
        }
        let samples = Date().timeIntervalSince(start)
        print(String(format: "HTML samples: %d bytes in %.1f ms (%.1f MB/s)", bytes, samples * 1000, Double(bytes) / samples / 1e6))

        let page = try String(contentsOf: HTMLTestSupport.samplesDirectory.appendingPathComponent("sceeus-2024-putin-in-beijing.html"), encoding: .utf8)
        let article = page[page.range(of: "<div class=\"entry-content\">")!.upperBound..<page.range(of: "<section class=\"footnotes\"")!.lowerBound]
        var big = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Big | UI</title></head><body><nav><a href=/>Home</a></nav><main><article>"
        while big.utf8.count < 5_000_000 { big += "<section>" + article + "<aside class=\"related\"><a href=x>More</a></aside></section>\n" }
        big += "</article></main></body></html>"
        let source = Array(big.utf8)
        start = Date()
        let doc = try Ingest.document(source: source, path: "big.html", mediaType: .html)
        let elapsed = Date().timeIntervalSince(start)
        print(String(format: "HTML 5 MB page: %d bytes, %d blocks in %.1f ms (%.1f MB/s)", source.count, doc.blocks.count, elapsed * 1000, Double(source.count) / elapsed / 1e6))
        XCTAssertGreaterThan(doc.blocks.count, 5_000)
        XCTAssertLessThan(elapsed, 30)
    }
}
