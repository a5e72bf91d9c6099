import XCTest
@testable import Ingest

/// Title, authors and date from the marks a page carries.
final class HTMLMetadataTests: XCTestCase {
    private func doc(head: String, body: String = "<article><p>Text of the piece.</p></article>") throws -> Document {
        try HTMLTestSupport.document("<html><head>\(head)</head><body>\(body)</body></html>")
    }

    /// (head, body, title)
    private static let titles: [(String, String, String?)] = [
        ("<meta property=\"og:title\" content=\"From OG\"><title>From title | PISM</title>", "<h1>From h1</h1>", "From OG"),
        ("<title>Putin in Beijing | PISM</title>", "<h1>From h1</h1>", "Putin in Beijing"),
        ("<title>China-Russia: Partners – The Polish Institute</title>", "", "China-Russia: Partners"),
        ("<title>Putin in Beijing, May 16-17 2024 - UI</title>", "", "Putin in Beijing, May 16-17 2024"),
        ("<title>A - B</title>", "", "A - B"),
        ("<title>  Spaced \n title  </title>", "", "Spaced title"),
        ("", "<article><h1>Only <em>the</em> h1</h1><p>x</p></article>", "Only the h1"),
        ("", "<article><p>Nothing marked.</p></article>", nil),
    ]

    func testTitles() throws {
        for (head, body, title) in Self.titles {
            XCTAssertEqual(try doc(head: head, body: body).title, title, head + body)
        }
    }

    /// (head, body, authors)
    private static let authors: [(String, String, [String])] = [
        ("<meta name=\"author\" content=\"Agnieszka Legucka\"><meta name=\"author\" content=\"Marcin Przychodniak\">", "", ["Agnieszka Legucka", "Marcin Przychodniak"]),
        ("<meta name=\"author\" content=\"Hugo von Essen &amp; Patrik Andersson\">", "", ["Hugo von Essen", "Patrik Andersson"]),
        ("", "<article><p>By <a rel=\"author\" href=\"/a\">Anna Maria Dyer</a> and <a rel=\"author\" href=\"/b\">Marcin Przychodniak</a></p></article>",
         ["Anna Maria Dyer", "Marcin Przychodniak"]),
        ("", "<article><p class=\"byline\">By Ann One and Bob Two</p><p>Text.</p></article>", ["Ann One", "Bob Two"]),
        ("", "<article><span class=\"author\">Cy Three</span><p>Text.</p></article>", ["Cy Three"]),
        ("", "<article><p>No byline.</p></article>", []),
        ("", "<div class=\"sidebar\"><span class=\"author\">Not Me</span></div><article><p>Text.</p></article>", []),
    ]

    func testAuthors() throws {
        for (head, body, names) in Self.authors {
            XCTAssertEqual(try doc(head: head, body: body).authors, names, head + body)
        }
    }

    /// (head, body, date)
    private static let dates: [(String, String, String?)] = [
        ("<meta property=\"article:published_time\" content=\"2024-05-22T10:30:00+02:00\">",
         "<article><time datetime=\"2020-01-01\">old</time></article>", "2024-05-22T10:30:00+02:00"),
        ("<meta name=\"citation_publication_date\" content=\"2023/03/24\">", "", "2023/03/24"),
        ("", "<article><p><time datetime=\"2024-05-21\">21 May</time></p></article>", "2024-05-21"),
        ("", "<article><p>Undated.</p></article>", nil),
    ]

    func testDates() throws {
        for (head, body, date) in Self.dates {
            XCTAssertEqual(try doc(head: head, body: body).date, date, head + body)
        }
    }
}
