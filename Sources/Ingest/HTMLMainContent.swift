import CLibXML2

/// Picks the article out of a scanned page and marks the blocks inside it that are not
/// article: the element to write from, and the entries (`HTMLElementStats` indices) whose
/// subtrees the writer skips.
///
/// The pick follows Readability's published algorithm (written anew here): the element
/// with the best score, moved up to an ancestor that holds several near-best candidates
/// or scores better than it, then its siblings that score well or read as paragraphs.
/// Inside the pick, a block goes when its class weight is negative or, with fewer than
/// ten commas, it is mostly links, or more images or form fields than paragraphs, or a
/// near-empty wrapper: readability's "clean conditionally".
struct HTMLMainContent {
    private(set) var root: Int
    /// Entries whose subtree is not article.
    private(set) var dropped: [Bool]
    /// True when the root was widened to the parent of the article's blocks: text written
    /// straight into that parent is not part of them.
    private(set) var rootTextDropped = false

    private let stats: [HTMLElementStats]

    init(scan: HTMLPageScan) {
        stats = scan.stats
        dropped = stats.map(\.dropped)
        root = scan.body
        let top = pickTop(body: scan.body) ?? scan.body
        root = top
        if let marked = Self.markedArticle(stats, body: scan.body, top: top) {
            // The page marks its article up and the best text is inside it (or the
            // markup holds more paragraph text): the whole article, headline and byline
            // included, cleaned below like any pick.
            root = marked
        } else if top != scan.body {
            addSiblings(of: top, body: scan.body)
        }
        // The best-scoring element under the pick is the heart of the article: it and
        // its ancestors are never cleaned away, whatever their class words say.
        var best = top
        for i in top...stats[top].end where (stats[i].score ?? -.infinity) > (stats[best].score ?? -.infinity) { best = i }
        var a = best
        while a >= 0 && a >= root { protected.insert(a); a = stats[a].parent }
        dropRepeats()
        let before = dropped
        clean(from: root)
        // Readability's retry: when cleaning leaves less than 500 characters of a longer
        // pick, the class weights misled it; clean again without them, and on a page that
        // short, not at all.
        if keptText() < 500, keptText() < stats[root].text {
            dropped = before
            clean(from: root, weights: false)
            if keptText() < 500 { dropped = before }
        }
        dropLabels()
    }

    /// The `article`, `[itemprop=articleBody]` or `main` element that holds the article:
    /// the one with the most paragraph text (an `article` rather than a `main` holding
    /// little more), when it holds a quarter of the page's paragraph text at least and
    /// either encloses readability's pick or holds more paragraph text than it. The innermost
    /// `article` around the page's first `h1` comes first when it has running text (200+
    /// characters): a short post stays the article above a longer list of teasers. An
    /// `article` holding two or more `article`s is such a list, never the article.
    static func markedArticle(_ stats: [HTMLElementStats], body: Int, top: Int) -> Int? {
        var article: Int?, main: Int?, headlined: Int?
        let h1 = stats.indices.first { stats[$0].tag == "h1" && !stats[$0].dropped && stats[$0].text > 0 }
        for i in stats.indices where !stats[i].dropped {
            let s = stats[i]
            let isMain = s.tag == "main" || HTMLNode.attribute(s.node, "role")?.lowercased() == "main"
            let isArticle = s.tag == "article" || HTMLNode.attribute(s.node, "itemprop")?.lowercased() == "articlebody"
            guard isMain || isArticle else { continue }
            // An `article` holding two more is a list of teasers, not an article.
            if isArticle, ((i + 1)...max(i + 1, s.end)).filter({ $0 <= s.end && stats[$0].tag == "article" }).count >= 2 { continue }
            if isArticle, s.paragraphText > stats[article ?? i].paragraphText || article == nil { article = i }
            if isMain, s.paragraphText > stats[main ?? i].paragraphText || main == nil { main = i }
            // The innermost article around the page's first headline, when it has running text.
            if isArticle, let h = h1, i < h, h <= s.end, s.paragraphText >= minHeadlinedText { headlined = i }
        }
        if let h = headlined { return h }
        var pick = article ?? main
        if let a = article, let m = main, stats[a].paragraphText * 2 < stats[m].paragraphText { pick = m }
        guard let p = pick, stats[p].paragraphText * 4 >= stats[body].paragraphText else { return nil }
        let encloses = p <= top && top <= stats[p].end
        return encloses || stats[p].paragraphText >= stats[top].paragraphText ? p : nil
    }

    private var protected = Set<Int>()

    /// Paragraph text an `article` around the page's first `h1` needs to be taken as the
    /// article whatever scores more elsewhere (a one-paragraph post above a list of teasers).
    static let minHeadlinedText = 200

    /// Characters of the pick left after dropping.
    private func keptText() -> Int {
        var kept = stats[root].text
        var i = root + 1
        while i <= stats[root].end {
            // Chrome dropped by the scan was never counted in its ancestors' text.
            if dropped[i] { kept -= stats[i].dropped ? 0 : stats[i].text; i = stats[i].end + 1 } else { i += 1 }
        }
        return kept
    }

    func isDropped(_ node: xmlNodePtr) -> Bool {
        guard let i = HTMLElementStats.index(of: node), i < dropped.count else { return false }
        return dropped[i]
    }

    var rootNode: xmlNodePtr { stats[root].node }

    private func isAncestor(_ a: Int, of d: Int) -> Bool { a < d && d <= stats[a].end }

    /// Readability's top candidate, nil when no paragraph scored anything.
    private func pickTop(body: Int) -> Int? {
        var ranked = stats.indices.filter { stats[$0].score != nil && isInside($0, body) }
        guard !ranked.isEmpty else { return nil }
        ranked.sort { (stats[$0].score!, -$0) > (stats[$1].score!, -$1) }
        var top = ranked[0]
        let topScore = stats[top].score!
        // Several near-best candidates under one ancestor: the ancestor is the article.
        let close = ranked.dropFirst().prefix(4).filter { topScore > 0 && stats[$0].score! / topScore >= 0.75 }
        if close.count >= 3 {
            var p = stats[top].parent
            while p >= 0, p != body {
                if close.filter({ isAncestor(p, of: $0) }).count >= 3 { top = p; break }
                p = stats[p].parent
            }
        }
        // Climb while a parent scores better; stop where scores fall below a third.
        var last = stats[top].score ?? 0
        let threshold = last / 3
        var p = stats[top].parent
        while p >= 0, p != body {
            guard let s = stats[p].score else { p = stats[p].parent; continue }
            if s < threshold { break }
            if s > last { top = p; break }
            last = s
            p = stats[p].parent
        }
        // An only child stands for its parent.
        p = stats[top].parent
        while p >= 0, p != body, stats[p].children == 1 {
            top = p
            p = stats[top].parent
        }
        return top
    }

    private func isInside(_ i: Int, _ body: Int) -> Bool { i == body || isAncestor(body, of: i) }

    /// Readability's siblings: children of the top's parent scoring at least a fifth of the
    /// top (10 at least), or paragraphs of running text with few links. The root becomes
    /// the parent and the other children are dropped.
    private mutating func addSiblings(of top: Int, body: Int) {
        let parent = stats[top].parent
        guard parent >= 0 else { return }
        let topScore = stats[top].score ?? 0
        let threshold = max(10, topScore * 0.2)
        let topClass = HTMLNode.attribute(stats[top].node, "class") ?? ""
        let topBest = bestScore(in: top)
        var kept = [Int]()
        var others = [Int]()
        var c = parent + 1
        while c <= stats[parent].end {
            let s = stats[c]
            var keep = c == top
            if !keep {
                let bonus = !topClass.isEmpty && HTMLNode.attribute(s.node, "class") == topClass ? topScore * 0.2 : 0
                if let score = s.score, score + bonus >= threshold {
                    keep = true
                } else if s.hasBlockDescendant, bestScore(in: c) >= topBest * Self.nestedShare {
                    // The next part of an article wrapped deeper than scores reach (five
                    // levels): its best block scores like the pick's.
                    keep = true
                } else if s.isParagraphLike, s.tag != "td" {
                    if s.text > 80 && s.linkDensity < 0.25 {
                        keep = true
                    } else if s.text > 0, s.text <= 80, s.linkText == 0, Self.endsSentence(s.node) {
                        keep = true
                    }
                }
            }
            if keep { kept.append(c) } else { others.append(c) }
            c = s.end + 1
        }
        guard kept.count > 1 else { return }
        root = parent
        rootTextDropped = true
        for o in others { dropped[o] = true }
    }

    /// Share of the pick's best block score that a sibling's best block needs to join it.
    static let nestedShare = 0.5

    /// The best score of an element or any element below it.
    private func bestScore(in i: Int) -> Double {
        var best = 0.0
        for k in i...stats[i].end where !dropped[k] { best = max(best, stats[k].score ?? 0) }
        return best
    }

    /// Readability's test for a short paragraph: a full stop (any script's) followed by a
    /// space or the end.
    static func endsSentence(_ node: xmlNodePtr) -> Bool {
        let t = Array(HTMLNode.text(node, limit: 400).unicodeScalars)
        for (k, u) in t.enumerated() where u == "." || u == "!" || u == "?" || u == "\u{3002}" || u == "\u{FF01}" || u == "\u{FF1F}" {
            if k + 1 == t.count || t[k + 1] == " " { return true }
        }
        return false
    }

    /// Marks the blocks under `root` that readability's conditional cleaning removes.
    private mutating func clean(from root: Int, weights: Bool = true) {
        var i = root + 1
        var figureEnds = [Int]()
        while i <= stats[root].end {
            while let e = figureEnds.last, e < i { figureEnds.removeLast() }
            if dropped[i] || (!protected.contains(i) && shouldClean(i, inFigure: !figureEnds.isEmpty, weights: weights)) {
                dropped[i] = true
                i = stats[i].end + 1
                continue
            }
            if stats[i].tag == "figure" { figureEnds.append(stats[i].end) }
            if stats[i].tag == "table" && isDataTable(i) {
                i = stats[i].end + 1  // a data table is kept whole
                continue
            }
            i += 1
        }
    }

    /// A short block of links repeated under the pick ("Share on ..." under every
    /// teaser) is furniture: every copy goes. (Repeated plain text stays: a recipe or a
    /// meal plan repeats its lines on purpose.)
    private mutating func dropRepeats() {
        var seen = [String: [Int]]()
        var i = root + 1
        while i <= stats[root].end {
            let s = stats[i]
            if dropped[i] { i = s.end + 1; continue }
            let leaf = (s.isParagraphLike && s.tag != "td") || (!s.hasBlockDescendant && Self.leafTags.contains(s.tag))
            if leaf {
                if s.text > 0, s.text <= 300, s.linkDensity >= 0.5 {
                    seen[HTMLNode.text(s.node, limit: 1200), default: []].append(i)
                }
                i = s.end + 1
                continue
            }
            i += 1
        }
        for (text, copies) in seen where copies.count > 1 && !text.isEmpty {
            for c in copies where !protected.contains(c) { dropped[c] = true }
        }
    }

    private static let leafTags: Set<String> = [
        "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "dt", "dd", "blockquote",
    ]

    private static let cleanedTags: Set<String> = [
        "div", "section", "table", "ul", "ol", "form", "fieldset",
    ]

    private func shouldClean(_ i: Int, inFigure: Bool, weights: Bool) -> Bool {
        var s = stats[i]
        if HTMLChrome.isFootnotes(s.node, tag: s.tag) { return false }
        if !weights { s.weight = 0 }
        if s.tag == "h1" || s.tag == "h2" { return s.weight < 0 }
        // A photo's caption and credit are not running text (nor, in 97% of the
        // benchmark's pages, part of the article a person cuts out).
        if s.tag == "figure", s.images > 0, s.paragraphs == 0 { return true }
        // The same in `div`s: a picture with a line or two under it and nothing else.
        if s.tag == "div", !inFigure, s.images > 0, s.paragraphs <= 1, s.text <= 200, s.embeds == 0 { return true }
        if s.tag == "figcaption", s.parent >= 0, stats[s.parent].images > 0 { return true }
        // A paragraph that is one link ("Read also: ...") points to another page.
        // A byline of author links stays.
        if s.tag == "p", s.text > 0, s.linkText * 10 >= s.text * 9 || Self.isLabelledLink(s), !Self.isByline(s.node) { return true }
        // A list that is mostly links is a list of other pages.
        if (s.tag == "ul" || s.tag == "ol"), s.linkDensity > 0.5 { return true }
        // Links marked `rel=tag` (the microformat of tag and category links) are a tag list.
        if s.linkText > 0, s.linkDensity > 0.5, Self.firstLinkIsTag(s.node) { return true }
        guard Self.cleanedTags.contains(s.tag) else { return false }
        if s.isParagraphLike, s.tag != "table" && s.tag != "ul" && s.tag != "ol" && s.tag != "dl" { return false }
        if s.tag == "table", isDataTable(i) { return false }
        if s.tables > 0, containsDataTable(i) { return false }
        if s.weight < 0 { return true }
        guard s.commas < 10 else { return false }
        let isList = s.tag == "ul" || s.tag == "ol" || (s.text > 0 && Double(s.listText) / Double(s.text) > 0.9)
        let p = s.paragraphs, img = s.images, li = s.listItems - 100
        let headingDensity = s.text == 0 ? 0 : Double(s.headingText) / Double(s.text)
        let ld = s.linkDensity
        if !inFigure && img > 1 && Double(p) / Double(img) < 0.5 { return true }
        if !isList && li > p { return true }
        if s.inputs > p / 3 { return true }
        if !isList && headingDensity < 0.9 && s.text < 25 && (img == 0 || img > 2) && !inFigure { return true }
        if !isList && s.weight < 25 && ld > 0.2 { return true }
        if s.weight >= 25 && ld > 0.5 { return true }
        if (s.embeds == 1 && s.text < 75) || s.embeds > 1 { return true }
        return false
    }

    /// "Read more: <a>Another story</a>", in any language: a short label ending in a colon
    /// (25 characters at most) before a link that is three quarters of the paragraph.
    static func isLabelledLink(_ s: HTMLElementStats) -> Bool {
        guard s.linkText * 4 >= s.text * 3, s.text - s.linkText <= 25 else { return false }
        let label = textBeforeFirstLink(s.node)
        return label.hasSuffix(":") || label.hasSuffix("\u{FF1A}")
    }

    /// The first link at or below `node` (within 64 nodes) has `rel` "tag".
    static func firstLinkIsTag(_ node: xmlNodePtr) -> Bool {
        var current: xmlNodePtr? = node
        var seen = 0
        while let n = current, seen < 64 {
            seen += 1
            if HTMLNode.isElement(n) {
                if HTMLNode.name(n) == "a" {
                    return HTMLNode.tokens(HTMLNode.attribute(n, "rel")).contains("tag")
                }
                if let child = n.pointee.children { current = child; continue }
            }
            current = HTMLNode.next(after: n, within: node)
        }
        return false
    }

    /// The text of `node` before its first link, whitespace collapsed (a few dozen bytes).
    static func textBeforeFirstLink(_ node: xmlNodePtr) -> String {
        var out = [UInt8]()
        var current: xmlNodePtr? = node.pointee.children
        while let n = current, out.count < 64 {
            if HTMLNode.isText(n), let content = n.pointee.content {
                var p = content
                while p.pointee != 0 { out.append(p.pointee); p += 1 }
            } else if HTMLNode.isElement(n) {
                if HTMLNode.name(n) == "a" { break }
                if let child = n.pointee.children { current = child; continue }
            }
            current = HTMLNode.next(after: n, within: node)
        }
        return HTMLNode.collapsed(String(decoding: out, as: UTF8.self))
    }

    /// A short label just above a block dropped for its links or a comment section
    /// ("More stories", "Don't miss", "27 comments"; not a sentence) labels that block and
    /// goes with it; so does a label above such a label.
    private mutating func dropLabels() {
        var labels = [Int]()
        var i = root + 1
        while i <= stats[root].end {
            let s = stats[i]
            if dropped[i] { i = s.end + 1; continue }
            let labelTag = s.tag.count == 2 && s.tag.hasPrefix("h") && s.tag != "hr" && s.tag != "h1"
            if (labelTag || s.isParagraphLike), s.text > 0, s.text <= 60, s.linkText == 0, !protected.contains(i), !Self.endsSentence(s.node) {
                labels.append(i)
                i = s.end + 1
                continue
            }
            i += 1
        }
        var labelDropped = Set<Int>()
        for l in labels.reversed() {
            let s = stats[l]
            let next = s.end + 1
            guard next < stats.count, stats[next].parent == s.parent, dropped[next] else { continue }
            let n = stats[next]
            if labelDropped.contains(next) || n.commentLike || (n.text >= 2 * s.text && n.linkDensity >= 0.5) {
                dropped[l] = true
                labelDropped.insert(l)
            }
        }
    }

    /// Class/id words of a byline ("byline", "author", "authors"), or `rel=author` links.
    static func isByline(_ node: xmlNodePtr) -> Bool {
        let words = HTMLNode.classWords(node)
        if words.contains(where: { $0 == "byline" || $0.hasPrefix("author") }) { return true }
        var c = node.pointee.children
        while let n = c {
            if HTMLNode.isElement(n), HTMLNode.attribute(n, "rel")?.lowercased().contains("author") == true { return true }
            c = n.pointee.next
        }
        return false
    }

    private func containsDataTable(_ i: Int) -> Bool {
        var k = i + 1
        while k <= stats[i].end {
            if stats[k].tag == "table", isDataTable(k) { return true }
            k += 1
        }
        return false
    }

    /// Readability's data table: header cells, a caption or a summary, or no table inside
    /// and more than ten cells (ten rows, or five columns).
    private func isDataTable(_ t: Int) -> Bool {
        let node = stats[t].node
        if HTMLNode.attribute(node, "role")?.lowercased() == "presentation" { return false }
        if HTMLNode.attribute(node, "datatable") == "0" { return false }
        if HTMLNode.hasAttribute(node, "summary") { return true }
        var rows = 0, columns = 0
        var k = t + 1
        while k <= stats[t].end {
            switch stats[k].tag {
            case "caption", "thead", "tfoot", "th", "col", "colgroup": return true
            case "table": return false
            case "tr":
                rows += 1
                var cells = 0
                var c = k + 1
                while c <= stats[k].end {
                    if stats[c].tag == "td" { cells += 1 }
                    c = stats[c].end + 1
                }
                columns = max(columns, cells)
            default: break
            }
            k += 1
        }
        return rows >= 10 || columns > 4 || rows * columns > 10
    }
}
