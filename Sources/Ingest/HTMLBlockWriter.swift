import CLibXML2

/// Walks the article element once, iteratively (an explicit stack, so nesting depth never
/// touches the call stack), and writes its text into the builder as blocks: block-level
/// elements start and end blocks, inline elements only add their text, chrome is skipped
/// with its subtree. Each block remembers the line and XPath of the element it came from.
struct HTMLBlockWriter {
    private struct Frame {
        var node: xmlNodePtr
        var isBlock: Bool
        /// Index of the innermost block-level frame at or above this one: the element a
        /// block's provenance names.
        var owner: Int
        var kind: Block.Kind
        var level: Int
        var inArticle: Bool
        var inFootnotes: Bool
        /// Length of `path` up to and including this element's step.
        var pathEnd: Int
        /// Element children by name, with how many of each were passed so far (for XPath
        /// positions); filled on first use.
        var children: [(name: String, total: Int, seen: Int)]?
        /// Footnote list items passed so far (the number of the next one).
        var items = 0
    }

    private var frames: [Frame] = []
    /// XPath of the top frame, bytes.
    private var path: [UInt8] = []
    /// Consecutive `br`s since the last text: two end the block.
    private var breaks = 0
    /// Footnote number waiting for its block to open ("1 " before the note's text).
    private var pendingNumber: [UInt8]?
    private var pendingNumberFrame = -1

    /// The article's pick: blocks under it judged not article are skipped.
    private var content: HTMLMainContent?

    static func write(root: xmlNodePtr, content: HTMLMainContent? = nil, into builder: inout DocumentBuilder) {
        var writer = HTMLBlockWriter()
        writer.content = content
        writer.run(root: root, builder: &builder)
    }

    private mutating func run(root: xmlNodePtr, builder: inout DocumentBuilder) {
        path = Array(Self.absolutePath(of: root).utf8)
        let rootTag = HTMLNode.name(root)
        let rootRole = HTMLNode.attribute(root, "role")?.lowercased()
        frames.append(Frame(
            node: root, isBlock: true, owner: 0, kind: .paragraph, level: 0,
            inArticle: ["article", "main", "section"].contains(rootTag) || rootRole == "main",
            inFootnotes: false, pathEnd: path.count))
        var node = root.pointee.children
        while true {
            if let n = node {
                if HTMLNode.isText(n), let text = n.pointee.content {
                    if frames.count > 1 || content?.rootTextDropped != true {
                        writeText(text, builder: &builder)
                    }
                } else if HTMLNode.isElement(n) {
                    if enter(n, builder: &builder) {
                        node = n.pointee.children
                        continue
                    }
                }
                node = n.pointee.next
                continue
            }
            let f = frames.removeLast()
            if f.isBlock {
                builder.endBlock()
                breaks = 0
            }
            if pendingNumberFrame == frames.count { pendingNumber = nil; pendingNumberFrame = -1 }
            if frames.isEmpty { break }
            path.removeSubrange(frames[frames.count - 1].pathEnd...)
            node = f.node.pointee.next
        }
        builder.endBlock()
    }

    /// Handles an element start; true when its children are to be walked.
    private mutating func enter(_ n: xmlNodePtr, builder: inout DocumentBuilder) -> Bool {
        let tag = HTMLNode.name(n)
        let step = stepForChild(tag)
        let parent = frames[frames.count - 1]
        if HTMLChrome.isDropped(n, tag: tag, inArticle: parent.inArticle, byClass: content == nil) { return false }
        if let content, content.isDropped(n) { return false }
        switch tag {
        case "br":
            breaks += 1
            if breaks >= 2 { builder.endBlock() } else { builder.appendSpace(source: nil) }
            return false
        case "sup":
            if let marker = HTMLChrome.footnoteMarker(n) {
                openBlockIfNeeded(builder: &builder)
                builder.append(marker, sourceStart: nil)
                breaks = 0
                return false
            }
        case "img", "wbr":
            return false
        default:
            break
        }
        let isBlock = HTMLChrome.blockTags.contains(tag)
        if isBlock {
            builder.endBlock()
            breaks = 0
        }
        var frame = Frame(
            node: n, isBlock: isBlock, owner: isBlock ? frames.count : parent.owner,
            kind: parent.kind, level: parent.level,
            inArticle: parent.inArticle || tag == "article" || tag == "main" || tag == "section",
            inFootnotes: parent.inFootnotes, pathEnd: 0)
        switch tag {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            frame.kind = .heading
            frame.level = Int(tag.utf8.last! - 0x30)
        case "figcaption", "caption":
            frame.kind = .caption
        case "td", "th":
            frame.kind = .tableCell
        case "blockquote":
            frame.kind = .quote
        case "li", "dd", "dt":
            let number = HTMLChrome.footnoteNumber(id: HTMLNode.attribute(n, "id"))
            if parent.inFootnotes || number != nil {
                frame.kind = .footnote
                frame.inFootnotes = true
                frames[frames.count - 1].items += 1
                if tag == "li" || number != nil {
                    let start = Int(HTMLNode.attribute(parent.node, "start") ?? "") ?? 1
                    let k = number ?? (start + parent.items)
                    pendingNumber = Array(String(k).utf8)
                    pendingNumberFrame = frames.count
                }
            } else if tag == "li" {
                frame.kind = .listItem
            }
        default:
            if HTMLChrome.isFootnotes(n, tag: tag) {
                frame.kind = .footnote
                frame.inFootnotes = true
            }
        }
        if frame.kind != .heading { frame.level = 0 }
        path.append(UInt8(ascii: "/"))
        path.append(contentsOf: step.utf8)
        frame.pathEnd = path.count
        frames.append(frame)
        return true
    }

    /// The XPath step of the next element child `tag` of the top frame, e.g. `p[3]`; the
    /// position is left out when the parent has one child of that name, as libxml2 does.
    private mutating func stepForChild(_ tag: String) -> String {
        let top = frames.count - 1
        if frames[top].children == nil {
            var list = [(name: String, total: Int, seen: Int)]()
            var c = frames[top].node.pointee.children
            while let child = c {
                if HTMLNode.isElement(child) {
                    let name = HTMLNode.name(child)
                    if let i = list.firstIndex(where: { $0.name == name }) { list[i].total += 1 } else { list.append((name, 1, 0)) }
                }
                c = child.pointee.next
            }
            frames[top].children = list
        }
        guard let i = frames[top].children!.firstIndex(where: { $0.name == tag }) else { return tag }
        frames[top].children![i].seen += 1
        let entry = frames[top].children![i]
        return entry.total > 1 ? "\(tag)[\(entry.seen)]" : tag
    }

    /// Writes one text node: no-break spaces become spaces, zero-width spaces and soft
    /// hyphens vanish, and whitespace before any visible text of a block is dropped.
    private mutating func writeText(_ content: UnsafeMutablePointer<xmlChar>, builder: inout DocumentBuilder) {
        var p = UnsafePointer(content)
        while p.pointee != 0 {
            let b = p.pointee
            if b == 0xC2, p[1] == 0xA0 {
                builder.appendSpace(source: nil)
                p += 2
                continue
            }
            if b == 0xC2, p[1] == 0xAD { p += 2; continue }
            if b == 0xE2, p[1] == 0x80, p[2] == 0x8B { p += 3; continue }
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                builder.appendSpace(source: nil)
            } else {
                openBlockIfNeeded(builder: &builder)
                builder.append(b, source: nil)
                breaks = 0
            }
            p += 1
        }
    }

    private mutating func openBlockIfNeeded(builder: inout DocumentBuilder) {
        guard !builder.isBlockOpen else { return }
        let top = frames[frames.count - 1]
        let owner = frames[top.owner]
        builder.beginBlock(
            top.kind, level: top.level, sourceLine: HTMLParser.line(of: owner.node),
            xpath: String(decoding: path[..<owner.pathEnd], as: UTF8.self))
        if let number = pendingNumber {
            builder.append(number, sourceStart: nil)
            builder.appendSpace(source: nil)
            pendingNumber = nil
            pendingNumberFrame = -1
        }
    }

    /// `/html/body/main/article` for the element the walk starts from.
    static func absolutePath(of node: xmlNodePtr) -> String {
        var steps = [String]()
        var current: xmlNodePtr? = node
        while let n = current, HTMLNode.isElement(n) {
            let name = HTMLNode.name(n)
            var before = 0, total = 0
            var sibling = n.pointee.parent?.pointee.children
            while let s = sibling {
                if HTMLNode.isElement(s), HTMLNode.name(s) == name {
                    total += 1
                    if s == n { before = total }
                }
                sibling = s.pointee.next
            }
            steps.append(total > 1 ? "\(name)[\(before)]" : name)
            current = n.pointee.parent
        }
        return "/" + steps.reversed().joined(separator: "/")
    }
}
