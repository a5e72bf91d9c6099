import CLibXML2

/// One pass over the whole page, chrome skipped: reads the metadata (title, authors, date)
/// and gathers `HTMLElementStats` for every content element, with readability's scores:
/// every paragraph of 25+ characters (a `p`, or a `div` with no block inside, or a run of
/// text directly in a block) scores 1 + its commas + 1 per 100 characters (at most 3) for
/// its parent, half that for its grandparent and a third of it per level above, five levels
/// up; an element's score starts from its tag and class weight and ends scaled by
/// 1 - its link density. `HTMLMainContent` then picks the article from these.
struct HTMLPageScan {
    private(set) var meta = HTMLMetadataCollector()
    private(set) var stats: [HTMLElementStats] = []
    private(set) var body: Int = 0

    init(document: htmlDocPtr) {
        let top = xmlDocGetRootElement(document)!
        var bodyIndex: Int?
        // Open elements whose class words name chrome: no bylines read inside them.
        var chromeDepth = 0
        stats.reserveCapacity(1024)
        var open = [push(top, parent: -1)]
        var node = top.pointee.children
        while true {
            if let n = node {
                if HTMLNode.isText(n), let content = n.pointee.content {
                    Self.count(content, into: &stats[open[open.count - 1]])
                } else if HTMLNode.isElement(n) {
                    let tag = HTMLNode.name(n)
                    let parent = open[open.count - 1]
                    if tag == "meta" {
                        meta.readMeta(n)
                    } else if tag == "title" {
                        meta.readTitle(n)
                    } else if tag == "script" {
                        meta.readJSONLD(n)
                    } else if tag == "head" || !HTMLChrome.isDropped(n, tag: tag, inArticle: inArticle(open), byClass: false) {
                        if tag == "body", bodyIndex == nil { bodyIndex = stats.count }
                        if chromeDepth == 0 { meta.readElement(n, tag: tag) }
                        stats[parent].children += 1
                        open.append(push(n, parent: parent, tag: tag))
                        if stats[open[open.count - 1]].classChrome { chromeDepth += 1 }
                        node = n.pointee.children
                        continue
                    } else {
                        Self.countDropped(tag, into: &stats[parent])
                    }
                }
                node = n.pointee.next
                continue
            }
            let i = open.removeLast()
            if stats[i].classChrome { chromeDepth -= 1 }
            stats[i].end = stats.count - 1
            close(i)
            if open.isEmpty { break }
            node = stats[i].node.pointee.next
        }
        body = bodyIndex ?? 0
        dropChrome()
        scoreParagraphs()
        for i in stats.indices {
            if let s = stats[i].score { stats[i].score = s * (1 - stats[i].linkDensity) }
        }
    }

    private mutating func push(_ n: xmlNodePtr, parent: Int, tag: String? = nil) -> Int {
        let i = stats.count
        let tag = tag ?? HTMLNode.name(n)
        var s = HTMLElementStats(node: n, tag: tag, parent: parent, end: i)
        if n.pointee.properties != nil {
            let cls = HTMLNode.attribute(n, "class"), id = HTMLNode.attribute(n, "id")
            if cls != nil || id != nil {
                s.weight = HTMLClassWeight.weight(cls, id)
                let words = HTMLNode.classWords(cls, id)
                s.classChrome = !HTMLChrome.isFootnotes(n, tag: tag, words: words) && HTMLChrome.isChromeByClass(words)
                if s.classChrome { s.commentLike = HTMLChrome.isCommentSection(words) }
            }
        }
        // A form is chrome (a search box, a sign-up) unless it wraps the page, as some
        // frameworks wrap every page in one.
        if tag == "form" { s.classChrome = true }
        stats.append(s)
        HTMLElementStats.tag(n, index: i)
        return i
    }

    /// Whether an `article`, `main` or `section` encloses the element being entered.
    private func inArticle(_ open: [Int]) -> Bool {
        for i in open.reversed() {
            switch stats[i].tag {
            case "article", "main", "section": return true
            default: continue
            }
        }
        return false
    }

    /// Form fields and embeds are chrome (never written) but readability counts them.
    private static func countDropped(_ tag: String, into s: inout HTMLElementStats) {
        switch tag {
        case "input", "select", "textarea", "button": s.inputs += 1
        case "iframe", "object", "embed", "video": s.embeds += 1
        default: break
        }
    }

    /// Adds element `i`'s totals to its parent, unless its class words make it chrome and
    /// it holds no landmark (a wrapper named "paywall" around the article stays).
    private mutating func close(_ i: Int) {
        let f = stats[i]
        guard f.parent >= 0 else { return }
        var p = stats[f.parent]
        if f.holdsLandmark || HTMLElementStats.isLandmark(f.node, tag: f.tag) { p.holdsLandmark = true }
        p.text += f.text
        p.commas += f.commas
        p.linkText += f.tag == "a" ? f.text : f.linkText
        p.listText += (f.tag == "ul" || f.tag == "ol") ? f.text : f.listText
        let heading = f.tag.count == 2 && f.tag.hasPrefix("h") && f.tag != "hr" && f.tag != "th"
        p.headingText += heading ? f.text : f.headingText
        p.paragraphs += f.paragraphs + (f.tag == "p" ? 1 : 0)
        p.listItems += f.listItems + (f.tag == "li" ? 1 : 0)
        p.images += f.images + (f.tag == "img" ? 1 : 0)
        p.inputs += f.inputs
        p.embeds += f.embeds
        p.tables += f.tables + (f.tag == "table" ? 1 : 0)
        p.paragraphText += f.isParagraphLike ? f.text : f.paragraphText
        if !HTMLElementStats.blockDescendantTags.contains(f.tag) && !HTMLChrome.blockTags.contains(f.tag) {
            // Inline markup (`span`, `b`, `a` ...) is part of the running text around it.
            p.ownText += f.text
            p.ownCommas += f.commas
        }
        if f.hasBlockDescendant || HTMLElementStats.blockDescendantTags.contains(f.tag) { p.hasBlockDescendant = true }
        stats[f.parent] = p
    }

    /// Drops the elements whose class words name chrome, unless they are a layout wrapper
    /// around the article: one that holds its headline or landmark, or most of the page's
    /// paragraph text (a column named for the sidebar it sits beside, a wrapper named for
    /// the ad margins around it), or that reads as an article itself: 400+ characters,
    /// 70% of them in paragraphs, under 15% links. Comment sections go whatever their size. A dropped element's totals
    /// are taken off its ancestors.
    private mutating func dropChrome() {
        let pageParagraphs = stats[body].paragraphText
        var i = 0
        while i < stats.count {
            let f = stats[i]
            guard f.classChrome, f.parent >= 0, i != body else { i += 1; continue }
            let readsAsArticle = f.paragraphText >= 400 && f.paragraphText * 10 >= f.text * 7 && f.linkDensity < 0.15
            let wrapper = !f.commentLike && (f.holdsLandmark || (f.paragraphText >= 250 && f.paragraphText * 2 >= pageParagraphs) || readsAsArticle)
            if wrapper { i += 1; continue }
            stats[i].dropped = true
            stats[f.parent].children -= 1
            var a = f.parent
            while a >= 0 {
                stats[a].text -= f.text
                stats[a].linkText -= f.tag == "a" ? f.text : f.linkText
                stats[a].commas -= f.commas
                stats[a].listText -= (f.tag == "ul" || f.tag == "ol") ? f.text : f.listText
                stats[a].headingText -= min(stats[a].headingText, f.headingText)
                stats[a].paragraphs -= f.paragraphs + (f.tag == "p" ? 1 : 0)
                stats[a].listItems -= f.listItems + (f.tag == "li" ? 1 : 0)
                stats[a].images -= f.images + (f.tag == "img" ? 1 : 0)
                stats[a].inputs -= f.inputs
                stats[a].embeds -= f.embeds
                stats[a].tables -= f.tables + (f.tag == "table" ? 1 : 0)
                stats[a].paragraphText -= f.isParagraphLike ? f.text : f.paragraphText
                a = stats[a].parent
            }
            i = f.end + 1
        }
    }

    /// Scores every paragraph outside dropped chrome: a paragraph-like element for its
    /// parent, a run of text straight inside a block (readability wraps such runs into
    /// paragraphs of their own) for that block.
    private mutating func scoreParagraphs() {
        var i = 0
        while i < stats.count {
            let f = stats[i]
            if f.dropped { i = f.end + 1; continue }
            if f.isParagraphLike, f.text >= 25 {
                if f.parent >= 0 { addScore(1 + Double(f.commas) + min(Double(f.text / 100), 3), from: f.parent) }
            } else if !f.isParagraphLike, f.ownText >= 25, HTMLChrome.blockTags.contains(f.tag) {
                addScore(1 + Double(f.ownCommas) + min(Double(f.ownText / 100), 3), from: i)
            }
            i += 1
        }
    }

    /// Readability's spread of one paragraph's score over five ancestors, `first` the nearest.
    private mutating func addScore(_ score: Double, from first: Int) {
        var a = first
        var level = 0
        while a >= 0, level < 5 {
            let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
            let base = stats[a].score ?? (HTMLElementStats.baseScore(stats[a].tag) + Double(stats[a].weight))
            stats[a].score = base + score / divider
            a = stats[a].parent
            level += 1
        }
    }

    /// Visible characters (whitespace runs counted once) and commas of one text node.
    private static func count(_ content: UnsafeMutablePointer<xmlChar>, into s: inout HTMLElementStats) {
        var p = content
        var space = true
        var chars = 0
        var commas = 0
        while p.pointee != 0 {
            let b = p.pointee
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                if !space { chars += 1 }
                space = true
            } else {
                if b == UInt8(ascii: ",") {
                    commas += 1
                } else if b == 0xEF, p[1] == 0xBC, p[2] == 0x8C {
                    commas += 1  // fullwidth comma U+FF0C
                } else if b == 0xD8, p[1] == 0x8C {
                    commas += 1  // Arabic comma U+060C
                } else if b == 0xE3, p[1] == 0x80, p[2] == 0x81 {
                    commas += 1  // ideographic comma U+3001
                }
                if b & 0xC0 != 0x80 { chars += 1 }
                space = false
            }
            p += 1
        }
        s.text += chars
        s.ownText += chars
        s.commas += commas
        s.ownCommas += commas
    }
}
