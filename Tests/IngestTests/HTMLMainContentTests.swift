import XCTest
@testable import Ingest

/// The article and nothing else, on pages built to test one signal each: what stays and
/// what goes. Class and id names here are neutral or in other languages on purpose, so the
/// decisions rest on text density, link density, paragraph shape and position; the one
/// exception is the comment thread, which is told by its generic markup ("comments").
final class HTMLMainContentTests: XCTestCase {
    private struct Case {
        var name: String
        var html: String
        var stays: [String]
        var goes: [String]
        /// In the text, but not in the body (`Document.bodyText`): the front matter.
        var front: [String] = []
    }

    private static func paragraph(_ topic: String, _ n: Int = 1) -> String {
        String(repeating: "The report on \(topic) finds, in its second chapter, that costs rose, wages lagged, and households cut back. ", count: n)
    }

    private static let cases: [Case] = [
        Case(
            name: "a long comment thread after a short article",
            html: HTMLTestSupport.page("""
                <div class="k1"><h1>Water prices rise again</h1>
                <p>\(paragraph("water"))</p><p>Utilities blame, in a joint statement, the cost of energy and repairs.</p></div>
                <div id="respond" class="comments-area"><h3>27 replies</h3><ol>
                \((1...12).map { "<li><div><b>user\($0)</b> <span>2 hours ago</span><p>Reply \($0): I pay far more than last year, and nobody explains why, which is, frankly, a scandal for a basic service.</p><a href=\"?reply=\($0)\">Reply</a> <a href=\"?like=\($0)\">Like</a></div></li>" }.joined())
                </ol></div>
                """),
            stays: ["The report on water finds", "Utilities blame"],
            goes: ["Reply 3:", "user1", "27 replies"]),
        Case(
            name: "navigation with more words than the article",
            html: HTMLTestSupport.page("""
                <div class="m"><ul>\((1...80).map { "<li><a href=\"/s\($0)\">Section number \($0) of the site</a></li>" }.joined())</ul></div>
                <div class="c"><h1>Rail strike ends</h1><p>\(paragraph("rail", 2))</p><p>\(paragraph("trains"))</p></div>
                <div class="f"><a href="/a">About</a> <a href="/b">Contact</a> <a href="/c">Jobs</a></div>
                """),
            stays: ["Rail strike ends", "The report on rail finds", "The report on trains finds"],
            goes: ["Section number", "About", "Jobs"]),
        Case(
            name: "an article split in several divs",
            html: HTMLTestSupport.page("""
                <div class="wrap"><h1>Harbour expansion approved</h1>
                <div class="part"><p>\(paragraph("ports"))</p><p>\(paragraph("ships"))</p></div>
                <div class="part wide"><p>\(paragraph("cranes", 2))</p></div>
                <div class="part"><h2>What comes next</h2><p>\(paragraph("dredging"))</p><p>\(paragraph("jobs"))</p></div>
                </div>
                <div class="side"><p><a href="/x">Most read: a story about something else entirely</a></p>
                <p><a href="/y">Most read: another story about something else</a></p></div>
                """),
            stays: ["Harbour expansion approved", "The report on ports", "The report on cranes", "What comes next", "The report on jobs"],
            goes: ["Most read"]),
        Case(
            name: "a page with no article element",
            html: HTMLTestSupport.page("""
                <div id="a"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></div>
                <div id="b"><div id="c"><h1>New library opens</h1><div>\(paragraph("books"))<br><br>\(paragraph("reading"))</div></div>
                <div id="d"><p>Copyright 2024 The Town Paper. All rights reserved.</p></div></div>
                """),
            stays: ["New library opens", "The report on books", "The report on reading"],
            goes: ["Home", "Copyright 2024"]),
        Case(
            name: "a table inside an article",
            html: HTMLTestSupport.page("""
                <article><h1>Election results</h1><p>\(paragraph("turnout"))</p>
                <table><tr><th>Party</th><th>Votes</th><th>Seats</th></tr>
                <tr><td>Greens</td><td>12,400</td><td>3</td></tr><tr><td>Liberals</td><td>9,100</td><td>2</td></tr></table>
                <p>\(paragraph("coalitions"))</p></article>
                <div><ul><li><a href="/1">Older results from another year</a></li><li><a href="/2">Results archive and more</a></li></ul></div>
                """),
            stays: ["Election results", "Greens", "12,400", "The report on coalitions"],
            goes: ["Older results", "Results archive"]),
        Case(
            name: "a non-English page",
            html: HTMLTestSupport.page("""
                <div class="menu-principal"><a href="/">Inicio</a> <a href="/economia">Economía</a> <a href="/deportes">Deportes</a> <a href="/cultura">Cultura</a></div>
                <div class="nota"><h1>El Banco Central mantiene los tipos de interés</h1>
                <p>La institución decidió este jueves, por unanimidad, mantener el tipo de referencia en el 4,5 %, a la espera de nuevos datos sobre la inflación subyacente.</p>
                <p>Los analistas consultados, en su mayoría, esperan un primer recorte en primavera, aunque advierten de que la evolución de los salarios puede retrasarlo.</p></div>
                <div class="relacionadas"><p><a href="/n1">Las hipotecas suben por tercer mes consecutivo</a></p><p><a href="/n2">El paro baja en diez comunidades</a></p></div>
                """),
            stays: ["El Banco Central mantiene", "La institución decidió", "Los analistas consultados"],
            goes: ["Inicio", "Las hipotecas suben", "El paro baja"]),
        Case(
            name: "a one-paragraph post above a longer list of teaser articles",
            html: HTMLTestSupport.page("""
                <article class="k"><h1>Tomorrow is another day</h1><p>\(paragraph("hope", 2))</p></article>
                <article class="k"><h3>You may also like</h3>
                \((1...5).map { "<article class=\"k\"><h2><a href=\"/p\($0)\">Post \($0)</a></h2><p>Teaser \($0): \(paragraph("other things", 2))</p></article>" }.joined())
                </article>
                """),
            stays: ["Tomorrow is another day", "The report on hope"],
            goes: ["You may also like", "Teaser 1", "Teaser 5"]),
        Case(
            name: "a labelled link and a labelled list of other stories inside the article",
            html: HTMLTestSupport.page("""
                <div class="k"><h1>Hafen wächst weiter</h1><p>\(paragraph("Hafen", 3))</p>
                <p><strong>Lesen Sie auch: <a href="/x">Der Hafen von gestern: wie die Stadt ihre Kais vor hundert Jahren baute</a></strong></p>
                <p>\(paragraph("Schiffe", 3))</p>
                <p><b>Mehr zum Thema</b></p><ul><li><a href="/1">Ein Kran stürzt um, keiner verletzt</a></li>
                <li><a href="/2">Die Fähre fährt wieder nach Plan</a></li><li><a href="/3">Neue Zölle für Container ab Mai</a></li></ul></div>
                """),
            stays: ["Hafen wächst weiter", "The report on Hafen", "The report on Schiffe"],
            goes: ["Lesen Sie auch", "Der Hafen von gestern", "Mehr zum Thema", "Ein Kran", "Die Fähre"]),
        Case(
            name: "a picture in a div with its caption and credit, a date line without date markup",
            html: HTMLTestSupport.page("""
                <div class="k"><h1>Flut in der Altstadt</h1><p>Gepostet: Mo 18:45, 16. Feb. 2018</p>
                <p>\(paragraph("Flut", 3))</p>
                <div class="m"><img src="a.jpg"><p>Die Altstadt am Sonntagmorgen</p><span>Foto: Max Bauer</span></div>
                <p>\(paragraph("Pegel", 2))</p></div>
                """),
            stays: ["Flut in der Altstadt", "Gepostet: Mo", "The report on Flut", "The report on Pegel"],
            goes: ["Die Altstadt am Sonntagmorgen", "Foto: Max Bauer"],
            front: ["Flut in der Altstadt", "Gepostet: Mo"]),
        Case(
            name: "an article in two parts wrapped deeper than scores reach, an aside between",
            html: HTMLTestSupport.page("""
                <div class="w"><section class="s1"><div><div><div><div><div class="c">
                <p>\(paragraph("part one"))</p><p>\(paragraph("part one, again"))</p><p>\(paragraph("part one, more"))</p>
                </div></div></div></div></div></section>
                <aside><p>Share this article</p></aside>
                <section class="s2"><div><div><div><div><div class="c">
                \((1...5).map { "<p>\(paragraph("part two, \($0)"))</p>" }.joined())
                </div></div></div></div></div></section>
                <div class="f"><a href="/1">Contact</a> <a href="/2">Imprint</a></div></div>
                """),
            stays: ["The report on part one finds", "The report on part one, more", "The report on part two, 1", "The report on part two, 5"],
            goes: ["Share this article", "Contact", "Imprint"]),
        Case(
            name: "tag links (rel=tag) and the labels above a comment section",
            html: HTMLTestSupport.page("""
                <div class="k"><h1>Neuer Radweg am Fluss</h1><p>\(paragraph("Radweg", 3))</p><p>\(paragraph("Ufer", 2))</p>
                <p>Schlagworte: <a rel="tag" href="/t/rad">Radverkehr</a>, <a rel="tag" href="/t/fluss">Flussufer</a>, <a rel="tag" href="/t/stadt">Stadtplanung</a></p>
                <h3>Ihre Meinung</h3><p>12 Kommentare</p>
                <div class="comments">\((1...3).map { "<p>Leser \($0): Endlich, das hat viel zu lange gedauert, finde ich, aber gut.</p>" }.joined())</div></div>
                """),
            stays: ["Neuer Radweg am Fluss", "The report on Radweg", "The report on Ufer"],
            goes: ["Schlagworte", "Radverkehr", "Ihre Meinung", "12 Kommentare", "Leser 1"]),
        Case(
            name: "headline, byline and date line that the markup repeats",
            html: HTMLTestSupport.page("""
                <article><p class="x1">Verkehr</p><h1>Neue Brücke über den Rhein eröffnet</h1>
                <p class="x2">Von Anna Berger und Jonas Keller</p><p class="x3">Montag, 4. März 2024, 10:30 Uhr</p>
                <p>Nach vier Jahren Bauzeit ist die neue Brücke am Montag, wie geplant, für den Verkehr freigegeben worden.</p>
                <h2>2024 im Überblick</h2>
                <p>Die Stadt rechnet, nach eigenen Angaben, mit täglich 40.000 Fahrzeugen, von Anna Berger gezählt im Jahr 2024.</p></article>
                """, head: """
                <meta property="og:title" content="Neue Brücke über den Rhein eröffnet | Rheinpost">
                <meta name="author" content="Anna Berger, Jonas Keller">
                <meta property="article:published_time" content="2024-03-04T10:30:00+01:00">
                """),
            stays: ["Verkehr", "Neue Brücke über den Rhein", "Von Anna Berger", "Montag, 4. März 2024", "Nach vier Jahren", "2024 im Überblick", "Die Stadt rechnet"],
            goes: [],
            front: ["Neue Brücke über den Rhein", "Von Anna Berger und", "Montag, 4. März 2024"]),
        Case(
            name: "a standfirst and a byline without author markup",
            html: HTMLTestSupport.page("""
                <div class="a"><h1>Le musée rouvre ses portes</h1>
                <p class="b">Après deux ans de travaux, les collections reviennent dans des salles entièrement rénovées.</p>
                <div class="c">Par Claire Martin</div>
                <p>Le musée a rouvert samedi, comme prévu, avec une exposition consacrée aux peintres de la région et à leurs ateliers.</p>
                <p>Les visiteurs, nombreux dès l'ouverture, ont salué, selon la direction, la lumière des nouvelles salles.</p></div>
                """, head: """
                <meta property="og:title" content="Le musée rouvre ses portes">
                <meta name="description" content="Après deux ans de travaux, les collections reviennent dans des salles entièrement rénovées.">
                """),
            stays: ["Le musée rouvre", "Après deux ans", "Par Claire Martin", "Le musée a rouvert", "Les visiteurs"],
            goes: [],
            front: ["Le musée rouvre ses portes", "Après deux ans", "Par Claire Martin"]),
        Case(
            name: "a description that is the first paragraph, no byline after it",
            html: HTMLTestSupport.page("""
                <div class="a"><h1>Le musée rouvre ses portes</h1>
                <p>Après deux ans de travaux, les collections reviennent dans des salles entièrement rénovées.</p>
                <p>Le musée a rouvert samedi, comme prévu, avec une exposition consacrée aux peintres de la région et à leurs ateliers.</p></div>
                """, head: """
                <meta name="description" content="Après deux ans de travaux, les collections reviennent dans des salles entièrement rénovées.">
                """),
            stays: ["Le musée rouvre", "Après deux ans", "Le musée a rouvert"],
            goes: [],
            front: ["Le musée rouvre ses portes"]),
    ]

    func testEachSignal() throws {
        for c in Self.cases {
            let doc = try HTMLTestSupport.document(c.html)
            let text = String(decoding: doc.text, as: UTF8.self)
            for s in c.stays { XCTAssertTrue(text.contains(s), "\(c.name): lost \"\(s)\" in:\n\(text)") }
            for g in c.goes { XCTAssertFalse(text.contains(g), "\(c.name): kept \"\(g)\" in:\n\(text)") }
            let body = String(decoding: doc.bodyText, as: UTF8.self)
            for f in c.front { XCTAssertFalse(body.contains(f), "\(c.name): front matter \"\(f)\" in the body:\n\(body)") }
            let frontBlocks = doc.frontMatter.map { doc.string(doc.blocks[$0].range) }
            for s in c.stays where !frontBlocks.contains(where: { $0.contains(s) }) {
                XCTAssertTrue(body.contains(s), "\(c.name): lost \"\(s)\" from the body:\n\(body)")
            }
        }
    }

    /// The German and French pages of `Pages/`, in the style of real news sites and blogs:
    /// each scored against the article a person would cut out, with the benchmark's
    /// measure (4-word shingles). The figures are in `docs/html-extraction.md`.
    func testGermanAndFrenchPages() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Pages")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasSuffix(".html") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 5)
        for name in names {
            let doc = try Ingest.read(path: dir.appendingPathComponent(name).path)
            let expected = try String(contentsOf: dir.appendingPathComponent(name.replacingOccurrences(of: ".html", with: ".expected.txt")), encoding: .utf8)
            let (p, r) = ShingleScore.precisionRecall(expected: expected, got: String(decoding: doc.text, as: UTF8.self))
            XCTAssertGreaterThanOrEqual(p, 0.9, "\(name): precision \(p)")
            XCTAssertGreaterThanOrEqual(r, 0.9, "\(name): recall \(r)")
            let (bp, br) = ShingleScore.precisionRecall(expected: expected, got: String(decoding: doc.bodyText, as: UTF8.self))
            XCTAssertGreaterThanOrEqual(bp, p, "\(name): body precision \(bp)")
            XCTAssertGreaterThanOrEqual(br, 0.9, "\(name): body recall \(br)")
            print(String(format: "%@: text P %.3f R %.3f, body P %.3f R %.3f", name, p, r, bp, br))
        }
    }
}

/// The article-extraction benchmark's measure: counts of shared 4-word shingles, words
/// being runs of letters, digits and underscores.
enum ShingleScore {
    static func words(_ s: String) -> [String] {
        var out = [String]()
        var w = ""
        for u in s.unicodeScalars {
            if u.properties.isAlphabetic || u.properties.numericType != nil || u == "_" || u.properties.generalCategory == .nonspacingMark {
                w.unicodeScalars.append(u)
            } else if !w.isEmpty {
                out.append(w)
                w = ""
            }
        }
        if !w.isEmpty { out.append(w) }
        return out
    }

    static func shingles(_ s: String) -> [String: Int] {
        let w = words(s)
        var out = [String: Int]()
        for i in 0..<max(1, w.count - 3) where i < w.count {
            out[w[i..<min(w.count, i + 4)].joined(separator: " "), default: 0] += 1
        }
        return out
    }

    static func precisionRecall(expected: String, got: String) -> (Double, Double) {
        let t = shingles(expected), p = shingles(got)
        var tp = 0, fp = 0, fn = 0
        for k in Set(t.keys).union(p.keys) {
            let a = t[k] ?? 0, b = p[k] ?? 0
            tp += min(a, b)
            fp += max(0, b - a)
            fn += max(0, a - b)
        }
        return (tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp), tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn))
    }
}
