import Foundation
import CLibXML2

/// Gathers title, authors and date candidates while the page is scanned, then picks one of
/// each in a fixed order of trust: Open Graph / article meta tags, then schema.org JSON-LD
/// (`headline`, `author`, `datePublished`), then `<title>`, `rel=author` and
/// `<time datetime>`, then bylines and the first `h1`.
struct HTMLMetadataCollector {
    private var ogTitle: String?
    /// `twitter:title`, and the page's descriptions: only for `HTMLFrontMatter`.
    private var otherTitles: [String] = []
    private var descriptions: [String] = []
    private var ldTitle: String?
    private var ldAuthors: [String] = []
    private var ldDate: String?
    private var titleTag: String?
    private var firstH1: String?
    private var metaAuthors: [String] = []
    private var relAuthors: [String] = []
    private var bylineAuthors: [String] = []
    private var publishedTime: String?
    private var metaDate: String?
    private var timeDate: String?

    private static let dateNames: Set<String> = [
        "date", "dc.date", "dc.date.issued", "dcterms.date", "citation_publication_date",
        "pubdate", "publish-date", "publishdate", "article.published", "datepublished",
    ]

    mutating func readMeta(_ node: xmlNodePtr) {
        let key = (HTMLNode.attribute(node, "property") ?? HTMLNode.attribute(node, "name")
            ?? HTMLNode.attribute(node, "itemprop"))?.lowercased()
        guard let key, key == "og:title" || key == "twitter:title" || key == "description"
                || key == "og:description" || key == "twitter:description" || key == "author" || key == "dc.creator" || key == "citation_author"
                || key == "article:author" || key == "article:published_time" || Self.dateNames.contains(key),
              let raw = HTMLNode.attribute(node, "content") else { return }
        let content = HTMLNode.collapsed(raw)
        guard !content.isEmpty else { return }
        switch key {
        case "og:title": if ogTitle == nil { ogTitle = content }
        case "twitter:title": if otherTitles.count < 4 { otherTitles.append(content) }
        case "description", "og:description", "twitter:description":
            if descriptions.count < 4 { descriptions.append(content) }
        case "author", "dc.creator", "citation_author":
            metaAuthors += Self.names(in: content)
        case "article:author":
            if !content.contains("://") { metaAuthors += Self.names(in: content) }
        case "article:published_time": if publishedTime == nil { publishedTime = content }
        default:
            if Self.dateNames.contains(key), metaDate == nil { metaDate = content }
        }
    }

    mutating func readTitle(_ node: xmlNodePtr) {
        if titleTag == nil {
            let t = HTMLNode.text(node, limit: 1024)
            if !t.isEmpty { titleTag = t }
        }
    }

    /// Looks at a content element (chrome already excluded) for h1, bylines and dates.
    mutating func readElement(_ node: xmlNodePtr, tag: String) {
        switch tag {
        case "h1":
            if firstH1 == nil { firstH1 = nonEmpty(HTMLNode.text(node, limit: 1024)) }
        case "time":
            if timeDate == nil, let d = HTMLNode.attribute(node, "datetime") {
                timeDate = nonEmpty(HTMLNode.collapsed(d))
            }
        case "meta":
            readMeta(node)
        default:
            break
        }
        if tag == "a" || tag == "link", HTMLNode.attribute(node, "rel")?.lowercased().split(separator: " ").contains("author") == true {
            if tag == "a" { relAuthors += Self.names(in: HTMLNode.text(node, limit: 256)) }
            return
        }
        guard bylineAuthors.isEmpty else { return }
        let words = HTMLNode.tokens(HTMLNode.attribute(node, "class"))
        if HTMLNode.attribute(node, "itemprop")?.lowercased() == "author"
            || words.contains("author") || words.contains("byline") {
            bylineAuthors = Self.names(in: HTMLNode.text(node, limit: 512))
        }
    }

    func metadata() -> Metadata {
        var m = Metadata()
        m.title = ogTitle ?? ldTitle ?? titleTag.map(Self.withoutSiteName) ?? firstH1
        var seen = Set<String>()
        let authors = [metaAuthors, ldAuthors, relAuthors, bylineAuthors].first { !$0.isEmpty } ?? []
        m.authors = authors.filter { seen.insert($0.lowercased()).inserted }
        m.date = publishedTime ?? ldDate ?? metaDate ?? timeDate
        m.headlines = [ogTitle, ldTitle, titleTag, firstH1].compactMap { $0 } + otherTitles
        m.descriptions = descriptions
        return m
    }

    /// A `<script type="application/ld+json">`: the first schema.org object with a
    /// `headline` (an Article, NewsArticle, BlogPosting ..., also inside `@graph` or a list)
    /// gives title, authors and date. Bad JSON is ignored: the page's other markup remains.
    mutating func readJSONLD(_ node: xmlNodePtr) {
        guard ldTitle == nil, HTMLNode.attribute(node, "type")?.lowercased().contains("ld+json") == true else { return }
        var bytes = [UInt8]()
        var c = node.pointee.children
        while let t = c {
            if let content = t.pointee.content {
                var p = content
                while p.pointee != 0 { bytes.append(p.pointee); p += 1 }
            }
            c = t.pointee.next
        }
        guard bytes.count <= 1 << 20, let json = try? JSONSerialization.jsonObject(with: Data(bytes)),
              let article = Self.firstArticle(json, depth: 0) else { return }
        ldTitle = (article["headline"] as? String).map(HTMLNode.collapsed).flatMap { $0.isEmpty ? nil : $0 }
        ldAuthors = Self.personNames(article["author"])
        if let d = article["datePublished"] as? String, !d.isEmpty { ldDate = HTMLNode.collapsed(d) }
    }

    private static func firstArticle(_ json: Any, depth: Int) -> [String: Any]? {
        guard depth < 4 else { return nil }
        if let list = json as? [Any] {
            for item in list { if let a = firstArticle(item, depth: depth + 1) { return a } }
        } else if let object = json as? [String: Any] {
            if object["headline"] is String { return object }
            if let graph = object["@graph"] { return firstArticle(graph, depth: depth + 1) }
        }
        return nil
    }

    /// `"author": "A"`, `{"name": "A"}` or a list of either.
    private static func personNames(_ value: Any?) -> [String] {
        switch value {
        case let s as String: return s.contains("://") ? [] : names(in: s)
        case let o as [String: Any]: return personNames(o["name"])
        case let list as [Any]: return list.prefix(20).flatMap { personNames($0) }
        default: return []
        }
    }

    /// "Putin in Beijing | SCEEUS" -> "Putin in Beijing": a short last part after a
    /// separator is the site's name.
    static func withoutSiteName(_ title: String) -> String {
        for sep in [" | ", " – ", " — ", " - ", " :: ", " · ", " • "] {
            guard let r = title.range(of: sep, options: .backwards) else { continue }
            let head = String(title[..<r.lowerBound])
            let tail = title[r.upperBound...]
            if !head.isEmpty, tail.count <= 40, tail.count < head.count { return HTMLNode.collapsed(head) }
        }
        return title
    }

    /// "By Hugo von Essen & Patrik Andersson" -> two names.
    static func names(in text: String) -> [String] {
        var s = HTMLNode.collapsed(text)
        for prefix in ["By ", "by ", "BY ", "Authors: ", "Author: "] where s.hasPrefix(prefix) {
            s.removeFirst(prefix.count)
        }
        var parts = [s]
        for sep in [",", ";", " & ", " and "] {
            parts = parts.flatMap { $0.components(separatedBy: sep) }
        }
        return parts.map(HTMLNode.collapsed).filter { !$0.isEmpty && $0.count <= 80 }
    }

    private func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
}
