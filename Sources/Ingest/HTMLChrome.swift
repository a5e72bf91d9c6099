import CLibXML2

/// Which elements are page furniture (dropped with everything inside), which break blocks,
/// and which hold footnotes. Decided per element from its tag, role, hidden state and the
/// words of its class and id, the signals readability and trafilatura use.
enum HTMLChrome {
    /// Never content, wherever they stand.
    static let droppedTags: Set<String> = [
        "script", "style", "noscript", "template", "nav", "form", "iframe", "svg", "button",
        "select", "input", "textarea", "option", "object", "embed", "canvas", "video", "audio",
        "map", "dialog", "head", "title", "meta", "link", "frameset", "frame",
    ]

    /// Elements a browser lays out as blocks: text never runs across their edges.
    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
        "details", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
        "main", "menu", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul",
    ]

    /// ARIA landmarks of page chrome.
    static let droppedRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog",
        "alertdialog", "menu", "menubar", "toolbar", "tablist", "doc-backlink",
    ]

    /// Class/id words that mark chrome wherever they appear.
    static let chromeWords: Set<String> = [
        "cookie", "cookies", "consent", "gdpr", "share", "sharing", "sharebar", "social",
        "socials", "related", "breadcrumb", "breadcrumbs", "newsletter", "subscribe",
        "subscription", "signup", "promo", "promotion", "advert", "advertisement", "ad", "ads",
        "adslot", "sponsor", "sponsored", "sidebar", "comments", "comment", "disqus", "popup",
        "modal", "paywall", "outbrain", "taboola", "recommended", "skiplink", "print",
        // Photo captions and credits, however marked up (a `figcaption` is handled by tag).
        "caption", "captions", "credit", "credits",
        // An article's meta line (category, reading time, date, share counts) and time stamps.
        "meta", "timestamp", "date", "dateline", "updated",
        // Tag and topic lists, and the label above a headline.
        "tags", "tag", "keywords", "topics", "kicker", "eyebrow",
        // The author's biography box, disclaimers and copyright lines under an article.
        "bio", "bios", "biography", "disclaimer", "copyright",
    ]

    /// Class/id words that mark chrome unless a content word sits beside them
    /// (`site-header` goes, `article-header` stays).
    static let weakChromeWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "footer", "header", "masthead", "banner",
        "pagination", "pager", "toolbar", "topbar", "skip",
    ]

    static let contentWords: Set<String> = [
        "article", "content", "main", "body", "post", "entry", "story", "text",
    ]

    static let footnoteWords: Set<String> = ["footnotes", "footnote", "endnotes", "endnote"]

    /// Elements that can hold a list of footnotes.
    static let footnoteTags: Set<String> = ["ol", "ul", "section", "div", "aside", "footer", "dl"]

    /// True when the element and its subtree are not content. `inArticle` says whether an
    /// `article`/`main`/`section` encloses it: only page-level headers go; footers go
    /// everywhere except as a quote's or figure's credit or around footnotes.
    ///
    /// With `byClass` false, the class/id words are not looked at: the page scan weighs
    /// them itself (`isChromeByClass`), since a layout wrapper around the whole article
    /// may carry one (a layout class naming its ad margins or paywall).
    static func isDropped(_ node: xmlNodePtr, tag: String, inArticle: Bool, byClass: Bool = true) -> Bool {
        if droppedTags.contains(tag) { return byClass || tag != "form" }
        if isHidden(node) { return true }
        if let role = HTMLNode.attribute(node, "role")?.lowercased(), droppedRoles.contains(role) {
            return true
        }
        if tag == "a", isBacklink(node) { return true }
        let words = byClass || footnoteTags.contains(tag)
            ? HTMLNode.classWords(node) : []
        if isFootnotes(node, tag: tag, words: words) { return false }
        if tag == "aside" { return true }
        if tag == "header" && !inArticle { return true }
        if tag == "footer" && (!inArticle || !(isAttribution(node) || containsFootnotes(node))) { return true }
        return byClass && isChromeByClass(words)
    }

    /// True when the class/id words name page furniture: a chrome word, or a weak one
    /// without a content word beside it.
    static func isChromeByClass(_ node: xmlNodePtr, tag: String) -> Bool {
        let words = HTMLNode.classWords(node)
        if isFootnotes(node, tag: tag, words: words) { return false }
        return isChromeByClass(words)
    }

    /// Class/id words of a comment section (readability's "comment", "disqus", "replies").
    static func isCommentSection(_ words: [String]) -> Bool {
        return words.contains { $0.hasPrefix("comment") || $0 == "disqus" || $0 == "replies" }
    }

    static func isChromeByClass(_ words: [String]) -> Bool {
        var weak = false
        var content = false
        for w in words {
            switch classWordKinds[w] {
            case .chrome?: return true
            case .weakChrome?: weak = true
            case .content?: content = true
            case nil: continue
            }
        }
        return weak && !content
    }

    private enum ClassWordKind { case chrome, weakChrome, content }

    /// The three word sets as one table: a class word is hashed once, not three times
    /// (this runs for every word of every class and id on the page). The sets are disjoint.
    private static let classWordKinds: [String: ClassWordKind] = {
        var kinds = [String: ClassWordKind]()
        for w in contentWords { kinds[w] = .content }
        for w in weakChromeWords { kinds[w] = .weakChrome }
        for w in chromeWords { kinds[w] = .chrome }
        return kinds
    }()

    /// A `footer` whose nearest sectioning or grouping ancestor is a `blockquote` or a
    /// `figure`: the quote's or figure's credit, content. Other footers, the page's or an
    /// article's ("Tags: …", share links, "About the author"), are chrome.
    static func isAttribution(_ node: xmlNodePtr) -> Bool {
        var n = node.pointee.parent
        while let p = n, HTMLNode.isElement(p) {
            switch HTMLNode.name(p) {
            case "blockquote", "figure": return true
            case "article", "section", "main", "aside", "nav", "body": return false
            default: n = p.pointee.parent
            }
        }
        return false
    }

    /// True when a footnote list or section is inside `node` (iterative, bounded: a footer
    /// is small; a huge one is not searched past `limit` elements).
    static func containsFootnotes(_ node: xmlNodePtr, limit: Int = 2000) -> Bool {
        var seen = 0
        var current = node.pointee.children
        while let n = current, seen < limit {
            if HTMLNode.isElement(n) {
                seen += 1
                if isFootnotes(n, tag: HTMLNode.name(n)) { return true }
                if let child = n.pointee.children {
                    current = child
                    continue
                }
            }
            current = HTMLNode.next(after: n, within: node)
        }
        return false
    }

    /// `hidden`, `aria-hidden="true"`, or an inline style that hides the element.
    static func isHidden(_ node: xmlNodePtr) -> Bool {
        if HTMLNode.hasAttribute(node, "hidden") { return true }
        if HTMLNode.attribute(node, "aria-hidden")?.lowercased() == "true" { return true }
        if let style = HTMLNode.attribute(node, "style") {
            // Inline styles are on many elements: ASCII ones are read as bytes, without
            // Unicode's property tables; the rare others as scalars.
            var bytes = [UInt8]()
            if style.utf8.allSatisfy({ $0 < 0x80 }) {
                bytes.reserveCapacity(style.utf8.count)
                for b in style.utf8 where !(b == 0x20 || (b >= 0x09 && b <= 0x0D)) { bytes.append(HTMLEncoding.lower(b)) }
            } else {
                bytes = Array(String(style.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace }).utf8)
            }
            if HTMLClassWeight.contains(bytes, hiddenDisplay) || HTMLClassWeight.contains(bytes, hiddenVisibility) { return true }
        }
        return false
    }

    private static let hiddenDisplay = Array("display:none".utf8)
    private static let hiddenVisibility = Array("visibility:hidden".utf8)

    /// A list or section of footnotes (`ol.footnotes`, `section.footnotes`,
    /// `aside#endnotes`, `[role=doc-endnotes]`).
    static func isFootnotes(_ node: xmlNodePtr, tag: String, words: [String]? = nil) -> Bool {
        guard footnoteTags.contains(tag) else { return false }
        if let role = HTMLNode.attribute(node, "role")?.lowercased(),
           role == "doc-endnotes" || role == "doc-footnotes" {
            return true
        }
        let w = words ?? (HTMLNode.classWords(node))
        return w.contains { footnoteWords.contains($0) }
    }

    /// The number in a footnote id: `fn1`, `fn:1`, `fn-1`, `footnote-1`, `footnote1`, `note-1`.
    static func footnoteNumber(id: String?) -> Int? {
        guard let id = id?.lowercased() else { return nil }
        for prefix in ["footnote", "endnote", "note", "fn"] where id.hasPrefix(prefix) {
            var rest = id.dropFirst(prefix.count)
            if let f = rest.first, f == "-" || f == ":" || f == "_" { rest = rest.dropFirst() }
            guard !rest.isEmpty, rest.count <= 4, rest.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(rest)
        }
        return nil
    }

    /// The "back to text" link at the end of a footnote.
    static func isBacklink(_ node: xmlNodePtr) -> Bool {
        // Every link of the page comes here: an href is lowercased only when it is a
        // fragment, and the class is searched as bytes, not with Foundation's locale-aware
        // search.
        if let href = HTMLNode.attribute(node, "href"), href.utf8.first == UInt8(ascii: "#") {
            let h = href.lowercased()
            if h.hasPrefix("#fnref") || h.hasPrefix("#ref-") || h.hasPrefix("#footnote-ref") { return true }
        }
        guard let cls = HTMLNode.attribute(node, "class") else { return false }
        let bytes = cls.utf8.map(HTMLEncoding.lower)
        return backlinkClasses.contains { HTMLClassWeight.contains(bytes, $0) }
    }

    private static let backlinkClasses = ["footnote-back", "reversefootnote", "backref"].map { Array($0.utf8) }

    /// A `sup` that is a footnote marker ("1", "[2]", "3,4") written as superscript digits,
    /// the way the text editions print them ("agreements,¹"); nil for other superscripts.
    static func footnoteMarker(_ node: xmlNodePtr) -> [UInt8]? {
        let text = HTMLNode.text(node, limit: 24)
        var out = [UInt8]()
        var digits = 0
        for u in text.unicodeScalars {
            switch u {
            case "0"..."9":
                digits += 1
                out.append(contentsOf: superscript[Int(u.value - 0x30)])
            case "\u{B9}", "\u{B2}", "\u{B3}", "\u{2070}", "\u{2074}"..."\u{2079}":
                digits += 1
                out.append(contentsOf: Array(String(u).utf8))
            case ",", "-", "\u{2013}":
                out.append(contentsOf: Array(String(u).utf8))
            case "[", "]", "(", ")", " ":
                continue
            default:
                return nil
            }
        }
        return digits > 0 && digits <= 4 ? out : nil
    }

    static let superscript: [[UInt8]] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"].map { Array($0.utf8) }
}
