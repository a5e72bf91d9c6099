import XCTest
@testable import Ingest

/// Page chrome stays out of the text, article content stays in: one case a row.
final class HTMLBoilerplateTests: XCTestCase {
    private static let body = "<h1>Headline</h1><p>The article says one plain thing about trade and energy.</p>"

    private func text(_ extra: String, before: String = "", after: String = "") throws -> String {
        let html = HTMLTestSupport.page(before + "<main><article>" + Self.body + extra + "</article></main>" + after)
        let doc = try HTMLTestSupport.document(html)
        XCTAssertTrue(HTMLTestSupport.texts(doc).contains("The article says one plain thing about trade and energy."),
                      "article lost for \(extra)")
        return String(decoding: doc.text, as: UTF8.self)
    }

    /// (what, markup inside the article, string that must not appear)
    private static let chromeInside: [(String, String, String)] = [
        ("script", "<script>var leakScript = 1;</script>", "leakScript"),
        ("style", "<style>.leakStyle { color: red }</style>", "leakStyle"),
        ("noscript", "<noscript>Enable JavaScript leakNoscript</noscript>", "leakNoscript"),
        ("template", "<template><p>leakTemplate</p></template>", "leakTemplate"),
        ("nav", "<nav><a href=/>leakNav</a></nav>", "leakNav"),
        ("aside", "<aside><p>leakAside pull quote</p></aside>", "leakAside"),
        ("form", "<form><label>leakForm e-mail</label><input></form>", "leakForm"),
        ("iframe", "<iframe src=x>leakIframe</iframe>", "leakIframe"),
        ("svg", "<svg><text>leakSvg</text></svg>", "leakSvg"),
        ("button", "<button>leakButton</button>", "leakButton"),
        ("cookie id", "<div id=\"cookie-notice\"><p>leakCookie We use cookies.</p></div>", "leakCookie"),
        ("consent class", "<div class=\"consent-manager\"><p>leakConsent</p></div>", "leakConsent"),
        ("gdpr", "<section class=\"gdpr\"><p>leakGdpr</p></section>", "leakGdpr"),
        ("share bar", "<div class=\"share-buttons\"><a>leakShare Twitter</a></div>", "leakShare"),
        ("social", "<ul class=\"social_links\"><li>leakSocial</li></ul>", "leakSocial"),
        ("related list", "<section class=\"related-articles\"><h2>leakRelated</h2><ul><li><a>Other brief</a></li></ul></section>", "leakRelated"),
        ("breadcrumb", "<ol class=\"breadcrumb\"><li>leakCrumb</li></ol>", "leakCrumb"),
        ("newsletter", "<div class=\"newsletter-box\"><p>leakNewsletter Subscribe now</p></div>", "leakNewsletter"),
        ("promo", "<div class=\"promo\"><p>leakPromo</p></div>", "leakPromo"),
        ("advert", "<div class=\"advert\"><p>leakAdvert</p></div>", "leakAdvert"),
        ("ad slot", "<div id=\"ad-slot-2\"><p>leakAd</p></div>", "leakAd"),
        ("sidebar", "<div class=\"sidebar\"><p>leakSidebar</p></div>", "leakSidebar"),
        ("comments", "<div id=\"comments\"><p>leakComments</p></div>", "leakComments"),
        ("menu", "<ul class=\"menu\"><li>leakMenu</li></ul>", "leakMenu"),
        ("nav class", "<div class=\"nav\"><a>leakNavClass</a></div>", "leakNavClass"),
        ("footer class", "<div class=\"site-footer\"><p>leakFooterClass</p></div>", "leakFooterClass"),
        ("hidden attribute", "<p hidden>leakHidden</p>", "leakHidden"),
        ("aria-hidden", "<div aria-hidden=\"true\"><p>leakAria</p></div>", "leakAria"),
        ("display none", "<div style=\"color: red; display : none\"><p>leakDisplay</p></div>", "leakDisplay"),
        ("visibility hidden", "<p style=\"visibility:hidden\">leakVisibility</p>", "leakVisibility"),
        ("role navigation", "<div role=\"navigation\"><a>leakRoleNav</a></div>", "leakRoleNav"),
        ("role complementary", "<div role=\"complementary\"><p>leakRoleAside</p></div>", "leakRoleAside"),
        ("article footer", "<footer><p>Tags: leakTags</p><a href=\"/share\">leakShareLink</a></footer>", "leak"),
        ("section footer", "<section><p>Section text.</p><footer>leakSectionFooter</footer></section>", "leakSectionFooter"),
        ("footnote backlink", "<ol class=\"footnotes\"><li id=\"fn1\">Note. <a href=\"#fnref1\">leakBack</a></li></ol>", "leakBack"),
    ]

    func testChromeInsideTheArticleIsDropped() throws {
        for (what, markup, leak) in Self.chromeInside {
            let t = try text(markup)
            XCTAssertFalse(t.contains(leak), "\(what) leaked: \(t)")
        }
    }

    /// Page-level chrome around the article.
    func testPageChromeAroundTheArticleIsDropped() throws {
        let t = try text("", before: """
            <div id="cookie-banner"><p>We use cookies leakBanner.</p><button>Accept</button></div>
            <header><a href="/">leakLogo</a><nav><a>leakTopNav</a></nav></header>
            <div class="breadcrumbs"><a>leakHome</a></div>
            """, after: """
            <aside><h2>leakSideRelated</h2></aside>
            <footer><p>leakCopyright 2024</p></footer>
            """)
        for leak in ["leakBanner", "leakLogo", "leakTopNav", "leakHome", "leakSideRelated", "leakCopyright"] {
            XCTAssertFalse(t.contains(leak), "\(leak) leaked: \(t)")
        }
    }

    /// (what, markup inside the article, text that must come through as its own block, kind)
    private static let contentInside: [(String, String, String, Block.Kind)] = [
        ("paragraph", "<p>A second paragraph.</p>", "A second paragraph.", .paragraph),
        ("list item", "<ul><li>First point.</li><li>Second point.</li></ul>", "Second point.", .listItem),
        ("blockquote", "<blockquote>Quoted words here.</blockquote>", "Quoted words here.", .quote),
        ("paragraph in blockquote", "<blockquote><p>Quoted paragraph.</p></blockquote>", "Quoted paragraph.", .quote),
        ("table cell", "<table><tr><th>Year</th><td>2024 figure.</td></tr></table>", "2024 figure.", .tableCell),
        ("definition", "<dl><dt>Term</dt><dd>Its meaning.</dd></dl>", "Its meaning.", .paragraph),
        ("figcaption", "<figure><img src=x alt=\"alt text\"><figcaption>Chart of trade.</figcaption></figure>", "Chart of trade.", .caption),
        ("pre", "<pre>line one\n   line two</pre>", "line one line two", .paragraph),
        ("heading", "<h2>Section two</h2>", "Section two", .heading),
        ("inline markup", "<p>One <em>em</em>, <strong>strong</strong>, <a href=x>link</a> and <span>span</span> sentence.</p>",
         "One em, strong, link and span sentence.", .paragraph),
        ("article header", "<header class=\"article-header\"><p class=\"byline\">By Ann Author</p></header>", "By Ann Author", .paragraph),
        ("quote credit footer", "<blockquote><p>Quoted line.</p><footer>Ann Author, 2024</footer></blockquote>", "Ann Author, 2024", .quote),
        ("figure credit footer", "<figure><img src=x><footer>Photo credit line.</footer></figure>", "Photo credit line.", .paragraph),
        ("footnotes in an article footer", "<footer><ol class=\"footnotes\"><li>Footer note.</li></ol></footer>", "1 Footer note.", .footnote),
        ("footnotes aside", "<aside class=\"footnotes\"><ol><li>Source of the figure.</li></ol></aside>", "1 Source of the figure.", .footnote),
        ("loose text in a div", "<div>Loose text in a div.</div>", "Loose text in a div.", .paragraph),
        ("unknown element", "<p>Custom <x-term>element</x-term> text.</p>", "Custom element text.", .paragraph),
    ]

    func testContentStays() throws {
        for (what, markup, expected, kind) in Self.contentInside {
            let doc = try HTMLTestSupport.document(HTMLTestSupport.page("<article>" + Self.body + markup + "</article>"))
            let block = doc.blocks.first { doc.string($0.range) == expected }
            XCTAssertNotNil(block, "\(what): \(HTMLTestSupport.texts(doc))")
            XCTAssertEqual(block?.kind, kind, what)
        }
    }

    func testArticleIsPreferredOverSurroundingText() throws {
        let html = HTMLTestSupport.page("""
            <div class="teaser"><p>Unrelated teaser text about another publication entirely.</p></div>
            <article><h1>T</h1><p>The real article paragraph, with commas, clauses, and enough words to count.</p>
            <p>A second paragraph of the real article follows here.</p></article>
            """)
        let texts = HTMLTestSupport.texts(try HTMLTestSupport.document(html))
        XCTAssertEqual(texts.first, "T")
        XCTAssertFalse(texts.contains { $0.contains("teaser") })
    }

    func testMainIsKeptWhenArticlesAreOnlyCards() throws {
        let long = String(repeating: "The main text goes on, clause after clause, about policy. ", count: 6)
        let html = HTMLTestSupport.page("""
            <main><h1>Main page</h1><p>\(long)</p><p>\(long)</p>
            <article class="card"><p>Card text short.</p></article></main>
            """)
        let texts = HTMLTestSupport.texts(try HTMLTestSupport.document(html))
        XCTAssertEqual(texts.first, "Main page")
        XCTAssertEqual(texts.count, 4)
    }

    /// Without `article`/`main`, the densest paragraph container wins over link lists.
    func testReadabilityPicksTheDenseContainer() throws {
        let para = "China and Russia deepened cooperation, according to the statement, in trade, energy, and security. "
        let html = HTMLTestSupport.page("""
            <div id="top"><p><a href=1>Link one is here</a> <a href=2>Link two is here</a> <a href=3>Link three here</a></p></div>
            <div id="story"><h1>Headline</h1><p>\(para)</p><p>\(para)\(para)</p><p>\(para)</p></div>
            <div id="bottom"><p>Short footer line with words.</p></div>
            """)
        let doc = try HTMLTestSupport.document(html)
        let texts = HTMLTestSupport.texts(doc)
        XCTAssertEqual(texts.first, "Headline")
        XCTAssertEqual(texts.count, 4, "\(texts)")
        XCTAssertTrue(doc.blocks[1].xpath?.hasPrefix("/html/body/div[2]/p[1]") == true, doc.blocks[1].xpath ?? "-")
    }
}
