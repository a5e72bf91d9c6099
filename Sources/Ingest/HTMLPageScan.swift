import CLibXML2

/// One pass over the whole page, chrome skipped: finds the element that holds the article
/// and reads the metadata (title, authors, date) on the way.
///
/// The article is `article`/`main`/`[role=main]` when the page marks it up and it holds a
/// fair share of the page's paragraph text; else the element readability would pick: every
/// paragraph of 25+ characters scores 1 + its commas + 1 per 100 characters (at most 3) for
/// its parent and half that for its grandparent, and each element's total is scaled by
/// 1 - its link density.
struct HTMLPageScan {
    private(set) var root: xmlNodePtr
    private(set) var meta = HTMLMetadataCollector()

    private struct Frame {
        var node: xmlNodePtr
        var tag: String
        var inArticle: Bool
        var text = 0
        var linkText = 0
        var commas = 0
        /// Text of the paragraphs inside.
        var paragraphText = 0
        var score = 0.0
    }

    private struct Semantic {
        var node: xmlNodePtr
        var isMain: Bool
        var paragraphText: Int
    }

    init(document: htmlDocPtr) {
        let top = xmlDocGetRootElement(document)!
        root = top
        var body: xmlNodePtr?
        var semantic = [Semantic]()
        var best: (node: xmlNodePtr, score: Double)?
        var pageParagraphText = 0
        var frames = [Frame(node: top, tag: HTMLNode.name(top), inArticle: false)]
        var node = top.pointee.children
        while true {
            if let n = node {
                if HTMLNode.isText(n), let content = n.pointee.content {
                    Self.count(content, into: &frames[frames.count - 1])
                } else if HTMLNode.isElement(n) {
                    let tag = HTMLNode.name(n)
                    let parent = frames[frames.count - 1]
                    if tag == "meta" {
                        meta.readMeta(n)
                    } else if tag == "title" {
                        meta.readTitle(n)
                    } else if tag == "head" || !HTMLChrome.isDropped(n, tag: tag, inArticle: parent.inArticle) {
                        if tag == "body", body == nil { body = n }
                        meta.readElement(n, tag: tag)
                        let article = parent.inArticle || tag == "article" || tag == "main" || tag == "section"
                        frames.append(Frame(node: n, tag: tag, inArticle: article))
                        node = n.pointee.children
                        continue
                    }
                }
                node = n.pointee.next
                continue
            }
            let f = frames.removeLast()
            if frames.isEmpty {
                pageParagraphText = f.paragraphText
                break
            }
            let count = frames.count
            frames[count - 1].text += f.text
            frames[count - 1].commas += f.commas
            frames[count - 1].linkText += f.tag == "a" ? f.text : f.linkText
            let isParagraph = f.tag == "p" || f.tag == "pre"
            frames[count - 1].paragraphText += isParagraph ? f.text : f.paragraphText
            if isParagraph, f.text >= 25 {
                let s = 1 + Double(f.commas) + min(Double(f.text) / 100, 3)
                frames[count - 1].score += s
                if count >= 2 { frames[count - 2].score += s / 2 }
            }
            if f.score > 0, f.text > 0 {
                let final = f.score * (1 - Double(f.linkText) / Double(f.text))
                if final > (best?.score ?? 0) { best = (f.node, final) }
            }
            let role = HTMLNode.attribute(f.node, "role")?.lowercased()
            if f.tag == "article" || f.tag == "main" || role == "main" {
                semantic.append(Semantic(node: f.node, isMain: f.tag == "main" || role == "main",
                                         paragraphText: f.paragraphText))
            }
            node = f.node.pointee.next
        }
        root = Self.choose(semantic: semantic, readability: best?.node, body: body ?? top,
                           pageParagraphText: pageParagraphText)
    }

    /// Visible bytes (whitespace runs counted once) and commas of one text node.
    private static func count(_ content: UnsafeMutablePointer<xmlChar>, into frame: inout Frame) {
        var p = content
        var space = true
        while p.pointee != 0 {
            let b = p.pointee
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                if !space { frame.text += 1 }
                space = true
            } else {
                if b == UInt8(ascii: ",") { frame.commas += 1 }
                if b & 0xC0 != 0x80 { frame.text += 1 }
                space = false
            }
            p += 1
        }
    }

    /// The marked-up article when it holds at least a quarter of the page's paragraph text
    /// (an `article` that is only a teaser card does not), else readability's pick.
    private static func choose(
        semantic: [Semantic], readability: xmlNodePtr?, body: xmlNodePtr, pageParagraphText: Int
    ) -> xmlNodePtr {
        // `semantic` is in post-order: reversed, an ancestor comes before its descendants
        // and wins a tie (it holds the same text plus the headline around it).
        func bestOf(_ isMain: Bool) -> Semantic? {
            var best: Semantic?
            for s in semantic.reversed() where s.isMain == isMain && s.paragraphText > (best?.paragraphText ?? -1) {
                best = s
            }
            return best
        }
        let article = bestOf(false)
        let main = bestOf(true)
        let pick: Semantic?
        if let main, let article, article.paragraphText * 2 >= main.paragraphText {
            pick = article
        } else {
            pick = main ?? article
        }
        if let pick, pageParagraphText == 0 || pick.paragraphText * 4 >= pageParagraphText {
            return pick.node
        }
        return readability ?? body
    }
}
